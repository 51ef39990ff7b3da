import "server-only";
import { getPrisma } from "@/lib/db";
import { deliverBatched, deliverLive, getRealtimeServer, workshopRoom } from "@/lib/realtime/hub";
import { audiencesOf, canSee } from "@/lib/annotations/audience";
import { loadLessonContext, tallyFromStances } from "./context";
import { LESSON_INCLUDE, presentLesson } from "./present";

/**
 * Pushes a lesson to everyone in the workshop as each of them would get it over HTTP (`mine`
 * and `myStance` differ per person), or its removal (deleted, hidden from them, merged). With
 * `stance`, the change came from someone's stance: it is held for the end of the clock-aligned
 * window whatever the size of the room, so that no change in the counts can be tied to whoever
 * just clicked. Other changes follow the small-room batching of deliverLive.
 */
export async function broadcastLesson(workshopId: string, lessonId: string, { stance = false }: { stance?: boolean } = {}): Promise<void> {
  const send = () => sendLesson(workshopId, lessonId);
  if (stance) await deliverBatched(workshopId, `lesson:${lessonId}`, send);
  else await deliverLive(workshopId, `lesson:${lessonId}`, send);
}

const TIMER_SLACK_MS = 100;

async function sendLesson(workshopId: string, lessonId: string): Promise<void> {
  const io = getRealtimeServer();
  if (!io) return;
  const db = await getPrisma();
  const sockets = await io.in(workshopRoom(workshopId)).fetchSockets();
  if (sockets.length === 0) return;
  const lesson = await db.lesson.findFirst({ where: { id: lessonId, workshopId }, include: LESSON_INCLUDE });
  const audiences = await audiencesOf(workshopId, [...new Set(sockets.map((socket) => socket.data.userId as string))]);
  const context = lesson && !lesson.mergedAt ? await loadLessonContext(db, workshopId) : null;
  // The delivery timer may fire a moment before the wall clock reaches the window's end.
  const now = new Date(Date.now() + TIMER_SLACK_MS);
  const stances = context ? await db.stance.findMany({ where: { lessonId }, select: { kind: true, shownKind: true, settlesAt: true, ownerTag: true } }) : [];
  for (const socket of sockets) {
    const userId = socket.data.userId as string;
    const audience = audiences.get(userId)!;
    if (!lesson || !context || !canSee(lesson, { kind: "lesson", id: lesson.id }, audience)) {
      socket.emit("lesson:removed", { workshopId, lessonId, mergedIntoId: lesson?.mergedIntoId ?? null });
      continue;
    }
    const tally = tallyFromStances(stances, lesson.id, audience.ownership, now);
    socket.emit("lesson:upserted", { workshopId, lesson: presentLesson(lesson, tally, context, audience) });
  }
}
