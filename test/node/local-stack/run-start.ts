import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isPortFree } from "../../../tools/local-stack/ports";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");

/** `npm start` as an operator runs it (the same entry, node with tsx's loader), output collected. */
export interface StartRun {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** Resolves once the output contains `text`; rejects if the process ends first. */
  waitFor(text: string): Promise<void>;
}

/**
 * `npm start` with `args`. `viaShell`: under a shell that does not exec it, as npm runs a script
 * (npm → sh → node), so that a test can end the shell and leave the stack without its parent.
 * `viaNpm`: the real `npm start`, so that a test can end npm and leave its shell waiting.
 */
export function runStart(args: string[], { viaShell = false, viaNpm = false } = {}): StartRun {
  const entry = [process.execPath, "--import", "tsx", "tools/local-stack.ts"];
  const [command, ...commandArgs] = viaNpm
    ? ["npm", "start", "--silent", "--", ...args]
    : viaShell
      ? ["sh", "-c", `${entry.map((word) => `"${word}"`).join(" ")} "$@"; exit $?`, "sh", ...args]
      : [...entry, ...args];
  const child = spawn(command as string, commandArgs, {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_HIDE_BANNER: "true",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const waiters: { text: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (text.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
    check();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
    check();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("close", (code) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`npm start ended before “${w.text}”:\n${text}`));
      resolve(code);
    }),
  );
  return {
    child,
    output: () => text,
    exited,
    waitFor: (wanted) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ text: wanted, resolve, reject });
        check();
      }),
  };
}

/** Processes whose command line mentions `needle` (e.g. a run's private state folder). */
export function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const file = `/proc/${pid}/cmdline`;
    try {
      if (!existsSync(file)) continue;
      const cmd = readFileSync(file, "utf8").replaceAll("\0", " ");
      if (cmd.includes(needle)) found.push(`${pid} ${cmd.slice(0, 200)}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/**
 * After a failed test: asks any stack still running with state folder `dir` to stop (SIGINT, as
 * Ctrl-C: it stops its wrangler and workerd too) and waits up to 30 s for it, so that one failure
 * does not leave ports taken for the tests after it.
 */
export async function stopLeftovers(dir: string): Promise<void> {
  const stacks = () =>
    processesMentioning(dir).filter(
      (line) => line.includes("tools/local-stack.ts") && !line.includes(" sh -c "),
    );
  for (const line of stacks()) {
    try {
      process.kill(Number(line.split(" ")[0]), "SIGINT");
    } catch {
      // It ended meanwhile.
    }
  }
  for (let waited = 0; waited < 30_000 && stacks().length > 0; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function allFree(ports: number[]): Promise<boolean[]> {
  return Promise.all(ports.map((p) => isPortFree("127.0.0.1", p)));
}
