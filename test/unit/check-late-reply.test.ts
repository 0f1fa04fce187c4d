import { describe, expect, it } from "vitest";
import { evaluateRows, rowProblems } from "./helpers/evaluate";

/** As the office reads it in July: 2026-03-02's three months ended on 2026-06-02. */
const JULY = "2026-07-10";
const assigned = { 主办单位: "区教育局", 交办日期: "2026-03-02", 答复类别: "A", 答复内容: "已解决" };
const LINK_WORDS = "经个人链接于 2026-06-20 提交（晚于办理期限 2026-06-02）";
/** The line intake writes for a link reply sent on 06-20 though dated 05-20 (entry-cells.ts). */
const lateLine = `答复（区教育局 · 链接 Ab3dE9Kq）：${LINK_WORDS}，所填答复日期为 2026-05-20`;

function replyDateProblems(cells: Record<string, unknown>) {
  return rowProblems(evaluateRows([cells], {}, JULY), 2).filter((p) => p.column?.includes("答复日期"));
}

describe("a reply sent after 办理期限 but dated before it", () => {
  it("tells staff in 校验问题 that it counts as on time, and how to settle it", () => {
    const row = { ...assigned, 答复日期: "2026-05-20", 备注: `代表约见时提出\n${lateLine}` };
    expect(evaluateRows([row], {}, JULY).rows[0]?.computed.dueDate).toBe("2026-06-02");
    expect(replyDateProblems(row)).toEqual([
      {
        column: "答复日期",
        level: "提醒",
        message: `该答复于 2026-06-20 才提交，晚于办理期限 2026-06-02，答复日期却为 2026-05-20，会计为按期答复：请核实答复日期；如按答复函落款日期填写无误，请删去备注中“${LINK_WORDS}”一句`,
      },
    ]);
  });

  it("says nothing once staff date the reply by the day it came, or delete the sentence", () => {
    expect(replyDateProblems({ ...assigned, 答复日期: "2026-06-20", 备注: lateLine })).toEqual([]);
    expect(
      replyDateProblems({ ...assigned, 答复日期: "2026-05-20", 备注: "答复（区教育局）：已核实" }),
    ).toEqual([]);
  });

  it("asks about a round-2 reply on 二次答复日期, by the second round's 办理期限", () => {
    const second = {
      ...assigned,
      答复日期: "2026-04-20",
      满意度: "不满意",
      测评日期: "2026-04-25",
      二次交办日期: "2026-05-06",
      二次答复日期: "2026-05-30",
    };
    const due = evaluateRows([second], {}, JULY).rows[0]?.computed.dueDate;
    const words = `经表单于 2026-07-01 提交（晚于办理期限 ${due}）`;
    const problems = replyDateProblems({ ...second, 备注: `二次答复（s-1）类别 A：已拓宽；${words}` });
    expect(problems.map((p) => p.column)).toEqual(["二次答复日期"]);
    expect(problems[0]?.message).toContain(`二次答复日期却为 2026-05-30`);
  });
});
