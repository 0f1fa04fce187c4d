import { describe, expect, it } from "vitest";
import type { LedgerCells } from "./helpers/make-row";
import { ASSIGNED_ROW, evaluateAt, REASSIGNED_ROW } from "./notices/helpers";

const ASSIGNED = ASSIGNED_ROW;
const REASSIGNED = REASSIGNED_ROW;

function problems(cells: LedgerCells): readonly string[] {
  return evaluateAt([cells], "2026-06-05").rows[0]?.computed.problems?.split("\n") ?? [];
}

describe("the 错误 of a 满意度 or 答复类别 typed as no choice beside a blank 答复日期 says what the reminders do", () => {
  it("says they go on for 满意度 “比较满意”, in the words of the 满意度 typed right", () => {
    const goOn = "在补上答复日期之前，系统按未答复处理，承办单位照常收到到期提醒和逾期催办";
    expect(problems({ ...ASSIGNED, 满意度: "比较满意" })).toEqual([
      `[错误] 满意度：“比较满意”不是可选的值：请从 满意 / 基本满意 / 不满意 中选择；还没有答复日期：请补上答复日期，或清空满意度；${goOn}`,
    ]);
    expect(problems({ ...ASSIGNED, 满意度: "满意" })[0]).toMatch(new RegExp(`；${goOn}$`));
  });

  it("says so for 答复类别 “E”", () => {
    expect(problems({ ...ASSIGNED, 答复类别: "E" })).toEqual([
      "[错误] 答复类别：“E”不是可选的值：请从 A / B / C / D 中选择；还没有答复日期：请补上答复日期，或清空答复类别；在改正之前，到期提醒和逾期催办暂停发送",
    ]);
  });

  it("says so for round 2's cells beside a blank 二次答复日期: the class holds them, the rating alone does not", () => {
    expect(problems({ ...REASSIGNED, 二次满意度: "较满意", 二次答复类别: "E" })).toEqual([
      "[错误] 二次答复类别：“E”不是可选的值：请从 A / B / C / D 中选择；还没有二次答复日期：请补上二次答复日期，或清空二次答复类别；在改正之前，到期提醒和逾期催办暂停发送",
      "[错误] 二次满意度：“较满意”不是可选的值：请从 满意 / 基本满意 / 不满意 中选择；还没有二次答复日期：请补上二次答复日期，或清空二次满意度",
    ]);
    expect(problems({ ...REASSIGNED, 二次满意度: "较满意" })).toEqual([
      "[错误] 二次满意度：“较满意”不是可选的值：请从 满意 / 基本满意 / 不满意 中选择；还没有二次答复日期：请补上二次答复日期，或清空二次满意度；在补上二次答复日期之前，系统按未答复处理，承办单位照常收到到期提醒和逾期催办",
    ]);
  });

  it("says nothing of reminders beside a 答复日期 that is there, or on round 1 once round 2 has begun", () => {
    expect(problems({ ...ASSIGNED, 答复日期: "2026-05-20", 答复类别: "E" })).toEqual([
      "[错误] 答复类别：“E”不是可选的值：请从 A / B / C / D 中选择",
    ]);
    // Round 2's reminders go (its 二次答复日期 is awaited): the 错误 asks for the word only.
    expect(problems({ ...REASSIGNED, 答复日期: "", 答复类别: "", 满意度: "较满意" })).toEqual([
      "[错误] 满意度：“较满意”不是可选的值：请从 满意 / 基本满意 / 不满意 中选择",
    ]);
  });
});
