/**
 * Local D1 in a workerd process of its own, so the bench's clocks see the Worker's thread as
 * Cloudflare does: on Cloudflare a D1 query runs on D1's servers and the Worker's isolate only
 * sends it and parses the answer; in one local workerd process SQLite, D1's Durable Object and the
 * JSON it writes all run on the Worker's thread, and every clock the bench has charges them to the
 * Worker (bench/clock-floor.ts measures how much, both ways).
 *
 * The Worker's D1 binding stays the real one (workerd's `cloudflare-internal:d1-api`, which builds
 * each query and parses each answer in the Worker's isolate); only the service behind it moves,
 * through Miniflare's remote-binding hook (`remoteProxyConnectionString`, the way `wrangler dev`
 * reaches a remote database): each query is an HTTP request to a second Miniflare, whose script
 * hands it to that process's own local D1 unchanged.
 */
import { execFileSync } from "node:child_process";
import { Miniflare } from "miniflare";

/** D1's raw service (not the wrapped D1Database): Miniflare binds a `__D1_BETA__` name that way. */
const RAW_D1 = "__D1_BETA__DB";

/**
 * Miniflare's remote-proxy client (in the Worker's process) sends the query with its headers
 * renamed `MF-Header-*` and the URL it was for in `MF-URL`; this undoes that, as wrangler's
 * ProxyServerWorker does on Cloudflare.
 */
const HOST_SCRIPT = `export default {
  async fetch(request, env) {
    const headers = new Headers();
    for (const [name, value] of request.headers) {
      if (name.startsWith("mf-header-")) headers.set(name.slice("mf-header-".length), value);
    }
    return env.${RAW_D1}.fetch(request.headers.get("MF-URL"), new Request(request, { headers }));
  },
};`;

export interface D1Host {
  /** For Miniflare's `d1Databases: { DB: { id, remoteProxyConnectionString } }`. */
  url: URL;
  /** The host's workerd process: not the Worker's, so the bench can tell them apart. */
  pid: number;
  dispose(): Promise<void>;
}

/** The workerd processes this process started, by pid. */
export function workerdChildren(): number[] {
  const out = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)]).toString();
  return out
    .split("\n")
    .filter((line) => line.includes("workerd"))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

export async function startD1Host(databaseId: string): Promise<D1Host> {
  const before = new Set(workerdChildren());
  const mf = new Miniflare({
    name: "d1-host",
    modules: true,
    script: HOST_SCRIPT,
    compatibilityDate: "2026-04-20",
    d1Databases: { [RAW_D1]: databaseId },
    host: "127.0.0.1",
    port: 0,
    cf: false,
  });
  const url = await mf.ready;
  const pid = workerdChildren().find((p) => !before.has(p));
  if (pid === undefined) throw new Error("the D1 host's workerd process was not found");
  return { url, pid, dispose: () => mf.dispose() };
}

/** The Worker's workerd process: the one child started after `others` (e.g. the D1 host). */
export function workerdPidBesides(others: readonly number[]): number {
  const pid = workerdChildren().find((p) => !others.includes(p));
  if (pid === undefined) throw new Error("workerd process not found");
  return pid;
}
