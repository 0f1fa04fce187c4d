import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../../../src/domain/problems";
import { emptiedLedgerProblem, emptiedLedgerReason } from "../../../src/domain/sync/emptied-ledger";
import { ProblemsPage } from "../../../src/http/dashboard/problems-page";
import type { SyncRunRecord } from "../../../src/store/sync-runs";

const EMPTIED = { dataRows: 0, presentBefore: 137 };

/** The sync that held the ledger (select all → Delete, the header typed back), as the sync log keeps it. */
const HELD_RUN: SyncRunRecord = {
  id: 9,
  trigger: "cron",
  startedAt: "2026-12-06T12:25:00.000Z",
  finishedAt: "2026-12-06T12:26:00.000Z",
  outcome: "ok",
  rows: 0,
  cellsWritten: 0,
  sheetsCalls: 3,
  problems: 40,
  error: null,
  summary: { skippedTabs: [{ tab: TAB_NAMES.ledger, reason: emptiedLedgerReason(EMPTIED) }] },
};

const NO_CONTACT = "答复前未记录办前联系：请承办单位在答复前与领衔代表联系，并在『办前联系』表中登记";
const DATE = (value: string) => `交办日期“${value}”不是日期：请填写日期，如 2026-03-01`;

let row = 1;
const rowProblem = (column: string, level: "错误" | "提醒", message: string): Problem => {
  row += 1;
  return { tab: TAB_NAMES.ledger, row, column, level, message, id: `2026-${row}` };
};

/** 11 提醒 of one cause, 4 错误 of another, 25 提醒 of a third: more than the 概要 needs (20). */
function lastProblems(): Problem[] {
  return [
    ...Array.from({ length: 25 }, () => rowProblem("跨年督办", "提醒", "跨年督办：请填写 是 或 否")),
    ...Array.from({ length: 11 }, () => rowProblem("答复日期", "提醒", NO_CONTACT)),
    ...["2026-13-01", "明天", "3月", "2026-02-30"].map((v) => rowProblem("交办日期", "错误", DATE(v))),
  ];
}

async function summaryOf(problems: readonly Problem[], lastSync: SyncRunRecord | null): Promise<string[]> {
  const frame = { lastSync, timeZone: "Asia/Shanghai", today: "2026-12-06" };
  const page = ProblemsPage({ problems, total: problems.length, level: null, restored: null, frame }) as {
    toString(): string | Promise<string>;
  };
  const html = String(await page.toString());
  const card = /问题概要[\s\S]*?<ul>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
  return [...card.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => (m[1] ?? "").replace(/<[^>]+>/g, ""));
}

describe("/problems' 问题概要", () => {
  it("lists an 错误 cause before 提醒 causes with more rows", async () => {
    const lines = await summaryOf(lastProblems(), null);

    expect(lines).toEqual([
      "交办日期“…”不是日期：4 处（2026-13-01 1、明天 1、3月 1、…）",
      "跨年督办：请填写 是 或 否：25 处",
      "答复日期：答复前未记录办前联系：11 处",
    ]);
  });

  it("heads it with the problem that held the sync, marked so, before every other 错误", async () => {
    const hold = emptiedLedgerProblem(EMPTIED);
    const lines = await summaryOf([...lastProblems(), hold], HELD_RUN);

    expect(lines[0]).toMatch(
      /^同步因此暂停读取『建议台账』：『建议台账』没有数据行（上次同步后系统存有 137 条建议）：1 处$/,
    );
    expect(lines.slice(1)).toEqual([
      "交办日期“…”不是日期：4 处（2026-13-01 1、明天 1、3月 1、…）",
      "跨年督办：请填写 是 或 否：25 处",
      "答复日期：答复前未记录办前联系：11 处",
    ]);
  });
});

describe("the held ledger's count", () => {
  it("says it is the suggestions the system keeps, by 编号, and why it can be fewer than 概览's 建议总数", () => {
    const problem = emptiedLedgerProblem(EMPTIED).message;
    const reason = emptiedLedgerReason(EMPTIED);

    expect(reason).toBe(
      "『建议台账』没有数据行（上次同步后系统存有 137 条建议），疑似被误删，本次不读取台账（详见“校验问题”）",
    );
    expect(problem).toMatch(/^『建议台账』没有数据行（上次同步后系统存有 137 条建议）：/);
    expect(problem).toContain("系统存有的建议按编号计，编号重复的行不另计，可能少于“概览”的“建议总数”");
    expect(problem).not.toContain("上次同步时有");
  });
});
