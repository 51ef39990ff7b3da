import "server-only";
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findOpenNoteRoom } from "./note-rooms";
import { appendLogRow, contentOf, docOf, ensureNote, lockNote, readStoredParts } from "./note-store";
import { processToken } from "./process-token";
import { noteSchema, writeNoteContent } from "./rebase-note";
import { checkNoteUpdate } from "./validate-update";
import { shareStoredNoteUpdate } from "@/lib/realtime/hub";

/**
 * Makes the live note equal `content` (editor JSON, a `doc` node) as one new change, as if an
 * editor had typed it: every editor keeps its place and sees the change, and nothing before it
 * is lost from storage. Through the note's room when it is open in this process (stored, shared
 * and acknowledged like any other update), otherwise appended to the stored log under the
 * note's row lock. Used by restoring a version and reopening a signed-off note.
 */
export async function replaceNoteContent(workshopId: string, content: JSONContent): Promise<void> {
  const target = toNode(content);
  const room = await findOpenNoteRoom(workshopId);
  if (room) {
    // Computed on what the room holds once what it received is stored.
    await room.idle();
    const update = changeTo(Y.encodeStateAsUpdate(room.doc), target);
    if (!update) return;
    const result = await room.receive(update);
    if (result.ok) return;
    // A room that closed meanwhile has stored everything: storage takes the change instead.
    if (!room.isClosing) throw new AppError("UNPROCESSABLE", "noteChangeRefused", `The note could not take this change: ${result.message}`);
  }
  const stored = await appendToStorage(workshopId, target);
  // With several nodes the note may be open on another one: its room and editors take the change.
  if (stored) shareStoredNoteUpdate(workshopId, stored);
}

function toNode(content: JSONContent): ProseMirrorNode {
  try {
    const node = ProseMirrorNode.fromJSON(noteSchema(), content);
    node.check();
    if (node.type.name !== "doc") throw new RangeError("not a document");
    return node;
  } catch {
    throw new AppError("BAD_REQUEST", "noteContentInvalid", "This content is not a meeting note the editor can hold.");
  }
}

/** The update that turns the document `state` into `target`, or null when they are equal. */
function changeTo(state: Uint8Array, target: ProseMirrorNode): Uint8Array | null {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  let changed = false;
  doc.on("afterTransaction", (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) changed = true;
  });
  writeNoteContent(doc, target);
  const update = Y.encodeStateAsUpdate(doc, before);
  if (!changed) {
    doc.destroy();
    return null;
  }
  const check = checkNoteUpdate(update, doc);
  doc.destroy();
  if (!check.ok) throw new AppError(check.code, "noteChangeRefused", `The note could not take this change: ${check.message}`);
  return update;
}

/**
 * No room holds the note in this process: the change goes to the log under the row lock (the
 * next room to open reads it). With one node, a room open on another process would not see it,
 * so that case is refused; the lease is checked under the same lock that the append takes. With
 * several nodes rooms take no lease: the caller shares the stored change with them instead.
 */
async function appendToStorage(workshopId: string, target: ProseMirrorNode): Promise<Uint8Array | null> {
  const noteId = await ensureNote(workshopId);
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    const lease = await lockNote(tx, noteId);
    const heldElsewhere = lease.roomLeaseToken !== null && lease.roomLeaseToken !== processToken() && (lease.roomLeaseUntil?.getTime() ?? 0) > Date.now();
    if (heldElsewhere) throw new AppError("CONFLICT", "noteOpenElsewhere", "This note is open on another server; try again in a moment.");
    const state = Y.encodeStateAsUpdate(docOf((await readStoredParts(tx, noteId)).parts));
    const update = changeTo(state, target);
    if (!update) return null;
    await appendLogRow(tx, noteId, update);
    const doc = docOf([state, update]);
    await tx.meetingNote.update({ where: { id: noteId }, data: contentOf(doc) });
    return update;
  });
}
