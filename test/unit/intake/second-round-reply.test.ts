import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab, PRACTICE_LEDGER_KEYS } from "../../../sheets-schema/tabs/ledger";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

const reply: InboxEntry = {
  form: "reply",
  submissionId: "s-9",
  suggestionId: "2026-001",
  cells: { 编号: "2026-001", 答复日期: 46200, 答复类别: "B", 答复内容: "已列入明年计划" },
  submittedAt: "2026-06-25T02:00:00Z",
  receivedAt: "2026-06-25T02:00:01Z",
  status: "pending",
  attempts: 0,
  lastError: null,
  actor: null,
  sentAt: null,
};

function ledger(headers: readonly string[]) {
  const row = headers.map((h) => ({ 编号: "2026-001", 标题: "关于…的建议", 二次交办日期: 46180 })[h] ?? "");
  const match = matchHeaders(ledgerTab, headers);
  if (!match.ok) throw new Error("headers");
  return { values: [[...headers], row], columns: match.columns };
}

describe("二次交办后的答复表单", () => {
  it("答复类别写入二次答复类别（二次答复日期填写后它是必填的）", () => {
    const { values, columns } = ledger(ledgerTab.columns.map((c) => c.header));
    const plan = planApply([reply], values, columns);
    expect(plan.writes.map((w) => [w.header, w.value])).toEqual([
      ["二次答复日期", 46200],
      ["二次答复类别", "B"],
      ["备注", "二次答复（提交号 s-9 · 2026-06-25 10:00:00）类别 B：已列入明年计划"],
    ]);
  });

  it("没有二次答复类别列的旧表格照旧只写二次答复日期和备注", () => {
    const practice = new Set<string>(PRACTICE_LEDGER_KEYS);
    const { values, columns } = ledger(
      ledgerTab.columns.filter((c) => !practice.has(c.key)).map((c) => c.header),
    );
    expect(planApply([reply], values, columns).writes.map((w) => w.header)).toEqual(["二次答复日期", "备注"]);
  });
});
