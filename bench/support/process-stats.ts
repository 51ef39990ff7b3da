/** Memory and CPU time of a process as Linux reports them (/proc), for benches of the built server. */
import { execSync } from "node:child_process";
import fs from "node:fs";

/** The processes whose parent is `pid`, read from /proc/<pid>/stat (field 4 is the parent). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name (field 2) is in parentheses and may hold spaces: count from its end.
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we read the list.
    }
  }
  return children;
}

export function commandLine(pid: number): string {
  return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
}

/**
 * The process that serves: `node tsx/cli.mjs server.ts` is a wrapper that spawns a second node
 * with tsx's loader and relays signals to it, so the server's memory is in that child (or, should
 * tsx ever run in-process, in the wrapper itself).
 */
export function servingPid(wrapperPid: number): number {
  let pid = wrapperPid;
  for (;;) {
    const node = childPids(pid).find((child) => /\bnode\b/.test(commandLine(child)) && commandLine(child).includes("server.ts"));
    if (node === undefined) return pid;
    pid = node;
  }
}

/** VmRSS of /proc/<pid>/status, in MB (1024 × 1024 bytes). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}

const TICKS_PER_SECOND = Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;

/** CPU time (user + system) the process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of stat (utime, stime), counted from field 3 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}
