/**
 * One app node for test/several-nodes.postgres.test.ts and the crash cycles (./crash-cycles.ts), in
 * its own process: the realtime hub keeps its state on globalThis, so two servers in one process
 * would share it and prove nothing; and a crash must kill the node, not the test.
 * The socket.io server as server.ts builds it (without Next), on DATABASE_URL (unset: the PGlite
 * data directory under DATA_DIR, as `npm start` opens it) and the adapter named by NODE_ADAPTER
 * (redis: NODE_REDIS_URL; postgres: DATABASE_URL; none: the only node), with NODE_CHANNEL as the
 * channel prefix so that parallel runs do not hear each other. NODE_HTTP_WRITES=1 also answers
 * POST /annotations (./annotation-endpoint.ts; needs the react-server condition).
 *
 * Prints `REALTIME_NODE_PORT=<port>` once listening. The parent drives the node's own domain over
 * the IPC channel (what a route handler on this node would call), and answers `{ done }`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { connectDatabase, disconnectDatabase } from "@/lib/db";
import { connectRealtimeAdapter } from "@/lib/realtime/adapter";
import { closeSocketServer, createSocketServer } from "@/lib/realtime/socket-server";
import { notifyLessonsChanged, notifyNoteStatus } from "@/lib/realtime/hub";

const ZNodeEnv = z.object({
  DATABASE_URL: z.union([z.string().regex(/^postgres(ql)?:\/\//), z.literal("")]).optional(),
  NODE_ADAPTER: z.enum(["redis", "postgres", "none"]),
  NODE_REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  NODE_CHANNEL: z.string().min(8),
  NODE_ORIGIN: z.url(),
  NODE_HTTP_WRITES: z.string().optional(),
});

const ZCommand = z.object({ id: z.number(), run: z.enum(["notifyLessonsChanged", "notifyNoteStatus"]), workshopId: z.string() });
const commands = { notifyLessonsChanged, notifyNoteStatus };

function connectAdapter(env: z.infer<typeof ZNodeEnv>) {
  if (env.NODE_ADAPTER === "none") return null;
  if (env.NODE_ADAPTER === "redis") return connectRealtimeAdapter({ kind: "redis", url: env.NODE_REDIS_URL, key: env.NODE_CHANNEL });
  if (!env.DATABASE_URL) throw new Error("the postgres adapter needs DATABASE_URL");
  return connectRealtimeAdapter({ kind: "postgres", url: env.DATABASE_URL, channelPrefix: env.NODE_CHANNEL });
}

async function main(): Promise<void> {
  const env = ZNodeEnv.parse(process.env);
  await connectDatabase();
  const adapter = await connectAdapter(env);
  const server = http.createServer();
  if (env.NODE_HTTP_WRITES === "1") {
    // Imported only here: domain functions throw on import without the react-server condition.
    const { handleAnnotationRequest } = await import("./annotation-endpoint");
    server.on("request", (request, response) => void handleAnnotationRequest(request, response));
  }
  // Both nodes sit behind one address in production: one origin for both.
  const io = createSocketServer(server, { allowedOrigins: [env.NODE_ORIGIN], adapter });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  process.on("message", (message) => {
    const command = ZCommand.parse(message);
    commands[command.run](command.workshopId);
    process.send?.({ done: command.id });
  });
  // The test process is gone (crashed, killed): so is the reason for this node.
  process.on("disconnect", () => process.exit(1));
  process.on("SIGTERM", () => {
    void closeSocketServer(io)
      .then(() => disconnectDatabase())
      .finally(() => process.exit(0));
  });
  console.log(`REALTIME_NODE_PORT=${(server.address() as AddressInfo).port}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
