import * as Y from "yjs";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { RoomLease } from "./room-lease";
import { contentOf, docOf, lockNote, readStoredParts } from "./note-store";
import { noteStateFromJSON } from "./note-template";

/**
 * Issue 14: every page visit is a fresh Yjs client id (anonymity), and applying an update costs
 * O(client ids). A note whose document holds more than this many ids starts a new generation
 * when its room closes: one random client id, the same text. Tests lower it.
 */
export const COMPACT_ABOVE_CLIENT_IDS = 200;

/** When a room retires its generation: a setting rather than the constant, so tests can lower it. */
export const generationSettings = { compactAboveClientIds: COMPACT_ABOVE_CLIENT_IDS };

/** How many Yjs client ids the document holds (each past visit that typed is one). */
export function clientIdCount(doc: Y.Doc): number {
  return doc.store.clients.size;
}

export type RetireResult = { retired: false } | { retired: true; generation: number; state: Uint8Array; bytes: number };

/**
 * Retires the note's current generation, under its row lock: the state stored merged with the
 * room's document (nothing another writer stored is lost) is kept as generation g's final state
 * (clients offline across this rebase against it), and the note's state becomes generation g+1,
 * rebuilt from the editor JSON into a fresh document with one random client id (the same path
 * new notes take: ./note-template.ts), whose log is empty.
 *
 * `leaseToken`: the room's lease, checked under the lock: only the room holding the note may
 * retire a generation (a second writer would keep sending updates built on the old ids).
 * `expectedGeneration`: the generation the room loaded; anything else means another room
 * retired it meanwhile, and this one does nothing.
 */
export async function retireGeneration(
  noteId: string,
  options: { roomState: Uint8Array; leaseToken: string; expectedGeneration: number; threshold?: number },
): Promise<RetireResult> {
  const threshold = options.threshold ?? COMPACT_ABOVE_CLIENT_IDS;
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    const lease = await lockNote(tx, noteId);
    if (lease.roomLeaseToken !== options.leaseToken) return { retired: false as const };
    const { generation } = await tx.meetingNote.findUniqueOrThrow({ where: { id: noteId }, select: { generation: true } });
    if (generation !== options.expectedGeneration) return { retired: false as const };
    const { parts, rows } = await readStoredParts(tx, noteId);
    const old = docOf([...parts, options.roomState]);
    if (clientIdCount(old) <= threshold) return { retired: false as const };
    const finalState = Y.encodeStateAsUpdate(old);
    const { content, plainText } = contentOf(old);
    old.destroy();
    const state = noteStateFromJSON(content);
    await tx.meetingNoteGeneration.create({ data: { noteId, generation, state: Uint8Array.from(finalState) } });
    await tx.meetingNote.update({
      where: { id: noteId },
      data: { yState: Uint8Array.from(state), generation: generation + 1, content, plainText },
    });
    // Every row was read above (a row appended later would wait for this lock, and then build on
    // the new state); all of them are folded into generation g's final state.
    const foldedUpTo = rows.at(-1)?.seq;
    if (foldedUpTo !== undefined) await tx.meetingNoteUpdate.deleteMany({ where: { noteId, seq: { lte: foldedUpTo } } });
    return { retired: true as const, generation: generation + 1, state, bytes: state.byteLength };
  });
}

/**
 * What a closing room runs (./note-room.ts): retires the note's generation if the room's document
 * holds more than the threshold of client ids. Only a room holding the lease (one node) does:
 * with several nodes (no lease) a room on another node may still have clients sending updates
 * built on the old ids, which the new generation could not place. That is a documented gap
 * (docs/PERFORMANCE.md): notes served by several nodes keep piling up ids.
 */
export async function retireCrowdedGeneration(noteId: string, doc: Y.Doc, lease: RoomLease | null, generation: number): Promise<RetireResult> {
  const threshold = generationSettings.compactAboveClientIds;
  if (!lease?.isHeld || clientIdCount(doc) <= threshold) return { retired: false };
  try {
    return await retireGeneration(noteId, { roomState: Y.encodeStateAsUpdate(doc), leaseToken: lease.token, expectedGeneration: generation, threshold });
  } catch (error) {
    // Nothing was written (one transaction): the room compacts as usual, and tries next time.
    logger.error("starting a new generation of a note failed", error);
    return { retired: false };
  }
}

/** The final state of a retired generation, or null when it is gone (retention) or never was. */
export async function generationBase(noteId: string, generation: number): Promise<Uint8Array | null> {
  const db = await getPrisma();
  const row = await db.meetingNoteGeneration.findUnique({ where: { noteId_generation: { noteId, generation } }, select: { state: true } });
  return row ? Uint8Array.from(row.state) : null;
}
