/**
 * One app node for test/several-nodes.postgres.test.ts, in its own process: the realtime hub keeps its
 * state on globalThis, so two servers in one process would share it and prove nothing.
 * The socket.io server as server.ts builds it (without Next), on DATABASE_URL and the adapter
 * named by NODE_ADAPTER (redis: NODE_REDIS_URL; postgres: DATABASE_URL), with NODE_CHANNEL as the
 * channel prefix so that parallel runs do not hear each other.
 *
 * Prints `REALTIME_NODE_PORT=<port>` once listening. The parent drives the node's own domain over
 * the IPC channel (what a route handler on this node would call), and answers `{ done }`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { connectDatabase, disconnectDatabase } from "@/lib/db";
import { connectRealtimeAdapter, type RealtimeAdapterOptions } from "@/lib/realtime/adapter";
import { closeSocketServer, createSocketServer } from "@/lib/realtime/socket-server";
import { notifyLessonsChanged, notifyNoteStatus } from "@/lib/realtime/hub";

const ZNodeEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//),
  NODE_ADAPTER: z.enum(["redis", "postgres"]),
  NODE_REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  NODE_CHANNEL: z.string().min(8),
  NODE_ORIGIN: z.url(),
});

const ZCommand = z.object({ id: z.number(), run: z.enum(["notifyLessonsChanged", "notifyNoteStatus"]), workshopId: z.string() });
const commands = { notifyLessonsChanged, notifyNoteStatus };

async function main(): Promise<void> {
  const env = ZNodeEnv.parse(process.env);
  await connectDatabase();
  const options: RealtimeAdapterOptions =
    env.NODE_ADAPTER === "redis" ? { kind: "redis", url: env.NODE_REDIS_URL, key: env.NODE_CHANNEL } : { kind: "postgres", url: env.DATABASE_URL, channelPrefix: env.NODE_CHANNEL };
  const adapter = await connectRealtimeAdapter(options);
  const server = http.createServer();
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
