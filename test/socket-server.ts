import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { closeSocketServer, createSocketServer } from "@/lib/realtime/socket-server";
import { setRealtimeServer } from "@/lib/realtime/hub";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { addMember, createSession, createUser } from "./factories";

export interface TestSocketServer {
  /** Where clients connect (127.0.0.1), and the Origin they must send (localhost). */
  url: string;
  origin: string;
  io: ReturnType<typeof createSocketServer>;
}

/**
 * The app's socket.io server on a free port for the calling test file, closed (open notes
 * stored) after `beforeClose` — typically: disconnect the file's clients.
 */
export function registerSocketServer(beforeClose: () => void = () => {}, options: { liveWindowMs?: number } = {}): TestSocketServer {
  const server = { url: "", origin: "" } as TestSocketServer;
  let httpServer: http.Server;
  beforeAll(async () => {
    httpServer = http.createServer();
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const { port } = httpServer.address() as AddressInfo;
    server.url = `http://127.0.0.1:${port}`;
    server.origin = `http://localhost:${port}`;
    server.io = createSocketServer(httpServer, { allowedOrigins: [server.origin], liveWindowMs: options.liveWindowMs });
  });
  afterAll(async () => {
    beforeClose();
    await closeSocketServer(server.io);
    setRealtimeServer(undefined);
    if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
  });
  return server;
}

/**
 * A new member of the workshop (`role`, a participant by default) connected to `server` as the
 * app's pages connect (session cookie, Origin, WebSocket only, no reconnection); the socket is
 * added to `sockets`, for the file to disconnect.
 */
export async function connectMember(
  server: TestSocketServer,
  workshopId: string,
  sockets: ClientSocket[],
  role: Role = "PARTICIPANT",
): Promise<{ socket: ClientSocket; user: Awaited<ReturnType<typeof createUser>> }> {
  const user = await createUser();
  await addMember(workshopId, user.id, role);
  const cookie = `next-auth.session-token=${await createSession(user.id)}`;
  const socket = connectClient(server.url, { transports: ["websocket"], extraHeaders: { cookie, origin: server.origin }, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
  return { socket, user };
}
