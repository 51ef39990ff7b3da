import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * server.ts runs under tsx, outside Next's bundler, where importing a "server-only" module throws
 * (the tests alias it to a stub, so only a real process shows it). What the socket server reaches
 * must never import one: a broken import here stops the app from starting at all.
 */
describe("the socket server's imports", () => {
  it("load in a plain Node process (no 'server-only' module on the way)", async () => {
    const script = "import('./lib/realtime/socket-server.ts').then(() => console.log('loaded'));";
    const outcome = await promisify(execFile)("npx", ["tsx", "--eval", script], { cwd: process.cwd(), timeout: 60_000 }).then(
      ({ stdout }) => ({ stdout, stderr: "" }),
      // The child's error, as text only: its stack points into code vitest cannot map.
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? "", stderr: (error.stderr ?? "").split("\n").slice(0, 12).join("\n") }),
    );
    expect(outcome.stderr).toBe("");
    expect(outcome.stdout.trim()).toBe("loaded");
  }, 90_000);
});
