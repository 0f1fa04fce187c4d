import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

const ALL = ledgerTab.columns.map((c) => c.header);

function ledger(headers: readonly string[], row: Record<string, unknown>): unknown[][] {
  return [[...headers], headers.map((h) => row[h] ?? "")];
}

function entry(form: InboxEntry["form"], cells: InboxEntry["cells"], actor = true): InboxEntry {
  return {
    form,
    submissionId: "link-n1",
    suggestionId: "2026-007",
    cells: { 编号: "2026-007", ...cells },
    submittedAt: "2026-11-30T02:00:00Z",
    receivedAt: "2026-11-30T02:00:00Z",
    status: "pending",
    attempts: 0,
    lastError: null,
    actor: actor ? { kind: form === "rating" ? "deputy" : "unit", name: "王伟(北关)", linkId: "L1" } : null,
    sentAt: null,
  };
}

function writesOf(headers: readonly string[], row: Record<string, unknown>, e: InboxEntry) {
  const sheet = ledger(headers, { 编号: "2026-007", 标题: "修路", ...row });
  const match = matchHeaders(ledgerTab, sheet[0]);
  if (!match.ok) throw new Error("headers");
  return planApply([e], sheet, match.columns).writes.map((w) => [w.header, w.value, w.appendLine ?? false]);
}

const LETTER = "https://jianyi.test/files/letters/2026-007/link-n1.pdf";

describe("planApply: replies and ratings from personal links", () => {
  it("writes the 答复函 address into its column with the reply", () => {
    const reply = entry("reply", { 答复日期: 46356, 答复类别: "A", 答复内容: "已修", 答复函: LETTER });
    expect(writesOf(ALL, {}, reply)).toEqual([
      ["答复日期", 46356, false],
      ["答复类别", "A", false],
      ["答复内容", "已修", false],
      ["答复函", LETTER, false],
    ]);
  });

  it("keeps the 答复函 in 备注 on a sheet that has no 答复函 column yet, and drops nothing", () => {
    const reply = entry("reply", { 答复日期: 46356, 答复类别: "A", 答复函: LETTER });
    const headers = ALL.filter((h) => h !== "答复函");
    expect(writesOf(headers, {}, reply)).toContainEqual(["备注", `答复函（王伟(北关)）：${LETTER}`, true]);
  });

  it("adds a rating's comment to 备注 as a line naming the deputy, beside 满意度", () => {
    const rating = entry("rating", { 满意度: "基本满意", 测评日期: 46356, 测评意见: "希望尽快落实" });
    expect(writesOf(ALL, { 答复日期: 46300 }, rating)).toEqual([
      ["备注", "测评意见（王伟(北关)）：希望尽快落实", true],
      ["满意度", "基本满意", false],
      ["测评日期", 46356, false],
    ]);
  });

  it("names the form submission in 备注 for a webhook rating's comment", () => {
    const rating = entry("rating", { 满意度: "满意", 测评意见: "好" }, false);
    expect(writesOf(ALL, { 答复日期: 46300 }, rating)).toContainEqual([
      "备注",
      "测评意见（提交号 link-n1）：好",
      true,
    ]);
  });

  it("adds a webhook reply's answers without a column to 备注 as one 答复附言 line", () => {
    const reply = entry(
      "reply",
      { 答复日期: 46356, 答复类别: "A", 附言: "联系人：张三；答复单位：区教育局" },
      false,
    );
    expect(writesOf(ALL, {}, reply)).toEqual([
      ["备注", "答复附言（提交号 link-n1）：联系人：张三；答复单位：区教育局", true],
      ["答复日期", 46356, false],
      ["答复类别", "A", false],
    ]);
  });

  it("puts a round-2 reply's letter into its 备注 line with the class and text", () => {
    const reply = entry("reply", { 答复日期: 46356, 答复类别: "B", 答复内容: "列入计划", 答复函: LETTER });
    expect(writesOf(ALL, { 二次交办日期: 46340 }, reply)).toEqual([
      ["二次答复日期", 46356, false],
      // practice.md: 二次答复类别 is required with 二次答复日期, so the class goes there too.
      ["二次答复类别", "B", false],
      ["备注", `二次答复（王伟(北关) · 2026-11-30 10:00:00）类别 B：列入计划；答复函 ${LETTER}`, true],
    ]);
  });
});

describe("planApply: a reply to a round the deputy already rated", () => {
  const plan = (row: Record<string, unknown>) => {
    const sheet = ledger(ALL, { 编号: "2026-007", 标题: "修路", ...row });
    const match = matchHeaders(ledgerTab, sheet[0]);
    if (!match.ok) throw new Error("headers");
    return planApply([entry("reply", { 答复日期: 46356, 答复类别: "A" }, false)], sheet, match.columns);
  };

  it("writes nothing and says why when round 1 is rated", () => {
    const refused = plan({ 答复日期: 46200, 满意度: "不满意", 测评日期: 46342 });
    expect(refused.writes).toEqual([]);
    expect(refused.refused.map((r) => r.reason)).toEqual([
      "代表已于 2026-11-16 对本轮答复提交测评（满意度 不满意），为免改动代表测评过的答复，不予写入；如需更正答复，请代表工委核实后直接在台账中修改；如这是二次交办后的答复，请先填写二次交办日期，系统会把它写入二次答复",
    ]);
  });

  it("writes nothing when round 2 is rated, and to round 2 while it awaits its reply", () => {
    const round2 = { 答复日期: 46200, 满意度: "不满意", 测评日期: 46300, 二次交办日期: 46340 };
    expect(plan({ ...round2, 二次答复日期: 46350, 二次满意度: "不满意" }).refused).toHaveLength(1);
    const open = plan(round2);
    expect(open.refused).toEqual([]);
    expect(open.writes.map((w) => w.header)).toContain("二次答复日期");
  });
});
