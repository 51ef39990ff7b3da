/**
 * A CPU profile of the page around one action (Chrome DevTools protocol), written to a file,
 * and its heaviest functions by self time: a production bundle is minified, so each comes with
 * its script and position (look it up in .next/static/chunks).
 */
import fs from "node:fs";
import type { CDPSession } from "playwright-core";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

export async function profiled(cdp: CDPSession, file: string, action: () => Promise<void>): Promise<string[]> {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await action();
  const { profile } = await cdp.send("Profiler.stop");
  fs.writeFileSync(file, JSON.stringify(profile));
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
  const self = new Map<string, number>();
  for (const node of profile.nodes as ProfileNode[]) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") continue;
    const key = `${functionName || "(anonymous)"} ${url.replace(/^.*\/_next\/static\//, "")}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * interval);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([key, ms]) => `${ms.toFixed(1)} ms self: ${key}`);
}

/** A V8 CPU profile as node --cpu-prof writes it (the same shape the DevTools protocol returns). */
interface CpuProfile {
  startTime: number;
  nodes: (ProfileNode & { children?: number[] })[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function comes from, coarsely: a package under node_modules, Next's compiled copy of one, node itself, or the app. */
function origin(url: string): string {
  const compiled = /next\/dist\/compiled\/([^/]+)/.exec(url);
  if (compiled) return `next/compiled/${compiled[1]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("wasm://")) return "@electric-sql/pglite (WebAssembly)";
  if (url.startsWith("node:") || url === "") return "node (built-ins, native, V8)";
  if (url.includes("/.next/server/")) return "app (.next/server bundles)";
  return "app (other)";
}

/**
 * A node --cpu-prof file's busy time by self time: the heaviest functions and the heaviest
 * origins (packages), each in ms and % of the busy samples (idle and GC are reported apart).
 * `window` (µs of CLOCK_MONOTONIC, which V8's profile timestamps and `process.hrtime` of any
 * process on the machine share) keeps only the samples of one measurement.
 */
export function summarizeCpuProfile(file: string, window?: { fromUs: number; toUs: number }, top = 8): string[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const origins = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") return void (idle += ms);
    busy += ms;
    const key = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    const where = functionName === "(garbage collector)" ? "garbage collector" : origin(url);
    origins.set(where, (origins.get(where) ?? 0) + ms);
  });
  const list = (map: Map<string, number>) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, ms]) => `${ms.toFixed(0)} ms (${((ms / busy) * 100).toFixed(1)} %) ${key}`);
  return [`busy ${busy.toFixed(0)} ms, idle ${idle.toFixed(0)} ms`, "by origin:", ...list(origins), "by function (self time):", ...list(functions)];
}
