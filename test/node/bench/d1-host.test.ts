import { Miniflare } from "miniflare";
import { afterEach, describe, expect, it } from "vitest";
import { type D1Host, startD1Host, workerdChildren, workerdPidBesides } from "../../../bench/d1-host";

// A Worker that runs one statement on its D1 binding, as the bench's Worker does: the real
// `cloudflare-internal:d1-api` binding, only the database behind it elsewhere.
const WORKER = `export default {
  async fetch(request, env) {
    const { sql, params } = await request.json();
    try {
      const { results, meta } = await env.DB.prepare(sql).bind(...params).all();
      return Response.json({ results, rowsRead: meta.rows_read });
    } catch (error) {
      return Response.json({ error: String(error) }, { status: 500 });
    }
  },
};`;

describe("the bench's D1 in a workerd process of its own", () => {
  let host: D1Host | undefined;
  let worker: Miniflare | undefined;
  afterEach(async () => {
    await worker?.dispose();
    await host?.dispose();
    worker = host = undefined;
  });

  async function start() {
    host = await startD1Host("d1-host-test");
    worker = new Miniflare({
      modules: true,
      script: WORKER,
      compatibilityDate: "2026-04-20",
      d1Databases: { DB: { id: "d1-host-test", remoteProxyConnectionString: host.url } },
      cf: false,
    });
    await worker.ready;
    return async (sql: string, ...params: unknown[]) => {
      const response = await worker?.dispatchFetch("http://worker/", {
        method: "POST",
        body: JSON.stringify({ sql, params }),
      });
      return { status: response?.status, body: (await response?.json()) as Record<string, unknown> };
    };
  }

  it("answers the Worker's statements with rows and D1's counts, through the binding unchanged", async () => {
    const query = await start();
    await query("CREATE TABLE suggestions (id TEXT PRIMARY KEY, title TEXT)");
    await query(
      "INSERT INTO suggestions VALUES (?1, ?2), (?3, ?4)",
      "2026-001",
      "关于加强农村道路养护的建议",
      "2026-002",
      "校园",
    );
    const read = await query("SELECT id, title FROM suggestions ORDER BY id");
    expect(read.status).toBe(200);
    expect(read.body.results).toEqual([
      { id: "2026-001", title: "关于加强农村道路养护的建议" },
      { id: "2026-002", title: "校园" },
    ]);
    expect(read.body.rowsRead).toBe(2);
    // D1's own errors come back as D1 errors, as they would from Cloudflare.
    const wrong = await query("SELECT id FROM nowhere");
    expect(wrong.status).toBe(500);
    expect(String(wrong.body.error)).toContain("no such table: nowhere");
  });

  it("is the only place the database lives: with the host gone, the Worker's D1 fails", async () => {
    const query = await start();
    await query("CREATE TABLE t (n INTEGER)");
    expect((await query("SELECT count(*) AS n FROM t")).body.results).toEqual([{ n: 0 }]);
    await host?.dispose();
    host = undefined;
    expect((await query("SELECT count(*) AS n FROM t")).status).toBe(500);
  });

  it("tells the Worker's process from the host's, so the clocks read the Worker's", async () => {
    await start();
    const children = workerdChildren();
    expect(children).toHaveLength(2);
    expect(children).toContain(host?.pid);
    const workerPid = workerdPidBesides([host?.pid ?? 0]);
    expect(workerPid).not.toBe(host?.pid);
    expect(children).toContain(workerPid);
  });
});
