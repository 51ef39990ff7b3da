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
