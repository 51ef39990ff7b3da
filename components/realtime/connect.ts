"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// One socket per page, shared by every component that listens: once any of them has joined the
// workshop room, all of them hear its events.
let shared: { socket: RealtimeSocket; users: number } | null = null;

/** Events of the workshop room, and the socket's own (re)connection and disconnection. */
type Listeners = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] } & { connect?: () => void; disconnect?: () => void };

/**
 * The page's shared socket (WebSocket only: the server refuses long-polling), and the function
 * that gives it back; the last user to give it back closes it.
 */
export function acquireSocket(): { socket: RealtimeSocket; release: () => void } {
  if (!shared) shared = { socket: io({ transports: ["websocket"], withCredentials: true }), users: 0 };
  const current = shared;
  current.users += 1;
  let released = false;
  return {
    socket: current.socket,
    release: () => {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users === 0) {
        current.socket.disconnect();
        if (shared === current) shared = null;
      }
    },
  };
}

/**
 * Joins a workshop's room on the page's shared socket and listens to its events; returns the
 * function that stops listening.
 */
export function subscribeToWorkshop(workshopId: string, listeners: Listeners): () => void {
  const { socket, release } = acquireSocket();
  const join = () => socket.emit("workshop:join", { workshopId });
  socket.on("connect", join);
  if (socket.connected) join();
  const entries = Object.entries(listeners) as [keyof ServerToClientEvents | "connect" | "disconnect", (...args: unknown[]) => void][];
  for (const [event, listener] of entries) socket.on(event, listener as never);
  return () => {
    socket.off("connect", join);
    for (const [event, listener] of entries) socket.off(event, listener as never);
    release();
  };
}
