import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RemoteD1, startRemoteD1 } from "../../../bench/d1-remote";

/**
 * What the product asks of D1, as one Worker sees it: run, all, first (whole row and one column),
 * raw, a batch, an error, and the meta the bench's meter reads (rows read and written, changes).
 * Durations and sizes differ from run to run and are left out.
 */
const PROBE = `
export default {
  async fetch(request, env) {
    const db = env.DB;
    const seen = [];
    const meta = (m) => ({ rows_read: m.rows_read, rows_written: m.rows_written, changes: m.changes, last_row_id: m.last_row_id });
    const created = await db.prepare("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, title TEXT, due TEXT)").run();
    seen.push(["create", created.success]);
    const inserted = await db.prepare("INSERT INTO t (title, due) VALUES (?, ?), (?, ?)").bind("关于增设公交线路的建议", "2026-09-30", "x", null).run();
    seen.push(["insert", meta(inserted.meta)]);
    const batch = await db.batch([
      db.prepare("UPDATE t SET due = ?1 WHERE id = ?2").bind("2026-10-09", 1),
      db.prepare("SELECT id, title, due FROM t ORDER BY id"),
    ]);
    seen.push(["batch", batch.map((r) => [r.results, meta(r.meta)])]);
    const all = await db.prepare("SELECT title FROM t WHERE due IS NULL").all();
    seen.push(["all", all.results, meta(all.meta)]);
    seen.push(["first", await db.prepare("SELECT * FROM t WHERE id = ?").bind(1).first()]);
    seen.push(["first column", await db.prepare("SELECT due FROM t WHERE id = ?").bind(1).first("due")]);
    seen.push(["first none", await db.prepare("SELECT due FROM t WHERE id = ?").bind(9).first()]);
    seen.push(["raw", await db.prepare("SELECT id, due FROM t ORDER BY id").raw({ columnNames: true })]);
    try {
      await db.prepare("SELECT missing_column FROM t").all();
    } catch (error) {
      seen.push(["error", String(error)]);
    }
    return Response.json(seen);
  },
};`;

describe("the bench's D1 in a process of its own", () => {
  let remote: RemoteD1;
  let mf: Miniflare;
  beforeAll(async () => {
    remote = await startRemoteD1("probe");
    const database = remote.wrappedBinding("DB");
    mf = new Miniflare({
      workers: [
        {
          name: "through-remote",
          modules: true,
          script: PROBE,
          compatibilityDate: "2026-04-20",
          wrappedBindings: database.wrappedBindings,
        },
        database.clientWorker,
        {
          name: "local",
          modules: true,
          script: PROBE,
          compatibilityDate: "2026-04-20",
          d1Databases: { DB: "probe" },
        },
      ],
    });
    await mf.ready;
  }, 60_000);
  afterAll(async () => {
    await mf?.dispose();
    await remote?.dispose();
  });

  it("answers every call the product makes as Miniflare's own D1 does, and keeps the rows in its own process", async () => {
    const throughRemote = await (await mf.dispatchFetch("http://probe/")).json();
    const local = await (await (await mf.getWorker("local")).fetch("http://probe/")).json();
    expect(throughRemote).toEqual(local);
    expect(throughRemote).toEqual([
      ["create", true],
      ["insert", { rows_read: 0, rows_written: 2, changes: 2, last_row_id: 2 }],
      [
        "batch",
        [
          [[], { rows_read: 1, rows_written: 1, changes: 1, last_row_id: 2 }],
          [
            [
              { id: 1, title: "关于增设公交线路的建议", due: "2026-10-09" },
              { id: 2, title: "x", due: null },
            ],
            { rows_read: 2, rows_written: 0, changes: 0, last_row_id: 2 },
          ],
        ],
      ],
      ["all", [{ title: "x" }], { rows_read: 2, rows_written: 0, changes: 0, last_row_id: 2 }],
      ["first", { id: 1, title: "关于增设公交线路的建议", due: "2026-10-09" }],
      ["first column", "2026-10-09"],
      ["first none", null],
      [
        "raw",
        [
          ["id", "due"],
          [1, "2026-10-09"],
          [2, null],
        ],
      ],
      ["error", "Error: D1_ERROR: no such column: missing_column at offset 7: SQLITE_ERROR"],
    ]);
    // The rows are in the D1 process's database, where the bench reads them back.
    const host = await remote.database();
    expect(await host.prepare("SELECT title, due FROM t ORDER BY id").all()).toMatchObject({
      results: [
        { title: "关于增设公交线路的建议", due: "2026-10-09" },
        { title: "x", due: null },
      ],
    });
  }, 60_000);
});
