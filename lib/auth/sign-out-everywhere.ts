import "server-only";
import { getPrisma } from "@/lib/db";
import { disconnectUserSockets } from "@/lib/realtime/hub";
import type { Viewer } from "./session";

/**
 * Ends every session of the viewer on every device: sessions live in the database, so deleting
 * them revokes the cookies at once; open sockets are dropped too.
 */
export async function signOutEverywhere({ viewer }: { viewer: Viewer }): Promise<{ sessionsEnded: number }> {
  const db = await getPrisma();
  const { count } = await db.session.deleteMany({ where: { userId: viewer.id } });
  disconnectUserSockets(viewer.id);
  return { sessionsEnded: count };
}
