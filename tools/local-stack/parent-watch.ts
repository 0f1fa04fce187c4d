import { readFileSync } from "node:fs";

/**
 * Calls `gone` once the process that started this one has ended: `npm start` killed with SIGTERM
 * or SIGKILL (a process manager, an editor's task, `kill`) takes only npm and its shell down, and
 * without this the stack, wrangler and workerd run on holding their ports. Node has no
 * parent-death signal, so it polls: an orphan is adopted by another process and its ppid changes.
 *
 * Run by an npm script, the parent is npm's shell (npm → sh → node), which outlives a SIGKILLed npm
 * while it waits for this process: so the shell's own parent is watched too, the same way (its
 * ppid, read from /proc where there is one). Only then: a wrapper the operator chose (`nohup`,
 * `timeout`) is meant to outlive the shell that started it. The timer never keeps the process alive.
 */
export function watchParent(gone: () => void, everyMs = 1_000): void {
  const parent = process.ppid;
  const byNpm = process.env.npm_lifecycle_script !== undefined;
  const grandparent = byNpm ? parentOf(parent) : null;
  const timer = setInterval(() => {
    if (process.ppid === parent && (grandparent === null || parentOf(parent) === grandparent)) return;
    clearInterval(timer);
    gone();
  }, everyMs);
  timer.unref();
}

/** The ppid of `pid` (field 4 of /proc/<pid>/stat, after the command's parenthesised name); null where unknown. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}
