import { describe, expect, it } from "vitest";
import type { OpinionRecord } from "../../../sheets-schema/tabs/evaluation-tabs";
import { computeOverview } from "../../../src/domain/dashboard/overview";
import { unitScoreboard } from "../../../src/domain/dashboard/scoreboard";
import { yearReport } from "../../../src/domain/dashboard/year-report";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import type { OpinionRow } from "../../../src/domain/evaluation/opinions";
import type { PageFrame } from "../../../src/http/dashboard/layout";
import { LinksPage } from "../../../src/http/dashboard/links-page";
import { NoticesPage } from "../../../src/http/dashboard/notices-page";
import { OpinionsPage } from "../../../src/http/dashboard/opinions-page";
import { OverviewPage } from "../../../src/http/dashboard/overview-page";
import { ReportPage } from "../../../src/http/dashboard/report-page";
import { APP_CSS } from "../../../src/http/dashboard/styles";
import { SuggestionsPage } from "../../../src/http/dashboard/suggestions-page";
import { UnitsPage } from "../../../src/http/dashboard/units-page";
import type { LinkRecord } from "../../../src/store/personal-links";
import { makeRow, makeTabs } from "../helpers/make-row";
import { fixtureEvaluation, TODAY } from "./fixture";
import { REPORT_ROWS } from "./report-fixture";

/**
 * Staff and leaders in their 50s read the dashboard at 125–150 % zoom, some with a screen reader,
 * some on a grey printout: what the pages give them beyond colour and a mouse.
 */
const frame: PageFrame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };

async function html(node: unknown): Promise<string> {
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

/** The opening tags of the elements whose tag matches `tag`. */
const tags = (page: string, tag: RegExp) => [...page.matchAll(tag)].map((m) => m[0]);

const overview = () => html(OverviewPage({ figures: computeOverview(fixtureEvaluation()), frame }));

describe("every page's frame", () => {
  it("opens with a link 跳到正文 to the main content and marks the current tab of the menu", async () => {
    const page = await overview();
    const body = page.slice(page.indexOf("<body>") + "<body>".length);
    expect(body).toMatch(/^<a class="skip" href="#main">跳到正文<\/a>/);
    expect(page).toMatch(/<main id="main" tabindex="-1">/);
    const current = tags(page, /<a [^>]*aria-current="page"[^>]*>[^<]*/g);
    expect(current).toEqual(['<a href="/" class="on" aria-current="page">概览']);
  });
});

describe("按期答复率 charts: a mark besides the colour, and the figures as text", () => {
  it("marks the overview's units with overdue suggestions ▲, explains it, and lists the figures for a screen reader", async () => {
    const figures = computeOverview(fixtureEvaluation());
    const overdue = figures.slowUnits.filter((u) => u.overdueUnreplied > 0);
    const clear = figures.slowUnits.filter((u) => u.overdueUnreplied === 0);
    expect(overdue.length).toBeGreaterThan(0);
    const page = await overview();
    const from = page.indexOf('aria-label="按期答复率最低的承办单位"');
    const chart = page.slice(from, page.indexOf("全部单位", from));
    for (const u of overdue) expect(chart).toContain(`>▲ ${u.label}</text>`);
    for (const u of clear) expect(chart).not.toContain(`▲ ${u.label}<`);
    expect(chart).toMatch(/class="legend"[\s\S]*▲ 红色：有逾期未答复的建议/);
    const spoken = /<ul class="sr-only"[^>]*>([\s\S]*?)<\/ul>/.exec(chart)?.[1] ?? "";
    const first = overdue[0];
    expect(spoken).toContain(`<li>${first?.label}：${first?.onTimeRate}（有逾期未答复的建议）</li>`);
  });

  it("does the same on /units", async () => {
    const board = unitScoreboard(fixtureEvaluation());
    const page = await html(UnitsPage({ board, frame }));
    const late = board.units.find((u) => u.overdueUnreplied > 0 && u.assigned > 0);
    expect(late).toBeDefined();
    expect(page).toContain(`>▲ ${late?.label}</text>`);
    expect(page).toContain("▲ 红色：有逾期未答复的建议");
    expect(page).toContain(`<li>${late?.label}：${late?.onTimeRate}（有逾期未答复的建议）</li>`);
  });
});

describe("wide tables", () => {
  it("puts /units' table in a scroll box of its own, unit names kept at its left, with the sideways hint", async () => {
    const page = await html(UnitsPage({ board: unitScoreboard(fixtureEvaluation()), frame }));
    expect(page).toMatch(
      /<div class="table-wrap"><p class="table-hint">表格较宽，可左右滑动查看<\/p><section class="table-scroll name-first" aria-label="各承办单位办理情况一览" tabindex="0"><table class="stack">[\s\S]*二次逾期未答复/,
    );
  });

  it("gives the box a bounded height, a sticky heading row and first column on screen, and none of it on paper", () => {
    expect(APP_CSS).toMatch(/\.table-scroll\{max-height:70vh;overflow:auto;/);
    expect(APP_CSS).toContain(".table-scroll thead th{position:sticky;top:0;");
    expect(APP_CSS).toMatch(/\.table-scroll\.name-first td:first-child,[^{]*\{position:sticky;left:0;/);
    const print = APP_CSS.slice(APP_CSS.indexOf("@media print{"));
    expect(print).toContain(".table-scroll{max-height:none;overflow:visible;");
    expect(print).toMatch(/\.table-scroll thead th,[^{]*\{position:static;/);
  });
});

describe("/report", () => {
  it("has one h1, the page's; the draft's title is under it", async () => {
    const evaluation = evaluateLedger({ tabs: makeTabs(REPORT_ROWS.map((c) => makeRow(c))), today: TODAY });
    const report = yearReport(evaluation, 2026);
    const page = await html(ReportPage({ report, years: [2026], frame }));
    expect(tags(page, /<h1[^>]*>[^<]*/g)).toEqual(["<h1>2026 年代表建议办理情况"]);
    expect(page).toContain('<h2 class="doc-title">关于2026年代表建议办理情况的报告</h2>');
    // The screen's note writes its day as the sync line does; the draft keeps 年月日.
    expect(page).toContain(`统计截至 ${TODAY}。`);
  });
});

describe("controls named for what they do", () => {
  it("labels /suggestions' search box with a visible 搜索", async () => {
    const page = await html(
      SuggestionsPage({
        refs: [],
        filter: { year: null, status: null, text: "" },
        years: [2026],
        paging: { page: 1, pages: 1, total: 0 },
        frame,
      }),
    );
    expect(page).toMatch(
      /<label class="search">搜索<input type="search" name="q"[^>]*placeholder="编号、标题、代表、单位或领导"/,
    );
  });

  it("marks the chosen filter of /notices as current", async () => {
    const page = await html(
      NoticesPage({ notices: [], counts: {}, unsent: [], status: "失败", retried: null, frame }),
    );
    const current = tags(page, /<a [^>]*aria-current="page"[^>]*>[^<]*/g);
    expect(current).toHaveLength(2);
    expect(current[1]).toMatch(/href="\/notices\?status=[^"]*"[^>]*>失败$/);
  });

  it("names each 撤销 on /links by its row", async () => {
    const link: LinkRecord = {
      id: "a1b2c3d4e5f6a7b8c9d0",
      kind: "unit",
      recipient: "区教育局",
      scope: "act",
      issuedAt: "2026-06-01T01:00:00Z",
      expiresAt: "2026-12-01T01:00:00Z",
      noticeType: "交办通知",
      suggestionId: "2026-001",
      issuedBy: null,
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
      uses: 0,
      secretFingerprint: null,
      issuedBeforeFingerprint: null,
    };
    const page = await html(
      LinksPage({
        links: [link],
        filter: { kind: null, recipient: null },
        notice: null,
        nowIso: "2026-06-15T01:00:00Z",
        secretFingerprint: null,
        frame,
      }),
    );
    expect(page).toMatch(
      /<button class="small danger" type="submit" aria-label="撤销 区教育局 的链接 [^"]+">撤销<\/button>/,
    );
  });

  it("names each 转化为建议 on /opinions by its row", async () => {
    const row: OpinionRow = {
      rowNumber: 2,
      key: "k1",
      cellError: false,
      record: {
        date: "2026-06-01",
        station: "城东联络站",
        deputy: "王芳",
        content: "学校门口早晚高峰拥堵",
        handling: "转化为建议",
        suggestionId: "",
      } as unknown as OpinionRecord,
    };
    const page = await html(
      OpinionsPage({
        data: { rows: [row], received: 1, converted: 0, excluded: 0, byHandling: [] },
        year: null,
        notice: null,
        refusalOf: () => null,
        frame,
      }),
    );
    expect(page).toContain(
      'aria-label="转化为建议：2026-06-01 城东联络站 王芳 接待的民意">转化为建议</button>',
    );
  });
});

describe("type size and contrast (WCAG AA)", () => {
  it("sets tables at 14 px and nothing under 13 px", () => {
    expect(APP_CSS).toContain("table{border-collapse:collapse;width:100%;font-size:14px}");
    const dashboard = APP_CSS.slice(0, APP_CSS.indexOf("body.lk{"));
    expect(dashboard).not.toMatch(/font-size:1[0-2]px/);
  });

  it("uses colours of 4.5:1 for text, 3:1 for fields and chart fills", () => {
    expect(APP_CSS).toContain(".badge.ok{background:#e3f4e4;color:#1b5e20}");
    expect(APP_CSS).toContain(".kpi.warn .value{color:#a35a00}");
    expect(APP_CSS).toContain("--gray:#7b8794;--field:#7b8794");
    expect(APP_CSS).toMatch(/input\[type=search\],select\{[^}]*border:1px solid var\(--field\)/);
    expect(APP_CSS).not.toContain("#8a97a6");
  });

  it("underlines links in running text, not the menu's or buttons", () => {
    expect(APP_CSS).toMatch(/main p a:not\(\.button\),[^{]*\{text-decoration:underline/);
  });
});
