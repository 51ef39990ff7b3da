import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "./events";

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Refusal {
  ok: false;
  code: string;
  message: string;
}

/** Clients choose what they send as the acknowledgement slot: only a function is one. */
export function asAck<T extends (...args: never[]) => void>(value: unknown): T | undefined {
  return typeof value === "function" ? (value as T) : undefined;
}

/** Answers a refused event (acknowledgement and `error:event`), and drops the socket if asked. */
export function refuse(socket: AppSocket, ack: ((response: Refusal) => void) | undefined, refusal: Refusal, disconnect = false): void {
  ack?.(refusal);
  socket.emit("error:event", { code: refusal.code, message: refusal.message });
  if (disconnect) socket.disconnect(true);
}
