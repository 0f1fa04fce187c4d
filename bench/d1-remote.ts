/**
 * The bench's D1 in a workerd process of its own. Miniflare's local D1 is a Durable Object in the
 * Worker's own workerd process, on the Worker's thread: its SQLite, and the JavaScript around it
 * (each query's JSON checked by zod, rows turned into arrays and back), ran between the Worker's
 * own work, and every clock but the capped estimate charged part of it to the Worker (the clock
 * floor: ten round trips that do nothing else, 2.4–4.8 ms while the thread runs). On Cloudflare, D1
 * is a service the Worker reaches over the network; the Worker's CPU is only what its D1 binding
 * does in the isolate: turning statements into JSON, and the answer back into rows.
 *
 * So here the Worker's DB binding is the real one (workerd's own `D1Database` class, taken from a
 * D1 binding of the client's worker that is never queried), built on a fetcher that sends each of
 * its requests over HTTP to a second Miniflare, whose Worker hands it unchanged to its D1's own
 * fetcher. The isolate runs exactly what it runs with a local D1 (the binding's code, the JSON both
 * ways) and one subrequest per round trip; SQLite runs in the other process, as on Cloudflare.
 * The client is a Miniflare wrapped binding: a module run inside the Worker's isolate, so its work
 * is charged to the Worker. test/node/bench/d1-remote.test.ts checks it against a local D1.
 */
import { type RemoteHost, startRemoteHost } from "./remote-host";

/** The second process's Worker: each request is the binding's own, handed to its D1's fetcher. */
const HOST_SCRIPT = `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    return env.DB.fetcher.fetch("http://d1" + url.pathname + url.search, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
  },
};`;

/**
 * The Worker's side (run in its isolate): workerd's D1Database, its fetcher one fetch to the host.
 * The binding passes a URL string and an init (method, headers, JSON body).
 */
const CLIENT_SCRIPT = `
export default function (env) {
  const D1Database = env.SHAPE.constructor;
  const base = env.base;
  return new D1Database({
    fetch(input, init) {
      const url = new URL(typeof input === "string" ? input : input.url);
      return fetch(base + url.pathname + url.search, typeof input === "string" ? init : input);
    },
  });
}`;

/** The Miniflare worker that holds the client module (its name is the wrapped binding's script). */
export const D1_CLIENT_WORKER = "bench-d1-client";

type ClientWorker = { name: string; modules: true; script: string; d1Databases: Record<string, string> };

export interface RemoteD1 extends RemoteHost<ClientWorker> {
  /** The database itself, from Node (migrations, and what the bench reads back). */
  database(): Promise<D1Database>;
}

/**
 * Starts the database's own workerd process (database `name`; kept in `persist` when given, so that a
 * Worker started again meets it as the last one left it) and says how to bind it.
 */
export async function startRemoteD1(name: string, persist?: string): Promise<RemoteD1> {
  const host = await startRemoteHost<ClientWorker>(
    {
      name: "bench-d1-host",
      modules: true,
      script: HOST_SCRIPT,
      d1Databases: { DB: name },
      ...(persist ? { d1Persist: persist } : {}),
    },
    // SHAPE only lends its class: it is a database of its own, never queried.
    { name: D1_CLIENT_WORKER, modules: true, script: CLIENT_SCRIPT, d1Databases: { SHAPE: "unused" } },
  );
  return { ...host, database: async () => (await host.mf.getD1Database("DB")) as unknown as D1Database };
}
