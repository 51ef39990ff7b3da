import { z } from "zod";
import { ZId } from "@/lib/validation";
import { MAX_NOTE_BYTES } from "@/lib/notes/schema";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { PresentedLesson } from "@/lib/lessons/present";

/** Every event a client may send, validated before anything else happens. */
export const ZJoinWorkshop = z.object({ workshopId: ZId }).strict();
export const ZLeaveWorkshop = ZJoinWorkshop;

export type JoinWorkshop = z.infer<typeof ZJoinWorkshop>;

const ZWorkshopId = ZId;
/** socket.io delivers binary as Buffer on the server (a Uint8Array) and Uint8Array in browsers. */
const bytes = (max: number) =>
  z.instanceof(Uint8Array).refine((value) => value.byteLength <= max, `at most ${max} bytes`);

/** `generation`: of the client's document (lib/notes/note-generation.ts); absent on a first join. */
export const ZNoteJoin = z
  .object({ workshopId: ZWorkshopId, stateVector: bytes(64 * 1024), generation: z.number().int().min(0).max(2 ** 31 - 1).optional() })
  .strict();
// The update's own limit (MAX_NOTE_UPDATE_BYTES) is checked with a clearer message later.
export const ZNoteUpdate = z.object({ workshopId: ZWorkshopId, update: bytes(1024 * 1024) }).strict();
export const ZNoteAwareness = z.object({ workshopId: ZWorkshopId, update: bytes(8 * 1024) }).strict();
export const ZNoteLeave = z.object({ workshopId: ZWorkshopId }).strict();

/**
 * The answer to note:join: what the client lacks, the server's state vector, current carets, and
 * the note's generation of client ids. With `rebase`, the client's generation was retired:
 * `update` is the whole current state and `base` the final state of the client's generation
 * (null when it is gone), to rebase its offline edits with (components/note/note-connection.ts).
 */
export interface NoteJoined {
  ok: true;
  canEdit: boolean;
  update: Uint8Array;
  stateVector: Uint8Array;
  awareness: Uint8Array;
  generation: number;
  rebase?: true;
  base?: Uint8Array | null;
}
export type NoteJoinAck = (response: NoteJoined | { ok: false; code: string; message: string }) => void;

/** What the server sends. Presence carries a count only: never who is there. */
export interface ServerToClientEvents {
  /** 1: only you; null: you and a few others (2–3 people); otherwise the number of people. */
  "presence:count": (payload: { workshopId: string; count: number | null }) => void;
  "workshop:changed": (payload: { workshopId: string }) => void;
  "workshop:access-changed": (payload: { workshopId: string }) => void;
  "error:event": (payload: { code: string; message: string }) => void;
  /** The same presented object as the HTTP API gives this person. */
  "annotation:upserted": (payload: { workshopId: string; annotation: PresentedAnnotation }) => void;
  "annotation:removed": (payload: { workshopId: string; annotationId: string }) => void;
  /** The same presented lesson as the HTTP API gives this person (stance changes arrive batched). */
  "lesson:upserted": (payload: { workshopId: string; lesson: PresentedLesson }) => void;
  /** Deleted, hidden from this person, or merged into `mergedIntoId`. */
  "lesson:removed": (payload: { workshopId: string; lessonId: string; mergedIntoId: string | null }) => void;
  /** Stances revealed, thresholds or the hold setting changed: open boards fetch the lessons again. */
  "lessons:changed": (payload: { workshopId: string }) => void;
  /** The codebook changed: open pages fetch the themes (and tagged items) again. */
  "codebook:changed": (payload: { workshopId: string }) => void;
  /** A source's text was revised: its annotations moved, so open reading views reload. */
  "source:revised": (payload: { workshopId: string; sourceId: string; revision: number }) => void;
  /** Yjs updates of the note, merged per tick; they carry Yjs client numbers, never people. */
  "note:update": (payload: { workshopId: string; update: Uint8Array }) => void;
  /** Who may change the note changed (sign-off, reopening, the setting): join again to learn it. */
  "note:status": (payload: { workshopId: string }) => void;
  /** Caret positions and colours, rebuilt by the server from an allowlist. */
  "note:awareness": (payload: { workshopId: string; update: Uint8Array }) => void;
}

export type Ack = (response: { ok: true } | { ok: false; code: string; message: string }) => void;

export interface ClientToServerEvents {
  "workshop:join": (payload: unknown, ack?: Ack) => void;
  "workshop:leave": (payload: unknown, ack?: Ack) => void;
  "note:join": (payload: unknown, ack?: NoteJoinAck) => void;
  "note:update": (payload: unknown, ack?: Ack) => void;
  "note:awareness": (payload: unknown) => void;
  "note:leave": (payload: unknown, ack?: Ack) => void;
}

/**
 * What one node tells the others (io.serverSideEmit), validated on arrival like any input. Neither
 * names a person: a workshop, and the note's merged Yjs update as stored (Yjs client numbers only).
 */
export const ZAccessChangedRelay = z.object({ workshopId: ZWorkshopId }).strict();
// The update travels as base64: the Redis adapter sends server-side events as JSON, which has
// no bytes. A merged batch can exceed one update's limit; the note's own size bounds it.
export const ZNoteAcceptedRelay = z
  .object({
    workshopId: ZWorkshopId,
    update: z
      .base64()
      .max(Math.ceil(MAX_NOTE_BYTES / 3) * 4)
      .transform((text) => new Uint8Array(Buffer.from(text, "base64"))),
  })
  .strict();

export interface InterServerEvents {
  /** Who may do what in the workshop may have changed: forget remembered access (./access-cache.ts). */
  "access:changed": (payload: unknown) => void;
  /** A node stored this update of the note: rooms open on other nodes apply it (never store it again). */
  "note:accepted": (payload: unknown) => void;
}

export interface SocketData {
  userId: string;
}
