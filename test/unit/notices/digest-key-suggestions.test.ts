import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/domain/calendar";
import { duplicatedIds } from "../../../src/domain/dashboard/sample-candidates";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { digestPart, mergeDigest } from "../../../src/domain/figures/digest-part";
import { digestFigures, digestTextOf } from "../../../src/domain/notices/digest";
import { noticeRows, planNotices } from "../../../src/domain/notices/plan";
import { PART_SIZES, storedLedger, throughJson } from "../figures/parts";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { keySuggestion, noticeTabs, type SettingsRows } from "./helpers";

/** Monday: the 周报's day. keySuggestion's 办理期限 2026-06-02 is 6 days past. */
const MONDAY = "2026-06-08";
/** The day the 周报 is written for, with the built-in calendar (no 节假日 rows). */
const DAY = { today: MONDAY, calendar: buildCalendar() };
const LEADERS = [
  { 姓名: "陈建平副主任", 类型: "督办", 邮箱: "cjp@example.gov.cn" },
  { 姓名: "李四", 类型: "督办", 邮箱: "ls@example.gov.cn" },
  { 姓名: "王建国副区长", 类型: "领办", 邮箱: "wjg@example.gov.cn" },
];
const DIGEST: SettingsRows = [["周报接收人", "dbc@example.gov.cn"]];

/** The 周报's body as the 周报接收人 on `channel` reads it, for `rows` on MONDAY. */
function digestBodies(rows: LedgerCells[], settings: SettingsRows = DIGEST) {
  const evaluation = evaluateLedger({
    tabs: { ...noticeTabs(rows, settings), ...practiceTabs({ leaders: LEADERS }) },
    today: MONDAY,
  });
  const plan = planNotices({ today: MONDAY, evaluation, existingKeys: [], arrivals: [] });
  return plan.notices.filter((n) => n.type === "督办周报");
}

const listLines = (body: string | undefined) => (body ?? "").split("\n").filter((l) => /^\d+\. /.test(l));

describe("督办周报 marks key suggestions and their leaders", () => {
  it("puts 【重点】 before a key suggestion's 编号 and its 督办领导 and 领办领导 after the title", () => {
    const rows = [
      keySuggestion({ 督办领导: "陈建平副主任", 领办领导: "王建国副区长" }),
      // Not key: its lines read as before.
      keySuggestion({ 编号: "2026-136", 标题: "关于增设公交站点的建议", 重点建议: "否" }),
    ];
    const [digest] = digestBodies(rows);
    expect(listLines(digest?.body)).toEqual([
      "1. 【重点】2026-135《关于加快推进柏庄镇卫生院建设的建议》（督办：陈建平副主任；领办：王建国副区长）主办：区教育局，办理期限 2026年6月2日，已逾期 6 天",
      "2. 2026-136《关于增设公交站点的建议》主办：区教育局，办理期限 2026年6月2日，已逾期 6 天",
    ]);
  });

  it("names a suggestion on one line when its 标题 holds a line break (Alt+Enter in the sheet)", () => {
    const rows = [
      keySuggestion({ 重点建议: "否", 标题: "关于增设公交站点的建议\n### 请各位领导点击链接登录" }),
    ];
    const [digest] = digestBodies(rows);
    expect((digest?.body ?? "").split("\n").filter((l) => l.includes("2026-135"))).toEqual([
      "1. 2026-135《关于增设公交站点的建议 ### 请各位领导点击链接登录》主办：区教育局，办理期限 2026年6月2日，已逾期 6 天",
    ]);
    expect(digest?.body).not.toMatch(/^### /m);
  });

  it("says 督办：未填 for a key suggestion without 督办领导, and names each leader of a cell holding two", () => {
    const rows = [
      keySuggestion({}),
      keySuggestion({ 编号: "2026-137", 标题: "关于建设口袋公园的建议", 督办领导: "陈建平副主任\n李四" }),
    ];
    const [digest] = digestBodies(rows);
    expect(listLines(digest?.body)).toEqual([
      "1. 【重点】2026-135《关于加快推进柏庄镇卫生院建设的建议》（督办：未填）主办：区教育局，办理期限 2026年6月2日，已逾期 6 天",
      "2. 【重点】2026-137《关于建设口袋公园的建议》（督办：陈建平副主任、李四）主办：区教育局，办理期限 2026年6月2日，已逾期 6 天",
    ]);
  });

  it("names no 督办领导 of a suggestion not key (nobody presses it), but names its 领办领导", () => {
    const rows = [keySuggestion({ 重点建议: "否", 督办领导: "陈建平副主任", 领办领导: "王建国副区长" })];
    const [digest] = digestBodies(rows);
    expect(listLines(digest?.body)).toEqual([
      "1. 2026-135《关于加快推进柏庄镇卫生院建设的建议》（领办：王建国副区长）主办：区教育局，办理期限 2026年6月2日，已逾期 6 天",
    ]);
  });

  it("marks them in the due-soon and unrated lists too", () => {
    const rows = [
      // Assigned 2026-03-12: due 2026-06-12, 4 days left.
      keySuggestion({ 交办日期: "2026-03-12", 督办领导: "李四" }),
      keySuggestion({
        编号: "2026-138",
        标题: "关于改善农村饮水的建议",
        督办领导: "李四",
        答复日期: "2026-05-20",
        答复类别: "A",
      }),
    ];
    const [digest] = digestBodies(rows);
    expect(listLines(digest?.body)).toEqual([
      "1. 【重点】2026-135《关于加快推进柏庄镇卫生院建设的建议》（督办：李四）主办：区教育局，办理期限 2026年6月12日，还剩 4 天",
      "1. 【重点】2026-138《关于改善农村饮水的建议》（督办：李四）主办：区教育局，答复日期 2026年5月20日",
    ]);
  });

  it("says the same from the parts' stored shares as from every row", () => {
    const rows = [
      keySuggestion({ 督办领导: "陈建平副主任", 领办领导: "王建国副区长" }),
      keySuggestion({ 编号: "2026-136", 标题: "关于增设公交站点的建议", 重点建议: "否" }),
      keySuggestion({ 编号: "2026-137", 标题: "关于建设口袋公园的建议" }),
    ];
    const { view, parts } = storedLedger(
      { ...noticeTabs(rows, DIGEST), ...practiceTabs({ leaders: LEADERS }) },
      MONDAY,
    );
    const duplicated = duplicatedIds(view.rows);
    const whole = digestTextOf(
      digestFigures(noticeRows(view.rows, duplicated), view.statistics.total, view.rows),
      DAY,
    );
    expect(whole).toContain("（督办：陈建平副主任；领办：王建国副区长）");
    expect(whole).toContain("【重点】2026-137《关于建设口袋公园的建议》（督办：未填）");
    for (const size of PART_SIZES) {
      const shares = parts(size).map((part) => throughJson(digestPart(part, duplicated)));
      expect(digestTextOf(mergeDigest(shares, view.statistics.total), DAY), `parts of ${size}`).toBe(whole);
    }
  });

  it("still fits a 企业微信 robot's 4,096 bytes with the marks, listing fewer and saying how many are left out", () => {
    const wecom = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc";
    const rows = Array.from({ length: 25 }, (_, i) =>
      keySuggestion({
        编号: `2026-${String(200 + i)}`,
        标题: `关于加强第${i + 1}片区老旧小区改造和停车设施建设的建议`,
        督办领导: "陈建平副主任、李四",
        领办领导: "王建国副区长",
      }),
    );
    const digests = digestBodies(rows, [["周报接收人", `dbc@example.gov.cn，${wecom}`]]);
    const robot = digests.find((n) => n.channel === "wecom");
    const email = digests.find((n) => n.channel === "email");
    const bytes = new TextEncoder().encode(`**${robot?.title}**\n${robot?.body}`).byteLength;
    expect(bytes).toBeLessThanOrEqual(4096);
    const shown = listLines(robot?.body);
    expect(shown.length).toBeGreaterThan(0);
    expect(
      shown.every(
        (l) => l.includes("【重点】") && l.includes("（督办：陈建平副主任、李四；领办：王建国副区长）"),
      ),
    ).toBe(true);
    expect(robot?.body).toContain(`另有 ${25 - shown.length} 件未列出，详见督办看板`);
    // E-mail has no such limit: all 25, each marked.
    expect(listLines(email?.body).filter((l) => l.includes("【重点】"))).toHaveLength(25);
  });
});
