import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { isAppError } from "@/lib/errors";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { logger } from "@/lib/logger";
import { findSessionUserId, isAllowedOrigin } from "./authenticate-socket";
import { applyRelayedAccessChange, flushLiveDeliveries, setRealtimeServer, userRoom, workshopRoom } from "./hub";
import type { RealtimeAdapter } from "./adapter";
import { createPresence } from "./presence";
import { createNoteHandlers } from "./note-handlers";
import { asAck, refuse, type AppServer, type AppSocket } from "./respond";
import { ZJoinWorkshop, ZLeaveWorkshop, type Ack } from "./events";

/** Frames may carry a pasted passage of the note (one update up to 512 KB, see lib/notes/schema). */
export const MAX_FRAME_BYTES = 1024 * 1024 + 16 * 1024;

/** What must be stored before the process exits (open notes). */
const shutdownTasks = new WeakMap<object, () => Promise<void>>();
/** The cross-node adapter's connections, closed once socket.io is. */
const adapters = new WeakMap<object, RealtimeAdapter>();

async function isMember(workshopId: string, userId: string): Promise<boolean> {
  try {
    await getWorkshopAccess({ id: userId }, workshopId);
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return false;
    throw error;
  }
}

function workshopIdsOf(socket: AppSocket): string[] {
  return [...socket.rooms].filter((room) => room.startsWith("workshop:")).map((room) => room.slice("workshop:".length));
}

type Presence = ReturnType<typeof createPresence>;

function registerHandlers(socket: AppSocket, presence: Presence): void {
  socket.on("workshop:join", async (payload, ackArgument) => {
    const ack = asAck<Ack>(ackArgument);
    const parsed = ZJoinWorkshop.safeParse(payload);
    if (!parsed.success) return refuse(socket, ack, { ok: false, code: "BAD_REQUEST", message: "workshop:join needs { workshopId }." });
    const { workshopId } = parsed.data;
    try {
      if (!(await isMember(workshopId, socket.data.userId))) {
        return refuse(socket, ack, { ok: false, code: "NOT_FOUND", message: "Workshop not found, or you are not a member of it." }, true);
      }
      await socket.join(workshopRoom(workshopId));
      ack?.({ ok: true });
      presence.joined(workshopId, socket.id);
    } catch (error) {
      logger.error("workshop:join failed", error);
      refuse(socket, ack, { ok: false, code: "INTERNAL", message: "Something went wrong; reload the page." });
    }
  });

  socket.on("workshop:leave", async (payload, ackArgument) => {
    const ack = asAck<Ack>(ackArgument);
    const parsed = ZLeaveWorkshop.safeParse(payload);
    if (!parsed.success) return refuse(socket, ack, { ok: false, code: "BAD_REQUEST", message: "workshop:leave needs { workshopId }." });
    const room = workshopRoom(parsed.data.workshopId);
    ack?.({ ok: true });
    if (!socket.rooms.has(room)) return;
    await socket.leave(room);
    presence.left(parsed.data.workshopId);
  });

  socket.on("disconnecting", () => {
    // Rooms are left only after this event; the recount runs a window later, once they have been.
    workshopIdsOf(socket).forEach((id) => presence.left(id));
  });
}

export interface SocketServerOptions {
  allowedOrigins: readonly string[];
  /** The small-room batching window (lib/realtime/live-delivery.ts); tests shorten it. */
  liveWindowMs?: number;
  /**
   * Reaches the sockets of other nodes serving the same workshops (./adapter.ts
   * connectRealtimeAdapter); without it, this process is the only node.
   */
  adapter?: RealtimeAdapter | null;
}

/** socket.io on the app's HTTP server: WebSocket only, Origin-checked, session-authenticated. */
export function createSocketServer(httpServer: HttpServer, { allowedOrigins, liveWindowMs, adapter }: SocketServerOptions): AppServer {
  const io: AppServer = new Server(httpServer, {
    ...(adapter ? { adapter: adapter.factory } : {}),
    // WebSocket only: its handshake always carries Origin, which long-polling GETs may not.
    transports: ["websocket"],
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
    allowRequest: (request, callback) => {
      const allowed = isAllowedOrigin(request.headers.origin, allowedOrigins);
      callback(allowed ? null : "Origin not allowed", allowed);
    },
  });

  io.use(async (socket, next) => {
    try {
      const userId = await findSessionUserId(socket.request);
      if (!userId) return next(new Error("UNAUTHENTICATED"));
      socket.data.userId = userId;
      next();
    } catch (error) {
      logger.error("socket authentication failed", error);
      next(new Error("UNAVAILABLE"));
    }
  });

  if (adapter) adapters.set(io, adapter);
  io.on("access:changed", applyRelayedAccessChange);

  // One node may hold a note exclusively; with other nodes, each opens its own room on it.
  const notes = createNoteHandlers(io, { crossNode: !!adapter });
  const presence = createPresence(io);
  shutdownTasks.set(io, async () => {
    presence.close();
    await notes.closeAll();
  });

  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.userId));
    registerHandlers(socket, presence);
    notes.register(socket);
  });

  setRealtimeServer(io as unknown as Server, { liveWindowMs, crossNode: !!adapter });
  return io;
}

/** Disconnects everyone and stores the open notes; the HTTP server is the caller's to close. */
export async function closeSocketServer(io: AppServer): Promise<void> {
  await flushLiveDeliveries().catch(() => {});
  io.disconnectSockets(true);
  await shutdownTasks.get(io)?.();
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await adapters.get(io)?.close();
}
