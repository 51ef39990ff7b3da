import * as Y from "yjs";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";

/**
 * The note's storage: a compacted Yjs state plus an append-only log of the updates merged since.
 * Neither carries who sent an update; nothing stores which Yjs client belonged to whom.
 */
export interface StoredNote {
  noteId: string;
  state: Uint8Array;
  /** Log rows not yet folded into the compacted state. */
  logLength: number;
  lastSeq: number;
}

export async function loadNote(workshopId: string): Promise<StoredNote> {
  const db = await getPrisma();
  const note = await db.meetingNote.upsert({
    where: { workshopId },
    create: { workshopId },
    update: {},
    select: { id: true, yState: true },
  });
  const log = await db.meetingNoteUpdate.findMany({
    where: { noteId: note.id },
    orderBy: { seq: "asc" },
    select: { seq: true, update: true },
  });
  const parts = [...(note.yState ? [note.yState] : []), ...log.map((row) => row.update)];
  const state = parts.length ? mergeStored(parts) : Y.encodeStateAsUpdate(new Y.Doc());
  return { noteId: note.id, state, logLength: log.length, lastSeq: log.at(-1)?.seq ?? 0 };
}

/**
 * The stored parts as one state. Should a stored part be damaged (rooms refuse such updates,
 * so only a bug or a hand-edited database could put one there), it is skipped rather than
 * leaving the note unopenable.
 */
function mergeStored(parts: Uint8Array[]): Uint8Array {
  try {
    const merged = Y.mergeUpdates(parts);
    Y.applyUpdate(new Y.Doc(), merged);
    return merged;
  } catch {
    const doc = new Y.Doc();
    for (const [index, part] of parts.entries()) {
      try {
        Y.applyUpdate(doc, part);
      } catch {
        logger.warn("skipped a damaged part of a stored note", { part: index });
      }
    }
    return Y.encodeStateAsUpdate(doc);
  }
}

/** Appends one (merged) update to the note's log. */
export async function appendNoteUpdate(noteId: string, seq: number, update: Uint8Array): Promise<void> {
  const db = await getPrisma();
  await db.meetingNoteUpdate.create({ data: { noteId, seq, update: Uint8Array.from(update) } });
}

/** Folds the log up to `upToSeq` into the compacted state (deleted text is garbage-collected). */
export async function compactNote(noteId: string, state: Uint8Array, upToSeq: number): Promise<void> {
  const db = await getPrisma();
  await db.$transaction([
    db.meetingNote.update({ where: { id: noteId }, data: { yState: Uint8Array.from(state) } }),
    db.meetingNoteUpdate.deleteMany({ where: { noteId, seq: { lte: upToSeq } } }),
  ]);
}

/**
 * Stores the note as editor JSON (what exports and search read, so that they need no Yjs).
 * Text and structure only: the JSON has no notion of who typed what.
 */
export async function saveNoteContent(noteId: string, content: object): Promise<void> {
  const db = await getPrisma();
  await db.meetingNote.update({ where: { id: noteId }, data: { content } });
}
