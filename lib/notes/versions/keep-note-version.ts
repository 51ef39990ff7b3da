import "server-only";
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { getPrisma } from "@/lib/db";
import { Prisma, type MeetingNoteVersion, type NoteVersionKind } from "@/lib/generated/prisma/client";
import { findOpenNoteRoom } from "../note-rooms";
import { contentOf, ensureNote, readNote } from "../note-store";

/** The note as stored now: its merged Yjs state and the editor JSON made from that very state. */
export interface NoteSnapshot {
  noteId: string;
  yState: Uint8Array;
  content: JSONContent;
}

/**
 * The note as it is now: the open room's document when the note is open in this process (once
 * what it received is stored), else what storage holds. The JSON is made from that same state
 * rather than read from `MeetingNote.content`, which the room saves a moment later: a version's
 * two forms always agree.
 */
export async function readNoteSnapshot(workshopId: string): Promise<NoteSnapshot> {
  const noteId = await ensureNote(workshopId);
  const room = await findOpenNoteRoom(workshopId);
  if (room) await room.idle();
  const yState = room && !room.isClosing ? Y.encodeStateAsUpdate(room.doc) : (await readNote(noteId)).state;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, yState);
  const { content } = contentOf(doc);
  doc.destroy();
  return { noteId, yState, content };
}

type Db = Prisma.TransactionClient | Awaited<ReturnType<typeof getPrisma>>;

/** Stores a snapshot as a version. No creator: the row has no column for one. */
export async function keepNoteVersion(
  db: Db,
  snapshot: NoteSnapshot,
  version: { kind: NoteVersionKind; name: string; references?: Prisma.InputJsonValue },
): Promise<MeetingNoteVersion> {
  return db.meetingNoteVersion.create({
    data: {
      noteId: snapshot.noteId,
      kind: version.kind,
      name: version.name,
      yState: Uint8Array.from(snapshot.yState),
      content: snapshot.content as Prisma.InputJsonValue,
      ...(version.references !== undefined ? { references: version.references } : {}),
    },
  });
}
