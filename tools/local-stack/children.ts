import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

const GRACE_MS = 5_000;

/**
 * The processes `npm start` started. Each runs in its own process group (wrangler starts workerd
 * and esbuild under it), and stopping signals the whole group, so nothing is left listening when
 * the stack stops or fails: signalling only the direct child used to leave workerd behind.
 */
export class Children {
  private readonly running = new Set<ChildProcess>();
  /** Told each new process group (npm start records them in its state lock). */
  onSpawn: ((pgid: number) => void) | undefined;

  constructor() {
    // A crash of npm start itself still takes its children down.
    process.once("exit", () => {
      for (const child of this.running) signalGroup(child, "SIGKILL");
    });
  }

  spawn(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
    const child = spawn(command, [...args], { ...options, detached: true });
    this.running.add(child);
    if (child.pid !== undefined) this.onSpawn?.(child.pid);
    child.once("exit", () => this.running.delete(child));
    return child;
  }

  /** SIGTERM to every group, SIGKILL to what is still there after a grace period. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.running].map((child) => stopGroup(child)));
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, GRACE_MS);
  });
  await Promise.race([exited, late]);
  clearTimeout(timer);
  // The leader may be gone while a grandchild (workerd) lingers in its group.
  signalGroup(child, "SIGKILL");
}
