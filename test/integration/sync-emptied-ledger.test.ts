import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import type { Deps } from "../../src/deps";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import type { CellValue } from "../../src/sheets/client";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, FIXTURE_TODAY, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "emptied-ledger-sheet";
const ROWS = 40;
const LEDGER = `'${TAB_NAMES.ledger}'`;
const PROBLEMS = `'${TAB_NAMES.problems}'`;
const STATISTICS = `'${TAB_NAMES.statistics}'`;

async function seed() {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(ROWS)));
}

/** The sync's deps with queues that only take what the daily notices run sends them. */
function noticesDeps(): Deps {
  const metadata = { metrics: { backlogCount: 0, backlogBytes: 0 } };
  const queue = {
    metrics: async () => metadata.metrics,
    send: async () => ({ metadata }),
    sendBatch: async () => ({ metadata }),
  } as unknown as Queue<unknown>;
  const jobsQueue = { send: async () => undefined } as unknown as Deps["jobsQueue"];
  return { ...depsFor(SHEET), noticesQueue: queue, jobsQueue };
}

/**
 * The notices the day's run plans (a forced run, as staff may start it from the dashboard): those
 * it sends, and those it lists as unreachable (the fixture's units have no 邮箱).
 */
async function noticesPlanned(): Promise<{ planned: number; unreachable: number }> {
  const run = await runDailyNotices(noticesDeps(), FIXTURE_NOW_MS, { force: true });
  if (run.outcome !== "ok") throw new Error(`notices run: ${JSON.stringify(run)}`);
  return { planned: run.planned, unreachable: run.unreachable.length };
}

const ledgerErrors = async () =>
  (await emulator.getValues(SHEET, PROBLEMS)).filter((p) => p[0] === TAB_NAMES.ledger && p.includes("错误"));

beforeEach(resetDatabase);

describe("a sync that finds 建议台账 emptied (select all → Delete)", () => {
  it("says first how to get it back, keeps the pages, 统计 and the day's notices from the last read while only the header is typed back, and reads the rows again once they are restored", async () => {
    // What the day's notices are with the ledger as it is, from a database that never saw it emptied.
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const planned = await noticesPlanned();
    expect(planned.planned + planned.unreachable).toBeGreaterThan(0);
    await resetDatabase();

    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const ledgerBefore = (await emulator.getValues(SHEET, LEDGER, "FORMULA")) as CellValue[][];
    const statisticsBefore = await emulator.getValues(SHEET, STATISTICS);
    const problemsBefore = await emulator.getValues(SHEET, PROBLEMS);
    const ids = (await loadLedgerView(depsFor(SHEET), FIXTURE_TODAY)).evaluation.rows.map((r) => r.id);
    expect(ids).toHaveLength(ROWS);

    // Select all → Delete: the header goes too.
    await depsFor(SHEET).sheets.batchClear([LEDGER]);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const [noHeader] = await ledgerErrors();
    expect(String(noHeader?.[5])).toMatch(
      /^第 1 行没有表头：如果是误删（例如全选后按了删除），请先用“撤销”或“文件 → 版本记录”恢复，只补写表头找不回原有的行；确实是新表时，再在第 1 行写上表头（编号、/,
    );

    // Staff follow the header's advice alone: the header typed back, the rows still gone.
    await depsFor(SHEET).sheets.batchUpdateValues(
      [{ range: `${LEDGER}!A1`, values: [ledgerBefore[0] ?? []] }],
      "RAW",
    );
    const held = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(held.outcome).toBe("ok");
    expect(held.message).toBe(
      "同步完成，但没有读取『建议台账』：『建议台账』没有数据行（上次同步后系统存有 40 条建议），疑似被误删，本次不读取台账（详见“校验问题”）。统计、页面和提醒沿用上次读到的台账",
    );
    const errors = await ledgerErrors();
    expect(errors).toHaveLength(1);
    const text = String(errors[0]?.[5]);
    expect(text).toMatch(/^『建议台账』没有数据行（上次同步后系统存有 40 条建议）：疑似台账内容被误删/);
    expect(text).toContain("不把建议记为消失，页面、统计和提醒沿用上次同步的数据");
    expect(text).toContain("请用“撤销”或表格的“文件 → 版本记录”恢复台账的各行");
    expect(text).toContain("如确要删除这些建议，请分几次删除");
    // Nothing vanished, the pages and 统计 as they were, and the day's notices all still planned.
    expect(await depsFor(SHEET).snapshots.removed()).toEqual([]);
    expect((await loadLedgerView(depsFor(SHEET), FIXTURE_TODAY)).evaluation.rows.map((r) => r.id)).toEqual(
      ids,
    );
    expect(await emulator.getValues(SHEET, STATISTICS)).toEqual(statisticsBefore);
    expect(await noticesPlanned()).toEqual(planned);

    // 文件 → 版本记录: the rows back as they were.
    await depsFor(SHEET).sheets.batchUpdateValues([{ range: `${LEDGER}!A1`, values: ledgerBefore }], "RAW");
    const mended = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(mended).toMatchObject({ outcome: "ok", message: "同步完成", rows: ROWS, assignedIds: [] });
    expect(await emulator.getValues(SHEET, LEDGER, "FORMULA")).toEqual(ledgerBefore);
    expect(await emulator.getValues(SHEET, PROBLEMS)).toEqual(problemsBefore);
    expect(await depsFor(SHEET).snapshots.removed()).toEqual([]);
  });

  it("holds a ledger cut to far fewer rows than the last sync found (rows 2 … clear), and reads one that keeps a fifth", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    // 7 of 40 rows left: under a fifth.
    await depsFor(SHEET).sheets.batchClear([`${LEDGER}!A9:AZ`]);
    const held = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    expect(held.message).toContain("『建议台账』只剩 7 行数据（上次同步后系统存有 40 条建议），疑似被误删");
    expect(await depsFor(SHEET).snapshots.removed()).toEqual([]);

    // 8 of 40 rows: a fifth kept, read as deletions always are.
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    await depsFor(SHEET).sheets.batchClear([`${LEDGER}!A10:AZ`]);
    const read = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    expect(read).toMatchObject({ outcome: "ok", message: "同步完成", rows: 8 });
    expect(await depsFor(SHEET).snapshots.removed()).toHaveLength(ROWS - 8);
  });
});
