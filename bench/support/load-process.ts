/** Runs a plan in the load generator's own process (./scale-load.ts) and measures this one's CPU meanwhile. */
import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { JoinPlan, LoadPlan, ToChild, ToParent } from "./scale-load";

const LOAD_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "scale-load.ts");

/**
 * The plan's result, and this process's CPU (in % of one core) while the editors typed (for a
 * typing plan) or while the whole plan ran (a join plan). A join plan with `hold` keeps its sockets
 * open while `whileHeld` runs (the memory bench reads the server's RSS then).
 */
export async function inLoadProcess<T>(plan: LoadPlan | JoinPlan, whileHeld: () => Promise<void> | void = () => {}): Promise<T & { cpuPercent: number }> {
  const child = fork(LOAD_SCRIPT, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let cpuAtStart = process.cpuUsage();
  let wallAtStart = performance.now();
  let cpuPercent = NaN;
  const cpuSince = () => {
    const used = process.cpuUsage(cpuAtStart);
    return ((used.user + used.system) / 1000 / (performance.now() - wallAtStart)) * 100;
  };
  try {
    const result = await new Promise<T>((resolve, reject) => {
      child.on("message", (message: ToParent) => {
        if (message.kind === "typing") {
          cpuAtStart = process.cpuUsage();
          wallAtStart = performance.now();
        } else if (message.kind === "typed") cpuPercent = cpuSince();
        else if (message.kind === "joined") {
          Promise.resolve()
            .then(whileHeld)
            .then(() => child.send({ kind: "release" } satisfies ToChild), reject);
        } else if (message.kind === "result") {
          if (Number.isNaN(cpuPercent)) cpuPercent = cpuSince();
          resolve(message.result as T);
        } else if (message.kind === "error") reject(new Error(message.message));
      });
      child.once("exit", (code) => reject(new Error(`the load generator exited (${code}) without a result`)));
      child.send(plan);
    });
    return { ...result, cpuPercent };
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
