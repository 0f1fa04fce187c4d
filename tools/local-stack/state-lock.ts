import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LocalStatePaths } from "../local-paths";
import { localTime } from "./local-time";

/**
 * One `npm start` per state folder. Two stacks on the same local D1 would take each other's sync
 * lease, and the leases a crashed stack leaves behind could never be told apart from a live one's.
 * With this lock held, every process that could hold a lease on this state is this run's own, so
 * npm start may release what a dead run left (see stale-leases.ts).
 */
const LOCK_NAME = "npm-start.lock";

interface LockRecord {
  readonly pid: number;
  readonly startedAt: number;
  /**
   * The process groups the run started (wrangler dev, workerd): a stack killed with -9 cannot stop
   * them, and a Worker left running that way is still a live user of the state.
   */
  readonly groups: readonly number[];
}

/** The folder the run's state lives in: --state's, or .local/ (where the emulator keeps its file). */
export function stateFolder(paths: Pick<LocalStatePaths, "emulatorStateFile">): string {
  return path.dirname(paths.emulatorStateFile);
}

export function lockFile(paths: Pick<LocalStatePaths, "emulatorStateFile">): string {
  return path.join(stateFolder(paths), LOCK_NAME);
}

function readLock(file: string): LockRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as Partial<LockRecord>;
    if (!Number.isInteger(record.pid)) return null;
    return { pid: record.pid as number, startedAt: record.startedAt ?? 0, groups: record.groups ?? [] };
  } catch {
    return null;
  }
}

/** kill(0): whether the process (or, negative, the process group) exists; EPERM: under another user. */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether `pid` is a running npm start. Where /proc exists its command line must name the stack,
 * so a pid the system gave to another program since a crash does not lock the folder for ever.
 */
function isLiveStack(pid: number): boolean {
  if (!exists(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("local-stack");
  } catch {
    return true;
  }
}

function inUseMessage(folder: string, lock: LockRecord): string {
  const since = lock.startedAt ? `，${localTime(lock.startedAt)} 启动` : "";
  return (
    `本地状态目录 ${folder} 正被另一个 npm start 使用（进程 ${lock.pid}${since}）：两套系统共用一份数据会互相抢占同步。` +
    `请先停止它（在它的终端按 Ctrl-C，或 kill ${lock.pid}），或用 --state 换一个目录\n` +
    `(the state dir is in use by a running npm start, pid ${lock.pid}: stop it first, or pass another --state)`
  );
}

function orphansMessage(folder: string, lock: LockRecord, groups: readonly number[]): string {
  const kill = groups.map((group) => `kill -- -${group}`).join("; ");
  return (
    `本地状态目录 ${folder} 上次的 npm start（进程 ${lock.pid}）已被强行结束，但它启动的 wrangler dev / workerd ` +
    `仍在运行（进程组 ${groups.join("、")}），还在使用这份数据：请先结束它们（${kill}），再重新启动\n` +
    `(the last npm start on this state, pid ${lock.pid}, was killed but its Worker still runs: ${kill}, then start again)`
  );
}

function takeLock(draft: string, file: string, folder: string, pid: number): void {
  // Twice at most: once more after removing a dead run's lock (another start may win that race).
  for (let attempt = 0; ; attempt++) {
    try {
      linkSync(draft, file);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const held = readLock(file);
    if (held && held.pid !== pid) {
      if (isLiveStack(held.pid)) throw new Error(inUseMessage(folder, held));
      const orphans = held.groups.filter((group) => exists(-group));
      if (orphans.length > 0) throw new Error(orphansMessage(folder, held, orphans));
    }
    if (attempt > 0) throw new Error(`无法取得本地状态目录的锁 ${file} (could not lock the state dir)`);
    rmSync(file, { force: true });
  }
}

/** The lock this run holds. */
export interface StateLock {
  /** Records a process group the run started (see LockRecord.groups). */
  addGroup(pgid: number): void;
  /** Safe to call more than once. */
  release(): void;
}

/**
 * Takes the state folder for this process, or throws a message naming the live npm start (or the
 * Worker a killed one left running) that has it. A lock left by a run whose processes are all gone
 * (kill -9, a crash, a power cut) is taken over.
 */
export function lockState(paths: Pick<LocalStatePaths, "emulatorStateFile">, pid = process.pid): StateLock {
  const folder = stateFolder(paths);
  const file = lockFile(paths);
  mkdirSync(folder, { recursive: true });
  const record: LockRecord = { pid, startedAt: Date.now(), groups: [] };
  // Written aside, then linked (later renamed) into place: the lock appears with its pid in it or
  // not at all, so a start racing this one never reads it half-written.
  const draft = `${file}.${pid}`;
  writeFileSync(draft, JSON.stringify(record));
  try {
    takeLock(draft, file, folder, pid);
  } finally {
    unlinkSync(draft);
  }
  let held = true;
  const groups: number[] = [];
  const release = () => {
    if (!held) return;
    held = false;
    // Only our own: a stack that found it dead and took it over keeps its lock.
    if (readLock(file)?.pid === pid) unlinkSync(file);
  };
  // A crash of npm start itself: Children's own exit hook kills the groups it started.
  process.once("exit", release);
  return {
    addGroup(pgid) {
      if (!held) return;
      groups.push(pgid);
      writeFileSync(draft, JSON.stringify({ ...record, groups }));
      renameSync(draft, file);
    },
    release,
  };
}
