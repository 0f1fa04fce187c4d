import { describe, expect, it } from "vitest";
import { computeStatus } from "../../../src/domain/status";
import { evaluateRows } from "../helpers/evaluate";
import { makeRecord } from "../helpers/make-row";

const context = { today: "2026-05-10", dueSoonDays: 15, firstDue: "2026-06-02", secondDue: null };

describe("审查结果 退回修改 与 撤回", () => {
  it("审查结果为 退回修改 的，台账状态为 退回修改", () => {
    expect(computeStatus(makeRecord({ review: "退回修改" }), context)).toBe("退回修改");
  });

  it("审查结果为 撤回 的，台账状态为 已撤回", () => {
    expect(computeStatus(makeRecord({ review: "撤回" }), context)).toBe("已撤回");
  });

  it("两者先于 ledger.md 的第 1 条规则：已填的交办、答复信息不改变状态", () => {
    const handled = makeRecord({
      leadUnit: "区教育局",
      assignedOn: "2026-03-02",
      repliedOn: "2026-04-20",
      rating: "不满意",
    });
    expect(computeStatus({ ...handled, review: "退回修改" }, context)).toBe("退回修改");
    expect(computeStatus({ ...handled, review: "撤回" }, context)).toBe("已撤回");
  });

  it("退回修改 的建议修改后重新审查，编号不变：改为 立案 即按交办办理", () => {
    const returned = evaluateRows([{ 编号: "2026-007", 审查结果: "退回修改" }]);
    expect(returned.rows[0]?.computed.status).toBe("退回修改");
    expect(returned.rows[0]?.id).toBe("2026-007");
    const accepted = evaluateRows([{ 编号: "2026-007", 审查结果: "立案" }]);
    expect(accepted.rows[0]?.computed.status).toBe("待交办");
    expect(accepted.rows[0]?.id).toBe("2026-007");
  });

  it("已交办却没有主办单位（常见于合并了单元格的下面几行）：提醒说明后果和取消合并", () => {
    const evaluation = evaluateRows([{ 编号: "2026-002", 审查结果: "立案", 交办日期: "2026-03-02" }]);
    expect(evaluation.rows[0]?.computed.status).toBe("待交办");
    expect(evaluation.rows[0]?.problems).toContainEqual(
      expect.objectContaining({
        level: "提醒",
        message:
          "已有交办日期，但没有主办单位：这条建议不计办理期限、不发催办。请填写主办单位（如这一格与上面的行合并了单元格，请取消合并，每行各填单位）",
      }),
    );
  });

  it("退回修改、撤回 的建议不计入承办统计，也没有办理期限", () => {
    const evaluation = evaluateRows([
      { 编号: "2026-001", 审查结果: "撤回", 主办单位: "区教育局", 交办日期: "2026-03-02" },
    ]);
    expect(evaluation.rows[0]?.computed.dueDate).toBe("");
    expect(evaluation.statistics.total.assigned).toBe(0);
    expect(evaluation.rows[0]?.problems.map((p) => p.message)).toContainEqual(
      "审查结果为“撤回”，这条建议不再单独办理，交办信息不起作用：不计办理期限，不发交办通知和催办",
    );
  });
});
