import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { serialFromIso } from "../../src/domain/civil-date";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture } from "../support/ledger-fixture";
import { resetDatabase } from "../support/sync-helpers";
import { dashboardDeps, pageText, SHEET } from "./dashboard-helpers";

// 10:00 in Asia/Shanghai on 2027-01-12: the office is writing its 2026 report.
const JANUARY_NOW_MS = Date.parse("2027-01-12T02:00:00Z");

type Cells = Record<string, string | number>;

/**
 * The fixture's 2026 ledger with the year's first reply (2027-01-08) to a 2026 suggestion overdue
 * since 2026 (2026-007), and `more` rows appended.
 */
function januaryLedger(more: Cells[] = []) {
  const tabs = buildFixture(40);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  const header = ledger[0] as string[];
  const overdue = ledger.find((r) => r[header.indexOf("编号")] === "2026-007") as (string | number)[];
  overdue[header.indexOf("答复日期")] = serialFromIso("2027-01-08");
  overdue[header.indexOf("答复类别")] = "B";
  for (const cells of more) ledger.push(header.map((h) => cells[h] ?? ""));
  return tabs;
}

/** Syncs `tabs` at JANUARY_NOW_MS (the finish stores each year's figures), then runs the pages on that clock. */
function syncedInJanuary(tabs: Record<string, (string | number)[][]>): void {
  beforeAll(async () => {
    await resetDatabase();
    await env.DB.prepare("DELETE FROM samples").run();
    await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
    await emulator.createSpreadsheet(
      SHEET,
      Object.entries(tabs).map(([title, rows]) => ({ title, rows })),
    );
    const result = await runSync(await dashboardDeps(), "test", JANUARY_NOW_MS);
    if (result.outcome !== "ok") throw new Error(`sync failed: ${result.message}`);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(JANUARY_NOW_MS);
  });
  afterAll(() => vi.useRealTimers());
}

const REPORT_2026 = "<h1>2026 年代表建议办理情况</h1>";
const ASSESSMENT_2026 = "<h1>2026 年度承办单位测评</h1>";

describe("一月份答复上一年的建议，年度报告和单位测评仍打开上一年", () => {
  syncedInJanuary(januaryLedger());

  it("只有 2026 年的建议、2027 年 1 月有一件答复时，/report 和 /assessment 打开 2026 年", async () => {
    const report = await pageText("/report");
    expect(report).toContain(REPORT_2026);
    expect(report).not.toContain('<option value="2027"');
    expect(await pageText("/assessment")).toContain(ASSESSMENT_2026);
  });
});

describe("新一年的建议已立案交办、还没有答复时，仍打开上一年", () => {
  // The new year's first suggestion, 立案 and assigned on 2027-01-06, not replied yet; and the
  // 2026 suggestions carried over (跨年督办) count in 2027's 单位测评 already.
  syncedInJanuary(
    januaryLedger([
      {
        编号: "2027-001",
        标题: "关于新年第一件事项的建议",
        领衔代表: "王建国0",
        类别: "城乡建设",
        提出日期: serialFromIso("2027-01-05"),
        审查结果: "立案",
        主办单位: "区教育局",
        交办日期: serialFromIso("2027-01-06"),
      },
    ]),
  );

  it("/report 打开 2026 年，年份选择里有 2027 年，?year=2027 仍打开 2027 年", async () => {
    const report = await pageText("/report");
    expect(report).toContain(REPORT_2026);
    expect(report).toContain('<option value="2027">2027 年</option>');
    expect(await pageText("/report?year=2027")).toContain("<h1>2027 年代表建议办理情况</h1>");
  });

  it("/assessment 打开 2026 年，?year=2027 仍打开 2027 年", async () => {
    const assessment = await pageText("/assessment");
    expect(assessment).toContain(ASSESSMENT_2026);
    expect(assessment).toContain('<option value="2027">2027 年度</option>');
    expect(await pageText("/assessment?year=2027")).toContain("<h1>2027 年度承办单位测评</h1>");
  });
});
