import net from "node:net";
import type { AddressInfo } from "node:net";
import { createPrng } from "@/lib/anchoring/testing";

/**
 * A TCP proxy for tests that plays a bad network between clients and a server: every chunk is
 * held for a random while (order kept per direction), and connections are cut at random moments
 * (both sides destroyed, as a dropped Wi-Fi does), so clients have to reconnect through it.
 * Its choices come from a seeded PRNG: a failing seed replays the same delays and cuts (the
 * machine's own timing still varies, so a replay is close, not identical).
 */
export interface ChaosProxy {
  /** Where clients connect instead of the server. */
  url: string;
  /** Connections cut so far. */
  cuts: () => number;
  /** Turns delays and cuts off (the network is good again); connections stay as they are. */
  calm: () => void;
  close: () => Promise<void>;
}

export interface ChaosOptions {
  seed: number;
  /** A chunk waits up to this long, now and then (one chunk in ten) five times as long. */
  maxDelayMs: number;
  /** A connection lives between these two before it is cut. */
  lifetimeMs: [number, number];
}

/** Forwards one direction, each chunk after its delay, never overtaking an earlier one. */
function delayedPipe(from: net.Socket, to: net.Socket, delay: () => number): void {
  const queue: { at: number; chunk: Buffer }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const pump = () => {
    timer = null;
    while (queue.length && queue[0]!.at <= Date.now()) {
      const { chunk } = queue.shift()!;
      if (!to.destroyed) to.write(chunk);
    }
    if (queue.length) timer = setTimeout(pump, queue[0]!.at - Date.now());
  };
  from.on("data", (chunk: Buffer) => {
    const last = queue.at(-1)?.at ?? 0;
    queue.push({ at: Math.max(last, Date.now() + delay()), chunk });
    timer ??= setTimeout(pump, queue[0]!.at - Date.now());
  });
  from.on("close", () => {
    // What was already on its way still arrives, unless the connection is being cut.
    if (timer) clearTimeout(timer);
    timer = null;
    const rest = Buffer.concat(queue.splice(0).map((item) => item.chunk));
    if (!to.destroyed) to.end(rest);
  });
}

export async function startChaosProxy(target: { host: string; port: number }, options: ChaosOptions): Promise<ChaosProxy> {
  const random = createPrng(options.seed);
  let chaotic = true;
  let cuts = 0;
  const live = new Set<{ client: net.Socket; upstream: net.Socket; cutTimer: ReturnType<typeof setTimeout> }>();
  const delay = () => (chaotic ? random() * options.maxDelayMs * (random() < 0.1 ? 5 : 1) : 0);
  const cut = (pair: { client: net.Socket; upstream: net.Socket }) => {
    if (!chaotic || pair.client.destroyed) return;
    cuts += 1;
    pair.client.destroy();
    pair.upstream.destroy();
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const [shortest, longest] = options.lifetimeMs;
    const pair = { client, upstream, cutTimer: setTimeout(() => cut(pair), shortest + random() * (longest - shortest)) };
    live.add(pair);
    delayedPipe(client, upstream, delay);
    delayedPipe(upstream, client, delay);
    const drop = () => {
      clearTimeout(pair.cutTimer);
      live.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // A reset on either side ends the pair; errors are the point of this proxy, not failures.
    client.on("error", drop).on("close", () => live.delete(pair));
    upstream.on("error", drop).on("close", () => live.delete(pair));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    cuts: () => cuts,
    calm: () => {
      chaotic = false;
      for (const pair of live) clearTimeout(pair.cutTimer);
    },
    close: async () => {
      for (const pair of live) {
        clearTimeout(pair.cutTimer);
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
