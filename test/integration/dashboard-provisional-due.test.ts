import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { buildFixture } from "../support/ledger-fixture";
import { call, pageText, seededAtFixtureTime } from "./dashboard-helpers";

/**
 * The fixture on 2026-11-26, when 2027's 放假安排 is entered nowhere (neither chinese-days nor 节假日):
 * 2026-005 (区民政局) and 2026-018 (区生态环境分局), assigned 2026-10-20, are due 2027-01-20, which the
 * notices write 2027年1月20日（暂定）; 2026-006 (区生态环境分局), assigned 2026-09-01, is due
 * 2026-12-01, a year whose arrangement is known. 即将到期天数 60 puts all three in the overview's
 * 即将到期 list; 2026-005 and 2026-006 are key suggestions, and 2026-005 has a pending 延期申请.
 * 2026-031 (区医保局 协办) is due 2027-01-20 too. (A second round's page: suggestion-page-provisional-due.)
 */
const PROVISIONAL = "2027-01-20（暂定）";
const KNOWN = "2026-12-01";

function tabs() {
  const all = buildFixture(40);
  const ledger = all[TAB_NAMES.ledger] as (string | number)[][];
  const col = (header: string) => ledgerTab.columns.findIndex((c) => c.header === header);
  for (const id of ["2026-005", "2026-006"]) {
    const row = ledger.find((r) => r[col("编号")] === id) as (string | number)[];
    row[col("重点建议")] = "是";
    row[col("督办领导")] = "王书记";
  }
  (all[TAB_NAMES.settings] as unknown[][]).push(["即将到期天数", 60, ""]);
  (all[TAB_NAMES.extensions] as unknown[][]).push([
    "2026-005",
    serialFromIso("2026-11-20"),
    "区民政局",
    "需等待上级批复",
    "",
    "",
    "",
  ]);
  return all;
}

seededAtFixtureTime(tabs());

/** The row of a SuggestionTable that lists `id`. */
function tableRow(html: string, id: string): string {
  const start = html.indexOf(`<tr><td class="nowrap"><a href="/suggestions/${id}">`);
  expect(start, `no row for ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</tr>", start));
}

/** The overview's card titled `title` (up to the next card). */
function card(html: string, title: string): string {
  const start = html.indexOf(`<h2>${title}`);
  expect(start, `no card ${title}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</section>", start));
}

const dueCell = (due: string) => `<td data-label="办理期限"><span class="nowrap">${due}</span></td>`;

describe("the dashboard says 办理期限 （暂定） wherever the notices do", () => {
  it("督办概览: 即将到期, 重点建议 and 延期申请待审批", async () => {
    const html = await pageText("/");
    const soon = card(html, "即将到期（60 天内）");
    expect(tableRow(soon, "2026-005")).toContain(dueCell(PROVISIONAL));
    expect(tableRow(soon, "2026-018")).toContain(dueCell(PROVISIONAL));
    expect(tableRow(soon, "2026-006")).toContain(dueCell(KNOWN));
    const key = card(html, "重点建议与督办、领办领导");
    expect(tableRow(key, "2026-005")).toContain(dueCell(PROVISIONAL));
    expect(tableRow(key, "2026-006")).toContain(dueCell(KNOWN));
    const decisions = card(html, "待代表工委决定");
    expect(tableRow(decisions, "2026-005")).toContain(dueCell(PROVISIONAL));
  });

  it("the suggestions list", async () => {
    const html = await pageText("/suggestions");
    expect(tableRow(html, "2026-005")).toContain(dueCell(PROVISIONAL));
    expect(tableRow(html, "2026-006")).toContain(dueCell(KNOWN));
  });

  it("a unit's page: what it leads and what it co-handles", async () => {
    const lead = await pageText(`/units/${encodeURIComponent("区生态环境分局")}`);
    expect(tableRow(lead, "2026-018")).toContain(dueCell(PROVISIONAL));
    expect(tableRow(lead, "2026-006")).toContain(dueCell(KNOWN));
    const co = await pageText(`/units/${encodeURIComponent("区医保局")}`);
    expect(card(co, "协办的建议")).toContain(dueCell(PROVISIONAL));
  });

  it("a suggestion's page: its current 办理期限, the round's and its 办理进程", async () => {
    const html = await pageText("/suggestions/2026-005");
    expect(html).toContain(`当前办理期限 <strong>${PROVISIONAL}</strong>`);
    expect(html).toContain(`<strong>首轮办理期限：</strong>${PROVISIONAL}<br/>`);
    expect(html).toContain(`<div class="when">${PROVISIONAL}</div>首轮办理期限`);
    const known = await pageText("/suggestions/2026-006");
    expect(known).toContain(`当前办理期限 <strong>${KNOWN}</strong>`);
    expect(known).toContain(`<div class="when">${KNOWN}</div>首轮办理期限`);
    expect(known).not.toContain("暂定");
  });

  it("the ledger CSV keeps 办理期限 a date Excel can sort; its 期限说明 says 暂定", async () => {
    const text = await (await call("/exports/ledger.csv")).text();
    const line = text.split("\r\n").find((l) => l.startsWith("2026-005,")) ?? "";
    expect(line).toContain(",2027-01-20,即将到期,");
    expect(line).not.toContain("2027-01-20（暂定）");
    expect(line).toContain("（暂定：2027 年放假安排尚未录入");
  });
});
