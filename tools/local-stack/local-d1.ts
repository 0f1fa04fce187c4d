import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { type LocalStatePaths, localD1Flags, PROJECT_ROOT } from "../local-paths";

/** Starts `wrangler <args>` with its output piped (npm start's Children.spawn, or a test's spawn). */
export type RunWrangler = (args: readonly string[]) => ChildProcess;

/** Whether npm start's local D1 is already there (a restart), before migrations create it. */
export function localD1Exists(paths: Pick<LocalStatePaths, "wranglerState">): boolean {
  const state = paths.wranglerState ?? path.join(PROJECT_ROOT, ".wrangler", "state");
  return existsSync(path.join(state, "v3", "d1"));
}

/**
 * SQL on npm start's local D1 (`wrangler d1 execute --local --json`), the first statement's rows
 * returned. Only while no Worker has the database open, or for a read: the Worker's own writes and
 * this process's would otherwise meet on the same SQLite file.
 *
 * Tried twice: under load wrangler's own Miniflare now and then fails before or after the batch
 * (`false == true`, its assertion on the results; seen once in CI). A failure SQLite reports is not
 * tried again. Callers write statements that may run twice (DELETE … RETURNING, INSERT OR REPLACE).
 */
export async function queryLocalD1<Row>(
  run: RunWrangler,
  paths: LocalStatePaths,
  sql: string,
): Promise<Row[]> {
  try {
    return await executeOnce<Row>(run, paths, sql);
  } catch (error) {
    if (error instanceof Error && /SQLITE_|D1_ERROR/.test(error.message)) throw error;
    return executeOnce<Row>(run, paths, sql);
  }
}

function executeOnce<Row>(run: RunWrangler, paths: LocalStatePaths, sql: string): Promise<Row[]> {
  const child = run(["d1", "execute", "DB", ...localD1Flags(paths), "--json", "--command", sql]);
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(out);
      } catch {
        parsed = undefined;
      }
      const results = Array.isArray(parsed) ? (parsed[0] as { results?: Row[] } | undefined) : undefined;
      if (code === 0 && results?.results) return resolve(results.results);
      const why =
        (parsed as { error?: { text?: string } } | undefined)?.error?.text ?? (err || out).trim().slice(-500);
      reject(new Error(`读写本地 D1 失败，退出码 ${code} (wrangler d1 execute failed)：${why}`));
    });
  });
}
