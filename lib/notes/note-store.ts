import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type { JSONContent } from "@tiptap/core";
import { getPrisma, type Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import { notePlainText } from "./note-plain-text";
import { referencedIds } from "./resolve-note";
import { initialNoteState } from "./note-template";
import { NOTE_FRAGMENT } from "./schema";

/**
 * The note's storage: a compacted Yjs state plus an append-only log of the updates merged since.
 * Neither carries who sent an update; nothing stores which Yjs client belonged to whom.
 * Everything that rewrites stored state (compaction, the JSON copy) first locks the note row and
 * merges with what is stored, so that nothing another writer stored meanwhile is lost.
 */
export interface StoredNote {
  noteId: string;
  state: Uint8Array;
  /** Log rows not yet folded into the compacted state. */
  logLength: number;
  /** The note's generation of Yjs client ids (./note-generation.ts). */
  generation: number;
}

/** The note's id, creating the note from its template (./note-template.ts) on first use. */
export async function ensureNote(workshopId: string): Promise<string> {
  const db = await getPrisma();
  const existing = await db.meetingNote.findUnique({ where: { workshopId }, select: { id: true } });
  if (existing) return existing.id;
  const yState = Uint8Array.from(await initialNoteState(workshopId));
  // Two first visits at once: the second finds the row the first created and keeps it as it is.
  const note = await db.meetingNote.upsert({ where: { workshopId }, create: { workshopId, yState }, update: {}, select: { id: true } });
  return note.id;
}

/** The note as stored: its compacted state merged with the log. */
export async function loadNote(workshopId: string): Promise<StoredNote> {
  return readNote(await ensureNote(workshopId));
}

export async function readNote(noteId: string): Promise<StoredNote> {
  const db = await getPrisma();
  const { parts, rows, generation } = await readStoredParts(db, noteId);
  const state = parts.length ? Y.encodeStateAsUpdate(docOf(parts)) : Y.encodeStateAsUpdate(new Y.Doc());
  return { noteId, state, logLength: rows.length, generation };
}

type Reader = Pick<Tx, "meetingNote" | "meetingNoteUpdate">;

/** The stored state and log rows, in order (inside a transaction: after lockNote). */
export async function readStoredParts(db: Reader, noteId: string) {
  const note = await db.meetingNote.findUniqueOrThrow({ where: { id: noteId }, select: { yState: true, generation: true } });
  const rows = await db.meetingNoteUpdate.findMany({ where: { noteId }, orderBy: { seq: "asc" }, select: { seq: true, update: true } });
  const parts: Uint8Array[] = [...(note.yState ? [note.yState] : []), ...rows.map((row) => row.update)];
  return { parts, rows, generation: note.generation };
}

/**
 * The parts as one document. Should a stored part be damaged (rooms refuse such updates, so only
 * a bug or a hand-edited database could put one there), it is skipped rather than leaving the
 * note unopenable. Items that refer to items the note never had (pending structs or deletes,
 * which rooms refuse now but older versions stored) are dropped: they can never be placed, and
 * a document holding them would make every later update look damaged.
 */
export function docOf(parts: Uint8Array[]): Y.Doc {
  let doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(parts));
  } catch {
    doc = new Y.Doc();
    for (const [index, part] of parts.entries()) {
      try {
        Y.applyUpdate(doc, part);
      } catch {
        logger.warn("skipped a damaged part of a stored note", { part: index });
      }
    }
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    logger.warn("dropped items of a stored note that refer to items it never had");
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
  }
  return doc;
}

/** Locks the note row until the transaction ends: every writer of stored state takes this lock. */
export async function lockNote(tx: Tx, noteId: string): Promise<{ roomLeaseToken: string | null; roomLeaseUntil: Date | null }> {
  const [note] = await tx.$queryRaw<{ roomLeaseToken: string | null; roomLeaseUntil: Date | null }[]>`
    SELECT "roomLeaseToken", "roomLeaseUntil" FROM "MeetingNote" WHERE "id" = ${noteId} FOR UPDATE`;
  if (!note) throw new Error("the note to lock does not exist");
  return note;
}

/**
 * Appends one (merged) update to the note's log under the next sequence number, which the
 * database hands out: the UPDATE … RETURNING takes the row lock, so numbers never collide. One
 * statement (atomic on its own), so a busy note's flush costs one round trip, not four.
 */
export async function appendNoteUpdate(noteId: string, update: Uint8Array): Promise<number> {
  return appendLogRow(await getPrisma(), noteId, update);
}

export async function appendLogRow(db: Pick<Tx, "$queryRaw">, noteId: string, update: Uint8Array): Promise<number> {
  const [row] = await db.$queryRaw<{ seq: number }[]>`
    WITH "next" AS (UPDATE "MeetingNote" SET "lastSeq" = "lastSeq" + 1 WHERE "id" = ${noteId} RETURNING "lastSeq")
    INSERT INTO "MeetingNoteUpdate" ("id", "noteId", "seq", "update")
    SELECT ${randomUUID()}, ${noteId}, "lastSeq", ${Uint8Array.from(update)} FROM "next"
    RETURNING "seq"`;
  if (!row) throw new Error("the note to append to does not exist");
  return Number(row.seq);
}

/** The note as editor JSON (a `doc` node), which exports read, and its words for search. */
export function contentOf(doc: Y.Doc): { content: JSONContent; plainText: string } {
  const content = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(NOTE_FRAGMENT)) as JSONContent;
  return { content, plainText: notePlainText(content) };
}

/**
 * Writes the JSON copy and plain text of a document that holds everything stored: a room under
 * the note's lease (every stored update went through it). No read of the stored parts and no
 * merge, which on a busy note cost tens of milliseconds a second in the room's storage queue.
 */
export async function storeNoteContent(noteId: string, doc: Y.Doc): Promise<{ lessonIds: string[] }> {
  const { content, plainText } = contentOf(doc);
  const db = await getPrisma();
  await db.meetingNote.update({ where: { id: noteId }, data: { content, plainText }, select: { id: true } });
  return { lessonIds: referencedIds(content).lessonIds };
}

/**
 * Under the note's row lock, merges the stored state, the log and the room's document (when
 * given), and writes the merged document's JSON copy and plain text. With `compact`, also writes
 * the merged state (deleted text garbage-collected) and deletes the log rows it folded, and only
 * those: rows appended meanwhile wait for the lock and stay. Returns the merged state's size and the lessons the note refers to.
 */
export async function storeNoteSnapshot(
  noteId: string,
  options: { roomState?: Uint8Array; compact: boolean },
): Promise<{ bytes: number; lessonIds: string[] }> {
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    await lockNote(tx, noteId);
    const { parts, rows } = await readStoredParts(tx, noteId);
    const doc = docOf(options.roomState ? [...parts, options.roomState] : parts);
    const state = Y.encodeStateAsUpdate(doc);
    const { content, plainText } = contentOf(doc);
    await tx.meetingNote.update({
      where: { id: noteId },
      data: { content, plainText, ...(options.compact ? { yState: Uint8Array.from(state) } : {}) },
    });
    const foldedUpTo = rows.at(-1)?.seq;
    if (options.compact && foldedUpTo !== undefined) {
      await tx.meetingNoteUpdate.deleteMany({ where: { noteId, seq: { lte: foldedUpTo } } });
    }
    return { bytes: state.byteLength, lessonIds: referencedIds(content).lessonIds };
  });
}
