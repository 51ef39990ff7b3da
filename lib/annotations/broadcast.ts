import "server-only";
import { getPrisma } from "@/lib/db";
import { getRealtimeServer, workshopRoom } from "@/lib/realtime/hub";
import { ANNOTATION_INCLUDE, presentAnnotation } from "./present";

/**
 * Pushes an annotation to everyone in the workshop as each of them would get it over HTTP
 * (`mine` differs per person), or its removal. Hidden annotations reach their author only.
 */
export async function broadcastAnnotation(workshopId: string, annotationId: string): Promise<void> {
  const io = getRealtimeServer();
  if (!io) return;
  const db = await getPrisma();
  const annotation = await db.annotation.findUnique({ where: { id: annotationId }, include: ANNOTATION_INCLUDE });
  const sockets = await io.in(workshopRoom(workshopId)).fetchSockets();
  for (const socket of sockets) {
    const viewerId = socket.data.userId as string;
    if (!annotation || (annotation.hiddenAt && annotation.authorId !== viewerId)) {
      socket.emit("annotation:removed", { workshopId, annotationId });
    } else {
      socket.emit("annotation:upserted", { workshopId, annotation: presentAnnotation(annotation, viewerId) });
    }
  }
}
