import "server-only";
import { getPrisma } from "@/lib/db";
import { deliverLive, getRealtimeServer, workshopRoom } from "@/lib/realtime/hub";
import { ANNOTATION_INCLUDE, presentAnnotation } from "./present";
import { audiencesOf, canSee } from "./audience";

/**
 * Pushes an annotation to everyone in the workshop as each of them would get it over HTTP
 * (`mine` differs per person), or its removal: at once in a large room, at the end of the
 * batching window in a small one (lib/realtime/live-delivery.ts), in its state at that moment.
 * Hidden annotations reach their author and organizers.
 */
export async function broadcastAnnotation(workshopId: string, annotationId: string): Promise<void> {
  await deliverLive(workshopId, `annotation:${annotationId}`, () => sendAnnotation(workshopId, annotationId));
}

async function sendAnnotation(workshopId: string, annotationId: string): Promise<void> {
  const io = getRealtimeServer();
  if (!io) return;
  const db = await getPrisma();
  const annotation = await db.annotation.findUnique({ where: { id: annotationId }, include: ANNOTATION_INCLUDE });
  const sockets = await io.in(workshopRoom(workshopId)).fetchSockets();
  const audiences = await audiencesOf(workshopId, [...new Set(sockets.map((socket) => socket.data.userId as string))]);
  for (const socket of sockets) {
    const audience = audiences.get(socket.data.userId as string)!;
    if (!annotation || !canSee(annotation, audience)) {
      socket.emit("annotation:removed", { workshopId, annotationId });
    } else {
      socket.emit("annotation:upserted", { workshopId, annotation: presentAnnotation(annotation, audience) });
    }
  }
}
