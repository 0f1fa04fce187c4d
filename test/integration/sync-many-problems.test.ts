import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { continueSync, runSync, type SyncStep, startSync } from "../../src/jobs/sync/run-sync";
import { META_SYNC_PROBLEMS } from "../../src/store/meta";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";
import { call, dashboardDeps, SHEET } from "./dashboard-helpers";

const ROWS = 800;
/** Columns of a date, a choice or a yes/no: a cell typed 错 in each is a problem of its own. */
const CHECKED = ["提出日期", "来源", "审查结果", "重点建议", "交办日期", "办理时限", "答复日期", "答复类别"];
const MORE = ["满意度", "测评日期", "落实情况", "跨年督办", "回访", "优秀建议", "二次答复类别", "二次满意度"];
const headers = ledgerTab.columns.map((c) => c.header);

/**
 * 800 suggestions with 16 cells each typed 错 (a county's ledger pasted into the wrong columns):
 * over 9,000 problems, whose list as JSON passes 2,000,000 bytes (what a D1 value holds). The
 * problems come from the chunks, as a real office's 13,285 did.
 */
function manyProblems() {
  const tabs = buildFixture(ROWS);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  for (let row = 2; row <= ROWS + 1; row++) {
    const cells = ledger[row - 1] as (string | number)[];
    for (const header of [...CHECKED, ...MORE]) cells[headers.indexOf(header)] = `错${row}`;
  }
  return tabs;
}
/** The problem about row `row`'s 提出日期, which quotes the cell. */
const quoted = (row: number) => `“错${row}”不是可识别的日期`;

describe("a sync whose problem list passes what one D1 value holds", () => {
  it("completes, and /problems lists the problems and their total", async () => {
    await resetDatabase();
    await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
    await emulator.createSpreadsheet(SHEET, fixtureSheets(manyProblems()));
    const deps = await dashboardDeps();

    const result = await runSync(deps, "test", FIXTURE_NOW_MS);

    expect(result.message).toBe("同步完成");
    expect(result.outcome).toBe("ok");
    expect(result.problems).toBeGreaterThan(9_000);
    const stored = (await deps.meta.getLarge(META_SYNC_PROBLEMS)) ?? "";
    expect(new TextEncoder().encode(stored).byteLength).toBeGreaterThan(2_000_000);
    const html = await (await call("/problems")).text();
    expect(html).toContain(`最近一次同步共 ${result.problems} 条`);
    expect(html).toContain(quoted(2));
    // The whole list is there, 100 a page: the 错误 of 建议台账 in row order, then its 提醒 and the other
    // tabs', so the last row's 提出日期 is on page 128 of 145.
    expect(html).toContain(`共 ${result.problems} 条，显示第 1–100 条`);
    expect(await (await call("/problems?page=128")).text()).toContain(quoted(ROWS + 1));
    // Read again on the next sync (nothing changed) and after the list got short again.
    const again = await runSync(deps, "test", FIXTURE_NOW_MS + 600_000);
    expect(again.message).toBe("同步完成");
    await emulator.deleteSpreadsheet(SHEET);
    await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(ROWS)));
    const short = await runSync(deps, "test", FIXTURE_NOW_MS + 1_200_000);
    expect(short.message).toBe("同步完成");
    const after = await (await call("/problems")).text();
    expect(after).toContain(`最近一次同步共 ${short.problems} 条`);
    expect(after).not.toContain(quoted(2));
  });
});

describe("a failed run's record", () => {
  it("counts the rows, cells and calls of the steps before the one that failed", async () => {
    await resetDatabase();
    const id = "failed-run-counts";
    await emulator.deleteSpreadsheet(id).catch(() => undefined);
    await emulator.createSpreadsheet(id, fixtureSheets(buildFixture(250, 5)));
    // The cron's way: each step an invocation of its own (a queue the test delivers in order).
    const sent: { id: string; body: SyncStep }[] = [];
    const deps = {
      ...depsFor(id),
      jobsQueue: {
        send: async (body: SyncStep) => {
          sent.push({ id: `message-${sent.length}`, body });
        },
      } as unknown as Queue<SyncStep>,
    };
    await startSync(deps, "test", FIXTURE_NOW_MS);
    let end = null;
    for (let i = 0; i < sent.length; i++) {
      const { id: messageId, body } = sent[i] as (typeof sent)[number];
      // The finish's one values.batchUpdate (校验问题, 统计, 单位测评) is refused.
      if (body.step === "finish")
        await emulator.addFault({
          method: "POST",
          pathIncludes: `${id}/values:batchUpdate`,
          status: 400,
          times: 1,
        });
      end = (await continueSync(deps, body, FIXTURE_NOW_MS, messageId)) ?? end;
    }
    expect(end?.outcome).toBe("failed");
    const run = await deps.runs.last();
    expect(run?.outcome).toBe("failed");
    // The chunks read 250 rows and wrote the 编号 (and what follows from them) of 5.
    expect(run?.rows, JSON.stringify(run)).toBe(250);
    expect({
      rows: run?.rows,
      wrote: (run?.cellsWritten ?? 0) >= 5,
      calls: (run?.sheetsCalls ?? 0) > 3,
    }).toEqual({
      rows: 250,
      wrote: true,
      calls: true,
    });
  });
});
