import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs/ledger";
import { serialFromIso } from "../../src/domain/civil-date";
import { yearOfRow } from "../../src/domain/dashboard/year-report";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { buildFixture } from "../support/ledger-fixture";
import { call, dashboardDeps, listPage, pageText, seededAtFixtureTime } from "./dashboard-helpers";

const column = (header: string) => ledgerTab.columns.findIndex((c) => c.header === header);
const BOM = "\uFEFF";

/** 260 suggestions: 2025-001 … 2025-030 submitted in 2025, the rest in 2026 (three pages of the list). */
function twoYears() {
  const tabs = buildFixture(260);
  const ledger = tabs[TAB_NAMES.ledger] ?? [];
  for (let i = 1; i <= 30; i++) {
    const row = ledger[i] as (string | number)[];
    row[column("编号")] = `2025-${String(i).padStart(3, "0")}`;
    row[column("提出日期")] = serialFromIso("2025-03-01");
  }
  return tabs;
}

seededAtFixtureTime(twoYears());

/** A CSV download: its Chinese file name and its lines (the BOM checked and left off). */
async function download(path: string): Promise<{ name: string; lines: string[] }> {
  const response = await call(path);
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(
    await response.arrayBuffer(),
  );
  expect(response.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(text.startsWith(BOM)).toBe(true);
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? "");
  // Each line is one row: the fixture quotes no CRLF.
  return { name, lines: text.slice(1).split("\r\n").slice(0, -1) };
}

const idOf = (line: string) => line.split(",")[0];

/** The 编号 the list shows for a year and a status, in its 编号 order (the year as the year report's). */
async function expected(year: number, status: string): Promise<string[]> {
  const { evaluation } = await loadLedgerView(await dashboardDeps(), "2026-11-26", "facts");
  return evaluation.rows
    .filter((r) => r.id && yearOfRow(r) === year && (!status || r.computed.status === status))
    .map((r) => r.id ?? "")
    .sort();
}

describe("exporting the suggestions list as filtered", () => {
  it("gives a leader 2025's overdue suggestions only, under the whole export's header, named for what it holds", async () => {
    const whole = await download("/exports/ledger.csv");
    const today = whole.name.match(/^建议台账-(\d{4}-\d{2}-\d{2})\.csv$/)?.[1];
    expect(today, whole.name).toBeDefined();
    const overdue = await download(`/exports/ledger.csv?year=2025&status=${encodeURIComponent("已逾期")}`);
    expect(overdue.name).toBe(`建议台账-2025年-已逾期-${today}.csv`);
    expect(overdue.lines[0]).toBe(whole.lines[0]);
    const ids = overdue.lines.slice(1).map(idOf);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(await expected(2025, "已逾期"));
    // Each row's line is the whole export's line of that row, byte for byte.
    for (const line of overdue.lines.slice(1)) expect(whole.lines).toContain(line);
  });

  it("gives every page of a list longer than one page: 2026's 230 suggestions", async () => {
    const year = await download("/exports/ledger.csv?year=2026");
    expect(year.name).toMatch(/^建议台账-2026年-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(year.lines.slice(1).map(idOf)).toEqual(await expected(2026, ""));
    expect(year.lines).toHaveLength(1 + 230);
    const searched = await download(`/exports/ledger.csv?q=${encodeURIComponent("第123号")}`);
    expect(searched.lines.slice(1).map(idOf)).toEqual(["2026-123"]);
    expect(searched.name).toMatch(/^建议台账-含“第123号”-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("refuses a status or a year it does not know, in Chinese, as the list does", async () => {
    const status = await call(`/exports/ledger.csv?status=${encodeURIComponent("逾期")}`);
    expect(status.status).toBe(400);
    expect(await status.text()).toContain("台账状态“逾期”无法识别：可选");
    const year = await call("/exports/ledger.csv?year=abc");
    expect(year.status).toBe(400);
    expect(await year.text()).toContain("年度须为 2000–2100 年之间的四位数字");
  });

  it("gives the same rows while a part has no R2 copy or no stored line ends (a build before them)", async () => {
    const path = `/exports/ledger.csv?year=2026&status=${encodeURIComponent("办理中")}`;
    const before = await download(path);
    expect(before.lines.length).toBeGreaterThan(1);
    await env.LETTERS?.delete("exports/ledger/part-0.csv");
    const { results } = await env.DB.prepare("SELECT part, csv_ends FROM summary_parts").all<{
      part: number;
      csv_ends: string | null;
    }>();
    await env.DB.prepare("UPDATE summary_parts SET csv_ends = NULL WHERE part = 1").run();
    try {
      expect((await download(path)).lines).toEqual(before.lines);
    } finally {
      const restore = env.DB.prepare("UPDATE summary_parts SET csv_ends = ?2 WHERE part = ?1");
      await env.DB.batch(results.map((r) => restore.bind(r.part, r.csv_ends)));
    }
  });
});

describe("the list's page and the year report link to the export of what they show", () => {
  it("links the list to its export with its filters, and says on a page of several which rows it holds", async () => {
    const html = await listPage(`?year=2026&q=${encodeURIComponent("建议")}&page=2`);
    expect(html).toContain(
      `<a class="button light" href="/exports/ledger.csv?year=2026&amp;q=${encodeURIComponent("建议")}">导出本清单 CSV</a>`,
    );
    expect(html).toContain(
      '<p class="page-note">本页为第 2 / 3 页（第 101–200 件，共 230 件）；完整清单请用“导出本清单 CSV”</p>',
    );
    const one = await listPage(`?year=2025&status=${encodeURIComponent("已逾期")}`);
    expect(one).toContain(`href="/exports/ledger.csv?year=2025&amp;status=${encodeURIComponent("已逾期")}"`);
    expect(one).not.toContain("本页为第");
  });

  it("exports the year report's year from its 导出台账 CSV", async () => {
    const report = await pageText("/report?year=2025");
    expect(report).toContain('<a class="button light" href="/exports/ledger.csv?year=2025">');
  });
});
