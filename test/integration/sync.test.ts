import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { isoFromSerial } from "../../src/domain/civil-date";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { CHUNK_ROWS } from "../../src/jobs/sync/plan-run";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import {
  buildFixture,
  FIXTURE_NOW_MS,
  FORMULA_LOOKING,
  fixtureSheets,
  SCENARIOS,
} from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (header: string) => headers.indexOf(header);
const STAFF = ledgerTab.columns.filter((c) => c.owner === "staff").map((c) => headers.indexOf(c.header));

/** 办理期限 each scenario must show on 2026-11-26, worked out by hand (民法典 201–203, 2026 calendar). */
const EXPECTED_DUE: Record<number, string> = {
  4: "2027-01-20", // 交办 2026-10-20 + 3 months (2027: no arrangement known, weekends only; a Wednesday)
  5: "2026-12-01", // 交办 2026-09-01 + 3 months, a Tuesday
  6: "2026-08-10", // 交办 2026-05-10 + 3 months, a Monday
  7: "2026-06-02", // 交办 2026-03-02 + 3 months, a Tuesday
  9: "2026-12-21", // 二次交办 2026-11-20 + 30 days = Sunday 12-20 → Monday
  10: "2026-07-10", // 二次交办 2026-06-10 + 30 days, a Friday
};

async function seed(id: string, rows: number, withoutId = 0) {
  await emulator.deleteSpreadsheet(id).catch(() => undefined);
  return emulator.createSpreadsheet(id, fixtureSheets(buildFixture(rows, withoutId)));
}

const ledgerValues = (id: string, render: "FORMULA" | "UNFORMATTED_VALUE" = "UNFORMATTED_VALUE") =>
  emulator.getValues(id, LEDGER, render);
const lastSeq = async () => (await emulator.requests()).at(-1)?.seq ?? 0;

beforeEach(resetDatabase);

describe("sync of a realistic ledger", () => {
  it("writes every row's 办理期限 and 台账状态 and leaves every staff cell as it was", async () => {
    await seed("sync-full", 312, 12);
    const before = await ledgerValues("sync-full", "FORMULA");

    const result = await runSync(depsFor("sync-full"), "test", FIXTURE_NOW_MS);

    expect(result).toMatchObject({ outcome: "ok", rows: 312, heldWrites: 0 });
    // The plan's three reads (the index columns' places are not known yet; then the tails past the
    // 编号 column's end) and the ledger's merges, the practice tabs' read;
    // a read for each two chunks' rows; for each chunk one atomic write and one read of its check
    // (and, once, the tabs' sheetIds); then 校验问题 and 统计 in one write.
    const chunks = Math.ceil(312 / CHUNK_ROWS);
    expect(result.sheetsCalls).toBe(3 + 1 + 1 + Math.ceil(chunks / 2) + 2 * chunks + 1 + 1);
    expect(result.assignedIds).toHaveLength(12);
    const after = await ledgerValues("sync-full");
    const afterFormula = await ledgerValues("sync-full", "FORMULA");
    for (let r = 1; r < after.length; r++) {
      const row = after[r] ?? [];
      const scenario = (r - 1) % SCENARIOS.length;
      expect(row[col("台账状态")], `row ${r + 1}`).toBe(SCENARIOS[scenario]?.status);
      const due = row[col("办理期限")];
      if (EXPECTED_DUE[scenario])
        expect(isoFromSerial(due as number), `row ${r + 1}`).toBe(EXPECTED_DUE[scenario]);
      for (const c of STAFF) {
        if (c === col("编号") && r > 300) continue; // the 12 rows without 编号 received one
        expect(afterFormula[r]?.[c] ?? "", `row ${r + 1} ${headers[c]}`).toEqual(before[r]?.[c] ?? "");
      }
    }
    const newIds = after.slice(301).map((row) => row[col("编号")]);
    expect(newIds).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${301 + i}`));
  });

  it("writes nothing at all when nothing changed since the last sync", async () => {
    await seed("sync-idle", 300, 5);
    await runSync(depsFor("sync-idle"), "test", FIXTURE_NOW_MS);
    const since = await lastSeq();

    const second = await runSync(depsFor("sync-idle"), "test", FIXTURE_NOW_MS);

    // The plan's one read (small tabs, headers, index columns) and the ledger's merges, the practice
    // tabs' read and one read for each two chunks' rows.
    expect(second).toMatchObject({
      outcome: "ok",
      cellsWritten: 0,
      sheetsCalls: 3 + Math.ceil(300 / CHUNK_ROWS / 2),
    });
    const requests = await emulator.requests(since);
    expect(requests.filter((r) => r.kind === "write")).toEqual([]);
    expect(requests.reduce((n, r) => n + r.cellsWritten, 0)).toBe(0);
  });

  it("numbers a row typed without 编号 at the end, also after staff deleted the ledger's last hundred rows", async () => {
    await seed("sync-tail", 200);
    const deps = depsFor("sync-tail");
    await runSync(deps, "test", FIXTURE_NOW_MS);
    const typed = (row: number, title: string) => {
      const values = headers.map((h) =>
        h === "标题" ? title : h === "领衔代表" ? "王五" : h === "提出日期" ? "2026-11-20" : "",
      );
      return { range: `${LEDGER}!A${row}`, values: [values] };
    };
    // Appended at the end: the plan reads the title columns from just above the last 编号.
    await deps.sheets.batchUpdateValues([typed(202, "新增一行")], "RAW");
    const appended = await runSync(deps, "test", FIXTURE_NOW_MS);
    expect(appended).toMatchObject({ outcome: "ok", rows: 201, assignedIds: ["2026-201"] });

    // Rows 102–202 deleted, one typed at 102: the 编号 column now ends far above where the plan
    // starts the title columns, so it reads them again from there.
    const ss = await emulator.spreadsheet("sync-tail");
    const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId;
    await deps.sheets.batchUpdate([
      { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: 101, endIndex: 202 } } },
    ]);
    await deps.sheets.batchUpdateValues([typed(102, "删除后新增")], "RAW");
    const since = await lastSeq();
    const afterDelete = await runSync(deps, "test", FIXTURE_NOW_MS);

    expect(afterDelete).toMatchObject({ outcome: "ok", rows: 101, assignedIds: ["2026-202"] });
    const row102 = (await ledgerValues("sync-tail"))[101] ?? [];
    expect([row102[col("编号")], row102[col("标题")]]).toEqual(["2026-202", "删除后新增"]);
    // The dashboard's rows are the 101 left: the third chunk's stored part went with its rows.
    const view = await loadLedgerView(depsFor("sync-tail"), "2026-11-26");
    expect(view.evaluation.rows.map((r) => r.id)).not.toContain("2026-201");
    expect(view.evaluation.rows).toHaveLength(101);
    const reads = (await emulator.requests(since)).filter((r) => r.kind === "read");
    const title = columnLetter(col("标题"));
    const tailReads = reads.filter((r) =>
      [r.query.ranges ?? []].flat().some((a) => a.endsWith(`!${title}102:${title}`)),
    );
    expect(tailReads).toHaveLength(1);
  });

  it("numbers new rows and writes their status after staff moved 主办单位 ahead of 标题", async () => {
    const tabs = buildFixture(30, 2);
    const from = col("主办单位");
    const to = col("标题");
    const moveUnit = (row: (string | number)[]) => {
      const next = [...row];
      const [unit] = next.splice(from, 1);
      next.splice(to, 0, unit ?? "");
      return next;
    };
    tabs[TAB_NAMES.ledger] = (tabs[TAB_NAMES.ledger] ?? []).map(moveUnit);
    await emulator.deleteSpreadsheet("sync-moved").catch(() => undefined);
    await emulator.createSpreadsheet("sync-moved", fixtureSheets(tabs));

    const result = await runSync(depsFor("sync-moved"), "test", FIXTURE_NOW_MS);

    expect(result).toMatchObject({
      outcome: "ok",
      rows: 30,
      heldWrites: 0,
      assignedIds: ["2026-029", "2026-030"],
    });
    const sheet = await ledgerValues("sync-moved");
    const at = (header: string) => (sheet[0] ?? []).indexOf(header);
    for (const row of sheet.slice(29, 31)) {
      expect(row[at("编号")]).toMatch(/^2026-0(29|30)$/);
      expect(row[at("台账状态")]).not.toBe("");
    }
  });

  it("keeps text that looks like a formula as text through every write", async () => {
    await seed("sync-formula", 60, 3);

    await runSync(depsFor("sync-formula"), "test", FIXTURE_NOW_MS);
    await runSync(depsFor("sync-formula"), "test", FIXTURE_NOW_MS);

    const after = await ledgerValues("sync-formula");
    const summaries = after.slice(1).map((row) => row[col("内容摘要")]);
    for (const text of FORMULA_LOOKING.slice(0, 3)) expect(summaries).toContain(text);
  });

  it("absorbs a burst of 429s from the quota without losing a write", async () => {
    await seed("sync-429", 300, 4);
    await emulator.addFault({
      method: "POST",
      pathIncludes: "sync-429:batchUpdate",
      status: 429,
      times: 3,
    });
    await emulator.addFault({
      method: "GET",
      pathIncludes: "sync-429/values:batchGet",
      status: 429,
      times: 2,
    });

    const result = await runSync(depsFor("sync-429"), "test", FIXTURE_NOW_MS);

    expect(result.outcome).toBe("ok");
    const after = await ledgerValues("sync-429");
    for (let r = 1; r < after.length; r++) {
      expect(after[r]?.[col("台账状态")]).toBe(SCENARIOS[(r - 1) % SCENARIOS.length]?.status);
    }
    expect(after.slice(-4).every((row) => /^2026-\d{3}$/.test(String(row[col("编号")])))).toBe(true);
  });

  it("backs off through a real exhaustion of the emulator's per-minute quota and completes", async () => {
    await seed("sync-quota", 120, 3);
    const since = await lastSeq();
    // One read and one write per 250 ms "minute": every read after the plan's first is refused
    // until the window turns (the test retry policy's ten attempts wait at least 277 ms in all).
    await emulator.setQuota({ readsPerMinute: 1, writesPerMinute: 1, windowMs: 250 });
    try {
      const result = await runSync(depsFor("sync-quota"), "test", FIXTURE_NOW_MS);

      expect(result.message).toBe("同步完成");
      const statuses = (await emulator.requests(since))
        .filter((r) => r.kind !== "admin")
        .map((r) => r.status);
      expect(statuses).toContain(429);
      const after = await ledgerValues("sync-quota");
      for (let r = 1; r < after.length; r++) {
        expect(after[r]?.[col("台账状态")]).toBe(SCENARIOS[(r - 1) % SCENARIOS.length]?.status);
      }
    } finally {
      await emulator.setQuota({ readsPerMinute: 1_000_000, writesPerMinute: 1_000_000, windowMs: 60_000 });
    }
  });

  it("runs one of two overlapping syncs and lets the other exit, saying so", async () => {
    await seed("sync-overlap", 100);

    const [a, b] = await Promise.all([
      runSync(depsFor("sync-overlap"), "test", FIXTURE_NOW_MS),
      runSync(depsFor("sync-overlap"), "test", FIXTURE_NOW_MS),
    ]);

    expect([a.outcome, b.outcome].sort()).toEqual(["ok", "skipped"]);
    expect([a, b].find((r) => r.outcome === "skipped")?.message).toContain("另一次同步正在进行");
  });
});
