import "server-only";
import { getPrisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { isId } from "@/lib/validation";

/** Revokes (deletes) one of the viewer's tokens; someone else's token is "not found". */
export async function revokeApiToken({ viewer, tokenId }: { viewer: Viewer; tokenId: unknown }): Promise<void> {
  if (!isId(tokenId)) throw notFound("Token");
  const db = await getPrisma();
  const { count } = await db.apiToken.deleteMany({ where: { id: tokenId, userId: viewer.id } });
  if (count === 0) throw notFound("Token");
}
