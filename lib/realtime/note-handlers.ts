import * as Y from "yjs";
import type { Server } from "socket.io";
import { logger } from "@/lib/logger";
import { findNoteAccess, type NoteAccess } from "@/lib/notes/note-access";
import { NoteRooms } from "@/lib/notes/note-rooms";
import type { UpdateResult } from "@/lib/notes/note-room";
import { NoteOpenElsewhereError } from "@/lib/notes/room-lease";
import { createRateLimit } from "@/lib/security/window-rate-limit";
import {
  ZNoteAwareness,
  ZNoteJoin,
  ZNoteLeave,
  ZNoteUpdate,
  ZNoteAcceptedRelay,
  type Ack,
  type NoteJoinAck,
} from "./events";
import { SocketAccessCache } from "./access-cache";
import { noteRoom, shareStoredNoteUpdate } from "./hub";
import { asAck, refuse, type AppServer, type AppSocket } from "./respond";

const NOT_FOUND = { ok: false as const, code: "NOT_FOUND", message: "Workshop not found, or you are not a member of it." };
const NOT_JOINED = { ok: false as const, code: "BAD_REQUEST", message: "Open the note (note:join) before sending to it." };
/**
 * Per socket, per 10 s. The browser sends at most one update and one caret move per 100 ms
 * (100 per 10 s); twice that leaves room for catch-ups and bursts, and stops a flood.
 */
const RATE_WINDOW_MS = 10_000;
const MAX_UPDATES_PER_WINDOW = 200;
const MAX_CARET_MOVES_PER_WINDOW = 200;
const RATE_LIMITED = {
  ok: false as const,
  code: "RATE_LIMITED",
  message: "Changes are arriving faster than anyone types; they will be sent again in a moment.",
};
const INTERNAL = { ok: false as const, code: "INTERNAL", message: "Something went wrong; reload the page." };
const READ_ONLY = {
  ok: false as const,
  code: "FORBIDDEN",
  message: "You can read this note but not change it (your role, or the workshop is closed).",
};
type Refusal = { ok: false; code: string; message: string };
const BAD_STATE_VECTOR = { ok: false as const, code: "BAD_REQUEST", message: "note:join needs a valid state vector" };
/**
 * An update from a page whose document belongs to a retired generation of client ids: never
 * applied (its items refer to ids the current document does not have). The page joins again,
 * which rebases its edits (components/note/note-connection.ts).
 */
export const STALE_GENERATION = {
  ok: false as const,
  code: "STALE_GENERATION",
  message: "The note was compacted since this page opened it; your changes are being brought over to the new version.",
};
/** A page of a retired generation whose final state retention has deleted: it cannot rebase. */
const GENERATION_GONE = {
  ok: false as const,
  code: "GENERATION_GONE",
  message: "The note was compacted while this page was offline and its earlier version is no longer kept; copy your text before reloading.",
};
const OPEN_ELSEWHERE = { ok: false as const, code: "UNAVAILABLE", message: "This note is open on another server; try again in a moment." };

function isStateVector(bytes: Uint8Array): boolean {
  try {
    Y.decodeStateVector(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The meeting note's events: Yjs sync, updates and awareness, checked per workshop and role.
 * `crossNode`: other nodes serve the same notes (a Redis or PostgreSQL adapter), each with its
 * own room on a note; otherwise one room per note, held under a lease (lib/notes/room-lease.ts).
 */
export function createNoteHandlers(io: AppServer, { crossNode = false }: { crossNode?: boolean } = {}) {
  const rooms = new NoteRooms(
    (workshopId) => ({
      update: (update) => {
        // Stored by now. The adapter brings the frame to this room's clients on every node; the
        // other nodes' rooms learn of it from the relay (they apply it without storing it again).
        shareStoredNoteUpdate(workshopId, update, io as unknown as Server);
      },
      // Carets reach every node's clients through the adapter; each room keeps its own clients'.
      awareness: (update, exceptSocketId) => {
        const target = exceptSocketId ? io.to(noteRoom(workshopId)).except(exceptSocketId) : io.to(noteRoom(workshopId));
        target.emit("note:awareness", { workshopId, update });
      },
    }),
    { exclusive: !crossNode },
  );

  io.on("note:accepted", (payload) => {
    const parsed = ZNoteAcceptedRelay.safeParse(payload);
    if (!parsed.success) return logger.warn("ignored a malformed note:accepted from another node");
    rooms.applyRelayed(parsed.data.workshopId, parsed.data.update);
  });

  const updateLimit = createRateLimit({ limit: MAX_UPDATES_PER_WINDOW, windowMs: RATE_WINDOW_MS });
  const caretLimit = createRateLimit({ limit: MAX_CARET_MOVES_PER_WINDOW, windowMs: RATE_WINDOW_MS });
  const accessCache = new SocketAccessCache<NoteAccess | null>();
  /** Per socket, the last update handed (or being handed) to its room: see inSendingOrder. */
  const admissions = new WeakMap<AppSocket, Promise<void>>();
  /** Per socket and workshop, the generation of client ids its page's document is on (set at join). */
  const generations = new WeakMap<AppSocket, Map<string, number>>();
  /** Looked up on join; remembered for the updates that follow until access may have changed. */
  const accessOf = async (socket: AppSocket, workshopId: string) => {
    const access = await accessCache.get(socket.id, workshopId, () => findNoteAccess(workshopId, socket.data.userId), (found) => found !== null);
    // A lookup that ended after the socket left would otherwise stay remembered.
    if (!socket.connected) accessCache.forget(socket.id);
    return access;
  };

  /**
   * Checks an update and hands it to its room; `stored` settles once the room stored it. Only the
   * hand-over is in sending order (inSendingOrder), not the storing: updates of one page still
   * share a flush.
   */
  async function admit(socket: AppSocket, workshopId: string, update: Uint8Array): Promise<{ refusal?: Refusal; stored?: Promise<UpdateResult> }> {
    const room = await rooms.roomFor(workshopId, socket.id);
    if (!room) return { refusal: NOT_JOINED };
    const access = await accessOf(socket, workshopId);
    if (!access) return { refusal: NOT_FOUND };
    if (!access.canEdit) return { refusal: READ_ONLY };
    if (generations.get(socket)?.get(workshopId) !== room.generation) return { refusal: STALE_GENERATION };
    return { stored: room.receive(update) };
  }

  /**
   * Runs a socket's updates through `admit` one after another, in the order they came. Each
   * update builds on the ones its page sent before; the lookups before the room (an access check
   * after a change, say) take varying time, and an update that overtook its predecessor would not
   * apply and be refused as damaged (seen in CI: a participant's typing lost after its first key).
   */
  function inSendingOrder<T>(socket: AppSocket, task: () => Promise<T>): Promise<T> {
    const turn = (admissions.get(socket) ?? Promise.resolve()).then(task);
    admissions.set(
      socket,
      turn.then(
        () => {},
        () => {},
      ),
    );
    return turn;
  }

  function register(socket: AppSocket): void {
    socket.on("note:join", async (payload, ackArgument) => {
      const ack = asAck<NoteJoinAck>(ackArgument);
      const parsed = ZNoteJoin.safeParse(payload);
      if (!parsed.success) {
        return refuse(socket, ack, { ok: false, code: "BAD_REQUEST", message: "note:join needs { workshopId, stateVector }." });
      }
      const { workshopId, stateVector, generation } = parsed.data;
      // Checked before the room is entered: a socket refused here stays outside it.
      if (!isStateVector(stateVector)) return refuse(socket, ack, BAD_STATE_VECTOR);
      let entered = false;
      try {
        accessCache.forget(socket.id, workshopId);
        const access = await accessOf(socket, workshopId);
        if (!access) return refuse(socket, ack, NOT_FOUND);
        // A socket that left while this ran has had its "disconnecting" already: entering the
        // room now would keep the room open (never stored, never compacted) for nobody.
        if (!socket.connected) return;
        const room = await rooms.enter(workshopId, socket.id);
        entered = true;
        // Not while a damaged update is being undone (the document is rebuilt from storage).
        await room.idle();
        if (!socket.connected) return void (await rooms.leave(workshopId, socket.id));
        const { clientGeneration, ...answer } = await room.joinFor(stateVector, generation);
        if (!socket.connected) return void (await rooms.leave(workshopId, socket.id));
        if (answer.rebase && !answer.base) {
          // Outside the note altogether, even if this socket had joined it before.
          await socket.leave(noteRoom(workshopId));
          await rooms.leave(workshopId, socket.id);
          return refuse(socket, ack, GENERATION_GONE);
        }
        // A page rebasing stays on its old generation until it joins again with the new one.
        if (!generations.has(socket)) generations.set(socket, new Map());
        generations.get(socket)!.set(workshopId, clientGeneration);
        await socket.join(noteRoom(workshopId));
        ack?.({ ok: true, canEdit: access.canEdit, ...answer });
      } catch (error) {
        if (error instanceof NoteOpenElsewhereError) {
          logger.warn("a note is open on another server; note:join refused", { workshopId });
          return refuse(socket, ack, OPEN_ELSEWHERE);
        }
        logger.error("note:join failed", error);
        // Whatever failed, the socket does not stay half inside the room.
        if (entered) {
          await socket.leave(noteRoom(workshopId));
          await rooms.leave(workshopId, socket.id).catch((leaveError) => logger.error("leaving a note failed", leaveError));
        }
        refuse(socket, ack, INTERNAL);
      }
    });

    socket.on("note:update", async (payload, ackArgument) => {
      const ack = asAck<Ack>(ackArgument);
      const parsed = ZNoteUpdate.safeParse(payload);
      if (!parsed.success) {
        return refuse(socket, ack, { ok: false, code: "BAD_REQUEST", message: "note:update needs { workshopId, update } (update at most 1 MB)." });
      }
      const { workshopId, update } = parsed.data;
      if (!updateLimit.take(socket.id)) return refuse(socket, ack, RATE_LIMITED);
      try {
        const admitted = inSendingOrder(socket, () => admit(socket, workshopId, update));
        const { refusal, stored } = await admitted;
        const result = refusal ?? (await stored!);
        if (result.ok) ack?.(result);
        else refuse(socket, ack, result);
      } catch (error) {
        logger.error("note:update failed", error);
        refuse(socket, ack, INTERNAL);
      }
    });

    socket.on("note:awareness", async (payload) => {
      const parsed = ZNoteAwareness.safeParse(payload);
      if (!parsed.success || !caretLimit.take(socket.id)) return;
      const room = await rooms.roomFor(parsed.data.workshopId, socket.id);
      if (!room) return;
      try {
        room.receiveAwareness(socket.id, socket.data.userId, parsed.data.update);
      } catch {
        socket.emit("error:event", { code: "BAD_REQUEST", message: "That caret update could not be read." });
      }
    });

    socket.on("note:leave", async (payload, ackArgument) => {
      const ack = asAck<Ack>(ackArgument);
      const parsed = ZNoteLeave.safeParse(payload);
      if (!parsed.success) return refuse(socket, ack, { ok: false, code: "BAD_REQUEST", message: "note:leave needs { workshopId }." });
      await socket.leave(noteRoom(parsed.data.workshopId));
      await rooms.leave(parsed.data.workshopId, socket.id);
      accessCache.forget(socket.id, parsed.data.workshopId);
      generations.get(socket)?.delete(parsed.data.workshopId);
      ack?.({ ok: true });
    });

    socket.on("disconnecting", () => {
      accessCache.forget(socket.id);
      const notes = [...socket.rooms].filter((room) => room.startsWith("note:")).map((room) => room.slice("note:".length));
      for (const workshopId of notes) {
        rooms.leave(workshopId, socket.id).catch((error) => logger.error("leaving a note failed", error));
      }
    });
  }

  return { register, closeAll: () => rooms.closeAll() };
}
