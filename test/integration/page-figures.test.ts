import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { runSync } from "../../src/jobs/sync/run-sync";
import { FIGURE_GROUPS, type PageFigures } from "../../src/store/page-figures";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { withoutPartColumn, withoutPartIndexes } from "../support/sync-helpers";
import {
  call,
  dashboardDeps,
  FIXTURE_NOW_MS,
  SHEET,
  seedAndSync,
  seededAtFixtureTime,
} from "./dashboard-helpers";

// The overview, the unit scoreboard, the deputies' records, the 单位测评 pages and CSVs, the
// commendations draft and the year report read the figures the sync's finish worked out; a unit's
// page and the suggestions list read the parts' list entries through D1 (issue 11: no page of a
// 2,000-row office should parse every row). These tests hold them to what the pages showed when
// each isolate worked them out from the stored rows.

/** The fixture with two suggestions marked 优秀建议 (the commendations draft lists them). */
function withExcellent(rows = 40) {
  const tabs = buildFixture(rows);
  const ledger = tabs[TAB_NAMES.ledger] as unknown[][];
  const column = (ledger[0] ?? []).indexOf("优秀建议");
  for (const row of [ledger[3], ledger[6]]) if (row) row[column] = "是";
  return tabs;
}

seededAtFixtureTime(withExcellent());

const PAGES = [
  "/",
  "/units",
  `/units/${encodeURIComponent("区教育局")}`,
  "/exports/units.csv",
  "/deputies",
  "/deputies?year=2026",
  "/exports/deputies.csv?year=2026",
  "/assessment",
  "/assessment?year=2026",
  "/assessment/commendations",
  "/exports/assessment.csv?year=2026",
  "/suggestions",
  "/suggestions?page=3",
  "/report",
  "/report?year=2026",
  "/exports/report.json?year=2026",
  "/exports/report.csv",
  "/sampling",
];

async function bodies(): Promise<string[]> {
  return Promise.all(
    PAGES.map(async (path) => {
      const response = await call(path);
      expect(response.status, path).toBe(200);
      return response.text();
    }),
  );
}

/** The stored figures, their groups put together (each must be of the mark's version), and the summary's version. */
async function stored(): Promise<{ figures: PageFigures | null; version: string | undefined }> {
  const rows = await env.DB.prepare(
    "SELECT key, value FROM meta WHERE key = 'page_figures' OR key = 'summary' OR key IN (SELECT 'page_figures:' || value FROM json_each(?1))",
  )
    .bind(JSON.stringify(Object.keys(FIGURE_GROUPS)))
    .all<{ key: string; value: string }>();
  const value = (key: string) => rows.results.find((r) => r.key === key)?.value;
  const mark = value("page_figures");
  const summary = value("summary");
  const version = mark ? (JSON.parse(mark) as { version: string }).version : undefined;
  const groups = Object.keys(FIGURE_GROUPS).map((group) => {
    const text = value(`page_figures:${group}`);
    const parsed = text ? (JSON.parse(text) as { version: string }) : null;
    expect(parsed?.version, group).toBe(version);
    return parsed;
  });
  return {
    figures: mark ? (Object.assign({}, ...groups, { version }) as PageFigures) : null,
    version: summary ? (JSON.parse(summary) as { version?: string }).version : undefined,
  };
}

/**
 * The pages again as they are when the figures stored are not of the summary shown (a build before
 * them, a sync still finishing): the summary gets another version for a moment, so each page works
 * its figures out from the stored rows.
 */
async function bodiesFromRows(): Promise<string[]> {
  const summary = await env.DB.prepare("SELECT value FROM meta WHERE key = 'summary'").first<{
    value: string;
  }>();
  if (!summary) throw new Error("no summary stamp after the sync");
  await env.DB.prepare("UPDATE meta SET value = json_set(value, '$.version', ?1) WHERE key = 'summary'")
    .bind(crypto.randomUUID())
    .run();
  try {
    return await bodies();
  } finally {
    await env.DB.prepare("UPDATE meta SET value = ?1 WHERE key = 'summary'").bind(summary.value).run();
  }
}

const overdue = (figures: PageFigures | null) =>
  figures?.overview.statusCounts.find((s) => s.status === "已逾期")?.count;

describe("the figures of the overview and the scoreboard, worked out by the sync's finish", () => {
  it("are stored for the summary the pages show, and the pages look the same as when worked out from the rows", async () => {
    const { figures, version } = await stored();
    expect(version).toBeDefined();
    expect(figures?.version).toBe(version);
    expect(figures?.units.units.length).toBeGreaterThan(0);
    expect(figures?.deputies.length).toBeGreaterThan(0);
    expect(figures?.assessments.map((a) => a.year)).toContain(2026);
    expect(figures?.excellent?.["2026"]?.length).toBeGreaterThan(0);
    const report = await env.DB.prepare(
      "SELECT value FROM meta WHERE key = 'page_figures:report:latest'",
    ).first<{
      value: string;
    }>();
    expect(report?.value.startsWith(`{"version":"${version}",`)).toBe(true);
    expect(report?.value).toContain('"year":2026');
    // A year's deputies' records, one value a year (/deputies?year= reads that one).
    const deputies = await env.DB.prepare(
      "SELECT value FROM meta WHERE key = 'page_figures:deputies:2026'",
    ).first<{ value: string }>();
    expect(deputies?.value.startsWith(`{"version":"${version}","deputies":[`)).toBe(true);
    // The overview counts the problems the finish listed in 校验问题, errors apart (the figures are
    // worked out in a step after the finish, which does not read the list).
    const listed = await env.DB.prepare("SELECT value FROM meta WHERE key = 'sync_problems'").first<{
      value: string;
    }>();
    const levels = (JSON.parse(listed?.value ?? "[]") as { level: string }[]).map((p) => p.level);
    const errors = levels.filter((level) => level === "错误").length;
    expect(errors).toBeGreaterThan(0);
    expect(figures?.overview.problems).toEqual({ errors, warnings: levels.length - errors });
    expect(await bodies()).toEqual(await bodiesFromRows());
  });

  it("follow a staff edit: the next sync stores new ones and the overview counts one overdue suggestion fewer", async () => {
    const before = await stored();
    const ids = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'!A:A`);
    const row = ids.findIndex((r) => r[0] === "2026-007") + 1;
    const status = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'!A${row}:AZ${row}`);
    expect(status[0]).toContain("已逾期");
    const replied = columnLetter(ledgerTab.columns.findIndex((c) => c.header === "答复日期"));
    const deps = await dashboardDeps();
    await deps.sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.ledger}'!${replied}${row}`, values: [["2026-11-20"]] },
    ]);
    vi.useRealTimers();
    const result = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(FIXTURE_NOW_MS);
    expect(result.outcome).toBe("ok");

    const after = await stored();
    expect(after.version).not.toBe(before.version);
    expect(after.figures?.version).toBe(after.version);
    expect(overdue(after.figures)).toBe((overdue(before.figures) ?? 0) - 1);
    expect(await bodies()).toEqual(await bodiesFromRows());
  });
});

/** Stored parts with no share of the figures, and all parts. */
async function partsWithoutFigures(): Promise<{ without: number; all: number }> {
  const row = await env.DB.prepare(
    "SELECT SUM(part NOT IN (SELECT part FROM part_shares)) AS without, COUNT(*) AS n FROM summary_parts",
  ).first<{ without: number; n: number }>();
  return { without: Number(row?.without ?? -1), all: Number(row?.n ?? 0) };
}

/** A staff edit (a reply typed for `id`) and the sync after it, which works the figures out again. */
async function replyAndSync(id: string, on: string): Promise<void> {
  const ids = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'!A:A`);
  const row = ids.findIndex((r) => r[0] === id) + 1;
  const replied = columnLetter(ledgerTab.columns.findIndex((c) => c.header === "答复日期"));
  const deps = await dashboardDeps();
  await deps.sheets.batchUpdateValues([{ range: `'${TAB_NAMES.ledger}'!${replied}${row}`, values: [[on]] }]);
  vi.useRealTimers();
  const result = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(FIXTURE_NOW_MS);
  expect(result.outcome).toBe("ok");
}

describe("a deputy's page, from the rows that mention the deputy", () => {
  const paths = [DEPUTIES[0], DEPUTIES[7], DEPUTIES[39], "没有这个人"].map(
    (d) => `/deputies/${encodeURIComponent(d ?? "")}`,
  );
  const pages = () =>
    Promise.all(
      paths.map(async (path) => {
        const response = await call(path);
        // Each request has its own 请求编号 (an error page shows it).
        return `${response.status} ${(await response.text()).replace(/请求编号 [^<]*/, "")}`;
      }),
    );

  it("look the same as when worked out from every row (as before the parts had an index)", async () => {
    const cut = await pages();
    expect(cut.map((p) => p.slice(0, 3))).toEqual(["200", "200", "200", "404"]);
    // Parts without an index (stored by an older build): the pages read every row's facts.
    expect(await withoutPartIndexes(pages)).toEqual(cut);
  });
});

describe("each part's share of the figures, added up by the finish", () => {
  // 250 rows: three parts, so the shares of several parts are added up.
  beforeAll(async () => {
    vi.useRealTimers();
    await seedAndSync(withExcellent(250));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(FIXTURE_NOW_MS);
  });

  it("is stored with every part, and the pages from the shares added up look as from the rows", async () => {
    const { without, all } = await partsWithoutFigures();
    expect(all).toBe(3);
    expect(without).toBe(0);
    expect(await bodies()).toEqual(await bodiesFromRows());
  });

  it("with the parts' list entries: a unit's page and the list look as when read from every row's facts", async () => {
    const paths = [
      ...["区教育局", "区住建局", "没有这个单位"].map((u) => `/units/${encodeURIComponent(u)}`),
      ...[
        "",
        "?page=2",
        "?page=9",
        `?status=${encodeURIComponent("已逾期")}`,
        `?q=${encodeURIComponent("区")}`,
      ].map((q) => `/suggestions${q}`),
    ];
    const pages = () =>
      Promise.all(
        paths.map(async (path) => {
          const response = await call(path);
          return `${response.status} ${(await response.text()).replace(/请求编号 [^<]*/, "")}`;
        }),
      );
    const fromEntries = await pages();
    expect(fromEntries.map((p) => p.slice(0, 3))).toEqual([
      "200",
      "200",
      "404",
      "200",
      "200",
      "200",
      "200",
      "200",
    ]);
    expect(fromEntries[0]).toContain("2026-");
    expect(await withoutPartColumn("refs", pages)).toEqual(fromEntries);
    // Viewed three days after the sync: days left count from the day of the page, as from the facts.
    vi.setSystemTime(FIXTURE_NOW_MS + 3 * 86_400_000);
    try {
      const later = await pages();
      expect(later).not.toEqual(fromEntries);
      expect(await withoutPartColumn("refs", pages)).toEqual(later);
    } finally {
      vi.setSystemTime(FIXTURE_NOW_MS);
    }
  });

  it("is not added up when of another format (an older build): the figures come from the rows", async () => {
    // Shares an older build stored, and wrong besides: were they added up, 合计 would count 999 more.
    await env.DB.prepare(
      "UPDATE part_shares SET format = 0, statistics = json_set(statistics, '$.total', json('[999]'))",
    ).run();
    await replyAndSync("2026-008", "2026-11-21");
    const statistics = await emulator.getValues(SHEET, `'${TAB_NAMES.statistics}'!A:B`);
    expect(Number(statistics.find((r) => r[0] === "合计")?.[1])).toBeLessThan(999);
    expect(await bodies()).toEqual(await bodiesFromRows());
  });

  it("is stored again by the next sync for parts that have none, without counting them as changed", async () => {
    // As a part stored before part_shares is.
    await env.DB.prepare("DELETE FROM part_shares WHERE part = 0").run();
    vi.useRealTimers();
    const result = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(FIXTURE_NOW_MS);
    expect(result.outcome).toBe("ok");
    expect((await partsWithoutFigures()).without).toBe(0);
  });
});
