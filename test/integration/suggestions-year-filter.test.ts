import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs/ledger";
import { serialFromIso } from "../../src/domain/civil-date";
import { yearOfRow } from "../../src/domain/dashboard/year-report";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { createSummaryStore } from "../../src/store/summary-store";
import { buildFixture } from "../support/ledger-fixture";
import { dashboardDeps, listedIds, listPage, seededAtFixtureTime } from "./dashboard-helpers";

const column = (header: string) => ledgerTab.columns.findIndex((c) => c.header === header);

/** 2025-001 … 2025-030: last year's suggestions, still in the ledger; and 2026-031 submitted late in 2025. */
const LAST_YEAR = 30;
/** 编号 of 2026 (numbered when it was typed in, in January), 提出日期 2025-12-29: the report counts it in 2025. */
const NUMBERED_IN_THE_NEW_YEAR = "2026-031";

/** 260 suggestions: the first 30 submitted in 2025 (编号 2025-…), one more on 2025-12-29, the rest in 2026. */
function twoYears() {
  const tabs = buildFixture(260);
  const ledger = tabs[TAB_NAMES.ledger] ?? [];
  for (let i = 1; i <= LAST_YEAR; i++) {
    const row = ledger[i] as (string | number)[];
    row[column("编号")] = `2025-${String(i).padStart(3, "0")}`;
    row[column("提出日期")] = serialFromIso("2025-03-01");
  }
  (ledger[LAST_YEAR + 1] as (string | number)[])[column("提出日期")] = serialFromIso("2025-12-29");
  return tabs;
}

seededAtFixtureTime(twoYears());

/** Every page of a query's list, one after the other. */
async function allPages(query: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= 5; page++) ids.push(...listedIds(await listPage(`${query}&page=${page}`)));
  return [...new Set(ids)];
}

/** The 编号 the list should show for a year and a status: the year as the year report decides it (yearOfRow). */
async function expected(year: number, status: string): Promise<string[]> {
  const { evaluation } = await loadLedgerView(await dashboardDeps(), "2026-11-26", "facts");
  return evaluation.rows
    .filter((r) => r.id && yearOfRow(r) === year && (!status || r.computed.status === status))
    .map((r) => r.id ?? "")
    .sort();
}

const q = (year: string, status = "") =>
  `?year=${encodeURIComponent(year)}&status=${encodeURIComponent(status)}`;

describe("the suggestions list's 年度 filter", () => {
  it("lists only 2025's 已逾期 suggestions for ?year=2025&status=已逾期, the year being 提出日期's", async () => {
    const html = await listPage(q("2025", "已逾期"));
    expect(html).toContain("<h1>建议 · 2025 年度 · 已逾期</h1>");
    const ids = listedIds(html);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(await expected(2025, "已逾期"));
    expect(ids.every((id) => id.startsWith("2025-") || id === NUMBERED_IN_THE_NEW_YEAR)).toBe(true);
  });

  it("counts a suggestion in the year the year report counts it: 2026-031, submitted 2025-12-29, is 2025's", async () => {
    const last = await allPages(q("2025"));
    expect(last).toContain(NUMBERED_IN_THE_NEW_YEAR);
    expect(last).toEqual(await expected(2025, ""));
    expect(last).toHaveLength(LAST_YEAR + 1);
    const current = await allPages(q("2026"));
    expect(current).not.toContain(NUMBERED_IN_THE_NEW_YEAR);
    expect(current).toEqual(await expected(2026, ""));
    expect(await listPage(q("2026"))).toContain(`${260 - LAST_YEAR - 1} 件`);
    for (const status of ["已逾期", "办理中", "待测评"])
      expect(listedIds(await listPage(q("2026", status))), status).toEqual(
        (await expected(2026, status)).slice(0, 100),
      );
  });

  it("offers the ledger's years newest first after 全部年度 (the default: every year, as before)", async () => {
    const html = await listPage("");
    expect(html).toContain("<h1>全部建议</h1>");
    expect(html).toContain("260 件");
    expect(html).toMatch(
      /<select name="year" aria-label="年度"><option value="">全部年度<\/option><option value="2026">2026 年<\/option><option value="2025">2025 年<\/option><\/select>/,
    );
    expect(await listPage(q("全部"))).toContain("260 件");
  });

  it("has D1 name the listed rows' years as well, for a page shown before the sync's finish stored them", async () => {
    expect(await createSummaryStore(env.DB).listYears()).toEqual([2026, 2025]);
  });

  it("keeps the year across pages and beside the status and the search, and shows it chosen", async () => {
    const html = await listPage(`?year=2026&q=${encodeURIComponent("建议")}`);
    expect(html).toContain(`${260 - LAST_YEAR - 1} 件`);
    expect(html).toContain(`href="/suggestions?year=2026&amp;q=${encodeURIComponent("建议")}&amp;page=2"`);
    expect(html).toContain('<option value="2026" selected="">2026 年</option>');
    const overdue = await listPage(`${q("2025", "已逾期")}&page=1`);
    expect(overdue).toContain('<option value="2025" selected="">2025 年</option>');
    expect(overdue).toContain('<option value="已逾期" selected="">已逾期</option>');
  });

  it("refuses a year that is not one, in Chinese, as the year report does", async () => {
    for (const bad of ["abc", "1999", "20266"]) {
      const body = await listPage(`?year=${bad}`, 400);
      expect(body, bad).toContain("年度须为 2000–2100 年之间的四位数字");
      expect(body, bad).toContain(bad);
    }
  });

  it("says so when the ledger has no suggestion of a well-formed year", async () => {
    const html = await listPage(q("2024", "已逾期"));
    expect(html).toContain("0 件");
    expect(html).toContain("台账中没有 2024 年提出的建议。");
    expect(html).toContain('<option value="2024" selected="">2024 年</option>');
    expect(listedIds(html)).toEqual([]);
  });

  it("filters by year the same way while a part stored by an older build has no list entries", async () => {
    const { results } = await env.DB.prepare("SELECT part, refs FROM summary_parts").all<{
      part: number;
      refs: string | null;
    }>();
    await env.DB.prepare("UPDATE summary_parts SET refs = NULL WHERE part = 0").run();
    try {
      expect(listedIds(await listPage(q("2025", "已逾期")))).toEqual(await expected(2025, "已逾期"));
      expect(await allPages(q("2025"))).toEqual(await expected(2025, ""));
      expect(await listPage(q("2026"))).toContain(`${260 - LAST_YEAR - 1} 件`);
    } finally {
      const restore = env.DB.prepare("UPDATE summary_parts SET refs = ?2 WHERE part = ?1");
      await env.DB.batch(results.map((r) => restore.bind(r.part, r.refs)));
    }
  });
});
