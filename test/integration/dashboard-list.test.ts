import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs/ledger";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { call, dashboardDeps, FIXTURE_NOW_MS, listedIds, listPage, seedAndSync } from "./dashboard-helpers";

/** 2026-100's 标题: 213 characters, over the sheet's 200 (an 错误), the words 留守儿童 past the 200th. */
const LONG_TITLE = `关于${"加强农村".repeat(50)}留守儿童关爱服务的建议`;

/** A cell of the fixture's row `n` (2026-00n), by its header. */
function setCell(tabs: Record<string, (string | number)[][]>, n: number, header: string, value: string) {
  const row = tabs[TAB_NAMES.ledger]?.[n];
  if (!row) throw new Error(`the fixture has no row ${n}`);
  row[ledgerTab.columns.findIndex((c) => c.header === header)] = value;
}

/** The fixture with 2026-100's 标题 too long, 2026-040 supervised by 刘振华主任, 2026-041 led by 张卫东副区长. */
function withLongTitle(tabs: Record<string, (string | number)[][]>) {
  setCell(tabs, 100, "标题", LONG_TITLE);
  setCell(tabs, 40, "督办领导", "刘振华主任");
  setCell(tabs, 41, "领办领导", "张卫东副区长");
  return tabs;
}

// 250 suggestions: three pages of the list.
beforeAll(async () => {
  await seedAndSync(withLongTitle(buildFixture(250)));
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(FIXTURE_NOW_MS);
});
afterAll(() => vi.useRealTimers());

describe("the suggestions list, a page at a time", () => {
  it("shows the first hundred in 编号 order, the count and a link to the next page", async () => {
    const html = await listPage("");
    expect(html).toContain("250 件");
    expect(html).toContain("第 1 / 3 页");
    expect(html).toContain('href="/suggestions?page=2"');
    expect(html).not.toContain("上一页");
    const ids = listedIds(html);
    expect(ids).toHaveLength(100);
    expect(ids[0]).toBe("2026-001");
    expect(ids.at(-1)).toBe("2026-100");
  });

  it("shows the last page's rest, and the last page for a page past the end", async () => {
    const last = await listPage("?page=3");
    expect(listedIds(last)).toHaveLength(50);
    expect(last).toContain('href="/suggestions?page=2"');
    expect(last).not.toContain("下一页");
    expect(listedIds(await listPage("?page=9"))).toEqual(listedIds(last));
  });

  it("keeps the status and the search in the page links, and finds by title, 编号, deputy or unit", async () => {
    const found = await listPage(`?q=${encodeURIComponent("第123号")}`);
    expect(listedIds(found)).toEqual(["2026-123"]);
    expect(found).toContain("1 件");
    const wide = await listPage(`?q=${encodeURIComponent("建议")}`);
    expect(wide).toContain("250 件");
    expect(wide).toContain(`href="/suggestions?q=${encodeURIComponent("建议")}&amp;page=2"`);
    const closed = await listPage(`?status=${encodeURIComponent("已办结")}&q=${encodeURIComponent("区")}`);
    expect(closed).toContain(`<h1>建议 · 已办结</h1>`);
    expect(listedIds(closed).length).toBeGreaterThan(0);
  });

  it("lists what the stored rows hold for each status and search, whatever D1 picks", async () => {
    const { evaluation } = await loadLedgerView(await dashboardDeps(), "2026-01-01", "facts");
    const rows = evaluation.rows.filter((r) => r.id);
    const expected = (status: string, text: string) =>
      rows
        .filter((r) => !status || r.computed.status === status)
        .filter((r) =>
          [
            r.id ?? "",
            r.record.title,
            r.record.leadDeputy,
            r.record.leadUnit,
            ...r.record.coSigners,
            ...r.record.coUnits,
            r.record.supervisor,
            r.record.handlingLeader,
          ].some((v) => v.includes(text)),
        )
        .map((r) => r.id ?? "")
        .sort()
        .slice(0, 100);
    const deputy = rows[7]?.record.leadDeputy ?? "";
    const unit = rows[3]?.record.leadUnit ?? "";
    const cases: [string, string][] = [
      ["", ""],
      ["已逾期", ""],
      ["办理中", unit],
      ["", deputy],
      ["", "区生态环境分局"],
      ["待测评", DEPUTIES[14] ?? ""],
      ["", "留守儿童"],
      ["", "-01"],
      ["", "不存在的字"],
    ];
    for (const [status, text] of cases) {
      const html = await listPage(`?status=${encodeURIComponent(status)}&q=${encodeURIComponent(text)}`);
      expect(listedIds(html), `${status} ${text}`).toEqual(expected(status, text));
    }
    expect(expected("", deputy).length).toBeGreaterThan(1);
    expect(expected("已逾期", "").length).toBeGreaterThan(0);
  });

  it("finds a suggestion by its 附议代表 and its 协办单位 too, as the search box says (代表或单位)", async () => {
    // 2026-013: led by DEPUTIES[12] with 附议 DEPUTIES[13] and DEPUTIES[14]; 主办 区教育局, 协办 区生态环境分局.
    const coSigner = await listPage(`?q=${encodeURIComponent(DEPUTIES[14] ?? "")}`);
    expect(listedIds(coSigner)).toContain("2026-013");
    const coUnit = await listPage(`?q=${encodeURIComponent("区生态环境分局")}`);
    expect(listedIds(coUnit)).toContain("2026-013");
  });

  it("finds the suggestions a leader supervises or leads, by the leader's name (代表、单位或领导)", async () => {
    expect(listedIds(await listPage(`?q=${encodeURIComponent("刘振华")}`))).toEqual(["2026-040"]);
    expect(listedIds(await listPage(`?q=${encodeURIComponent("张卫东")}`))).toEqual(["2026-041"]);
    expect(await listPage("")).toContain('placeholder="编号、标题、代表、单位或领导"');
  });

  it("keeps a 标题 over 200 characters: shortened with … in the list, whole on its page, found by its words", async () => {
    const found = await listPage(`?q=${encodeURIComponent("留守儿童")}`);
    expect(listedIds(found)).toEqual(["2026-100"]);
    expect(found).toContain(`<td>${LONG_TITLE.slice(0, 199)}…</td>`);
    const listed = await listPage("");
    expect(listed).toContain(`<td>${LONG_TITLE.slice(0, 199)}…</td>`);
    const page = await call("/suggestions/2026-100");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`2026-100 ${LONG_TITLE}`);
  });

  it("refuses a page that is not a positive whole number, saying so", async () => {
    const body = await listPage("?page=0", 400);
    expect(body).toContain("页码须为正整数");
  });
});
