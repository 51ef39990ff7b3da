"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket to this server, WebSocket only (the server refuses long-polling). */
export function connectRealtime(): RealtimeSocket {
  return io({ transports: ["websocket"], withCredentials: true });
}
