/**
 * 500 people opening the same workshop at once (issue 14): time until every socket has joined
 * and been told the presence count, and how many presence messages that took, against a plain
 * socket.io server that only puts each socket in the room and acknowledges. Sockets come from
 * the load generator's own process. BENCH_JOIN_SOCKETS changes the number.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { openDatabase } from "@/lib/db/connection";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { adoptDatabase, disconnectDatabase } from "@/lib/db";
import { closeSocketServer, createSocketServer } from "@/lib/realtime/socket-server";
import { setRealtimeServer } from "@/lib/realtime/hub";
import { addMember, createSession, createUser, createWorkshop } from "@/test/factories";
import { inLoadProcess } from "./support/load-process";
import type { JoinResult } from "./support/scale-load";
import type { Bench, BenchRow } from "./run";

const SOCKETS = Number(process.env.BENCH_JOIN_SOCKETS ?? 500);

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const bench: Bench = async () => {
  const rows: BenchRow[] = [];

  // The plain relay: join the room, acknowledge; no authentication, no presence.
  {
    const server = http.createServer();
    const io = new Server(server, { transports: ["websocket"], serveClient: false });
    io.on("connection", (socket) =>
      socket.on("workshop:join", async (payload: { workshopId: string }, ack: (answer: { ok: true }) => void) => {
        await socket.join(`workshop:${payload.workshopId}`);
        ack({ ok: true });
      }),
    );
    const port = await listen(server);
    const result = await inLoadProcess<JoinResult>({ kind: "join", url: `http://127.0.0.1:${port}`, origin: `http://localhost:${port}`, workshopId: "w", cookies: Array.from({ length: SOCKETS }, () => ""), awaitPresence: false });
    rows.push({ server: "plain socket.io", sockets: result.sockets, "all joined ms": result.allJoinedMs, "presence messages": result.presenceMessages, "server CPU %": Math.round(result.cpuPercent) });
    await new Promise((resolve) => io.close(() => resolve(undefined)));
  }

  process.env.RAPPORTEUR_MODE ??= "demo";
  const connection = await openDatabase({ kind: "pglite", dataDir: null });
  await applyPendingMigrations(connection.factory);
  adoptDatabase(connection);
  const server = http.createServer();
  const port = await listen(server);
  const origin = `http://localhost:${port}`;
  const io = createSocketServer(server, { allowedOrigins: [origin] });
  try {
    const workshop = await createWorkshop();
    const cookies: string[] = [];
    for (let index = 0; index < SOCKETS; index += 1) {
      const user = await createUser();
      await addMember(workshop.id, user.id, "PARTICIPANT");
      cookies.push(`next-auth.session-token=${await createSession(user.id)}`);
    }
    const result = await inLoadProcess<JoinResult>({ kind: "join", url: `http://127.0.0.1:${port}`, origin, workshopId: workshop.id, cookies, awaitPresence: true });
    const plain = rows[0]!;
    rows.push({
      server: "Rapporteur (PGlite)",
      sockets: result.sockets,
      "all joined ms": result.allJoinedMs,
      "presence messages": result.presenceMessages,
      "server CPU %": Math.round(result.cpuPercent),
      "÷ plain": (result.allJoinedMs / Number(plain["all joined ms"])).toFixed(1),
    });
  } finally {
    await closeSocketServer(io);
    setRealtimeServer(undefined);
    if (server.listening) server.close();
    await disconnectDatabase();
  }
  return {
    title: `${SOCKETS} sockets joining one workshop at once (load generator in its own process)`,
    rows,
    notes: [
      "all joined = from the first connect until every socket has its join acknowledged (and, for Rapporteur, its presence count)",
      "Rapporteur authenticates each socket (session lookup) and checks membership on join; the plain server does neither",
    ],
  };
};

export default bench;
