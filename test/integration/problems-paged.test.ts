import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import type { Problem } from "../../src/domain/problems";
import { META_SYNC_PROBLEMS } from "../../src/store/meta";
import { dashboardDeps, pageText, seedAndSync } from "./dashboard-helpers";

// Messages as the ledger's evaluation writes them (test/unit/__snapshots__/evaluate-ledger-sample.txt).
const HOST = (name: string) =>
  `主办单位“${name}”不在『承办单位』表中：请核对名称（须与单位名称一致），或先在『承办单位』表中添加该单位`;
const LEAD = (name: string) =>
  `领衔代表“${name}”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表（如是上届代表，请留在或加回『代表』表，备注写“上届”）`;
const CROSS_YEAR =
  "2025 年提出的建议跨年后仍为“已逾期”：如需在 2026 年继续督办，请在“跨年督办”列填“是”（留空则不计入 2026 年的单位测评和年度报告）；不列入的请填“否”（同样不计入；尚未答复的，逾期催办照常发送，直到单位答复）";
const DEPUTIES = ["张敏", "刘洋", "李华", "陈静", "赵强"];

/**
 * 250 problems after a 换届: a unit renamed (118 rows name it, or another unit), 20 deputies
 * gone (63 rows), and 69 reminders. Row n is the n-th problem (sheet rows 2…251), so a page's rows
 * tell which slice of the list it shows.
 */
function afterChangeOfTerm(): Problem[] {
  const list: Problem[] = [];
  const add = (column: string, level: "错误" | "提醒", message: string) =>
    list.push({ tab: TAB_NAMES.ledger, row: list.length + 2, column, level, message, id: null });
  for (let i = 0; i < 118; i++) add("主办单位", "错误", HOST(i < 100 ? "区城管局" : "区住建局"));
  for (let i = 0; i < 63; i++)
    add("领衔代表", "错误", LEAD(i < 12 ? "王伟(北关)" : (DEPUTIES[i % 5] as string)));
  for (let i = 0; i < 69; i++) add("跨年督办", "提醒", CROSS_YEAR);
  return list;
}

/** The sheet rows a page lists, in order. */
const rowsOf = (html: string) => [...html.matchAll(/data-label="行号">(\d+)</g)].map((m) => Number(m[1]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** The href of the link whose text is `text`, as the browser follows it. */
const linkTo = (html: string, text: string) =>
  (new RegExp(`<a href="([^"]+)"[^>]*>${text}</a>`).exec(html)?.[1] ?? "").replaceAll("&amp;", "&");

beforeAll(async () => {
  await seedAndSync();
  const deps = await dashboardDeps();
  await deps.meta.set(META_SYNC_PROBLEMS, JSON.stringify(afterChangeOfTerm()), new Date().toISOString());
});

describe("/problems with 250 problems", () => {
  it("shows the first 100, says how many there are, and heads page 1 with the causes", async () => {
    const html = await pageText("/problems");

    expect(html).toContain("共 250 条，显示第 1–100 条");
    expect(rowsOf(html)).toEqual(range(2, 101));
    expect(html).toContain("第 1 / 3 页");
    expect(html).toContain("问题概要");
    expect(html).toContain("主办单位“…”不在『承办单位』表中</a>：118 处（区城管局 100、区住建局 18）");
    expect(html).toContain("领衔代表“…”不在『代表』表中</a>：63 处（王伟(北关) 12、李华 11、陈静 10、…）");
    expect(html).toContain("错误 · 建议台账（共 181 条，本页 100 条）");
  });

  it("shows the next 100 on page 2, without the causes again", async () => {
    const first = await pageText("/problems");
    const html = await pageText(linkTo(first, "下一页"));

    expect(html).toContain("共 250 条，显示第 101–200 条");
    expect(rowsOf(html)).toEqual(range(102, 201));
    expect(html).not.toContain("问题概要");
    expect(await pageText("/problems?page=3")).toContain("共 250 条，显示第 201–250 条");
  });

  it("keeps the level filter from page to page", async () => {
    const first = await pageText(`/problems?level=${encodeURIComponent("错误")}`);
    expect(first).toContain("共 181 条，显示第 1–100 条");

    const html = await pageText(linkTo(first, "下一页"));

    expect(html).toContain("共 181 条，显示第 101–181 条");
    expect(rowsOf(html)).toEqual(range(102, 182));
    expect(html).not.toContain("跨年督办");
  });

  it("lists one cause alone from its line in the 问题概要", async () => {
    const first = await pageText("/problems");

    const html = await pageText(linkTo(first, "领衔代表“…”不在『代表』表中"));

    expect(html).toContain("只看一类问题：领衔代表“…”不在『代表』表中：63 处");
    expect(html).toContain("共 63 条，显示第 1–63 条");
    expect(rowsOf(html)).toEqual(range(120, 182));
  });
});
