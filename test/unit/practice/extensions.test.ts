import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { hasFact } from "../../../src/domain/practice/practice-facts";
import { ASSIGNED, evaluateWith, extensionRequest, problemsIn } from "./helpers";

const request = (cells: Record<string, unknown> = {}) => extensionRequest({ 审批人: "刘振华主任", ...cells });
const problems = (rows: Record<string, unknown>[], ledger = ASSIGNED, today?: string) =>
  problemsIn(evaluateWith([ledger], { extensions: rows }, {}, today), TAB_NAMES.extensions);

describe("延期申请", () => {
  it("一条合规的申请没有问题", () => {
    expect(problems([request()])).toEqual([]);
  });

  const notCounted = {
    row: 2,
    column: "审批结果",
    level: "错误",
    message: "这条延期申请有错误（见本行其他问题），改正前不计入办理期限，也不发延期审批结果和延期告知",
  };

  it("理由必填；未填理由的同意不延长办理期限", () => {
    const evaluation = evaluateWith([ASSIGNED], { extensions: [request({ 理由: "" })] });
    expect(problemsIn(evaluation, TAB_NAMES.extensions)).toEqual([
      { row: 2, column: "理由", level: "错误", message: "理由未填写：这是必填项，请补上" },
      notCounted,
    ]);
    expect(evaluation.rows[0]?.computed.dueDate).toBe("2026-06-02");
    expect(hasFact(evaluation.rows[0]?.practice, "extended")).toBe(false);
  });

  it("申请日期须晚于交办日期；否则同意也不延长办理期限", () => {
    const evaluation = evaluateWith([ASSIGNED], {
      extensions: [request({ 申请日期: "2026-03-02", 审批日期: "2026-03-03" })],
    });
    expect(problemsIn(evaluation, TAB_NAMES.extensions)).toEqual([
      {
        row: 2,
        column: "申请日期",
        level: "错误",
        message: "申请日期 2026-03-02 应晚于交办日期 2026-03-02：请核对",
      },
      notCounted,
    ]);
    expect(evaluation.rows[0]?.computed.dueDate).toBe("2026-06-02");
    expect(evaluation.rows[0]?.firstDeadline?.explanation).not.toContain("经批准延期");
  });

  it("本行的问题列在它所申请延期的建议编号下", () => {
    const evaluation = evaluateWith([ASSIGNED], { extensions: [request({ 理由: "" })] });
    const ids = evaluation.problems.filter((p) => p.tab === TAB_NAMES.extensions).map((p) => p.id);
    expect(ids).toEqual(["2026-001", "2026-001"]);
  });

  it("办理时限已是六个月的建议，三个月后申请不算逾期后申请", () => {
    expect(
      problems(
        [request({ 申请日期: "2026-06-03", 审批结果: "", 审批日期: "" })],
        { ...ASSIGNED, 办理时限: "六个月" },
        "2026-06-04",
      ),
    ).toEqual([]);
  });

  it("在三个月的办理期限之后申请的，提醒：逾期后申请", () => {
    expect(
      problems([request({ 申请日期: "2026-06-03", 审批结果: "", 审批日期: "" })], ASSIGNED, "2026-06-04"),
    ).toEqual([
      {
        row: 2,
        column: "申请日期",
        level: "提醒",
        message: "逾期后申请：申请日期 2026-06-03 已过三个月的办理期限 2026-06-02",
      },
    ]);
  });

  it("第二次批准不再延长，并提醒（代表法第五十一条最长六个月）", () => {
    const evaluation = evaluateWith([ASSIGNED], {
      extensions: [request(), request({ 申请日期: "2026-05-06", 审批日期: "2026-05-08" })],
    });
    expect(evaluation.rows[0]?.computed.dueDate).toBe("2026-09-02");
    expect(problemsIn(evaluation, TAB_NAMES.extensions)).toEqual([
      {
        row: 3,
        column: "审批结果",
        level: "提醒",
        message: expect.stringContaining("已在第 2 行获准延期，再次批准不再延长"),
      },
    ]);
  });

  it("等待审批超过 延期审批提醒天数 个工作日的，提醒尽快审批", () => {
    const waiting = request({ 申请日期: "2026-04-28", 审批结果: "", 审批日期: "" });
    // The 5th working day after Tuesday 2026-04-28 is Friday 05-08 (劳动节 is 1–5 May).
    expect(problems([waiting], ASSIGNED, "2026-05-08")).toEqual([]);
    expect(problems([waiting], ASSIGNED, "2026-05-09")).toEqual([
      {
        row: 2,
        column: "审批结果",
        level: "提醒",
        message: "延期申请 2026-04-28 提出，已超过 5 个工作日仍待审批：请尽快审批并填写审批结果",
      },
    ]);
  });

  it("首轮已按期答复的，待审批的申请不再提醒审批（审批与否都不改变是否按期答复）；逾期答复的照常提醒", () => {
    const waiting = request({ 申请日期: "2026-04-28", 审批结果: "", 审批日期: "" });
    const replied = (on: string) => ({ ...ASSIGNED, 答复日期: on, 答复类别: "B", 答复内容: "已答复" });
    expect(problems([waiting], replied("2026-05-06"), "2026-05-09")).toEqual([]);
    expect(problems([waiting], replied("2026-06-10"), "2026-06-12")).toEqual([
      {
        row: 2,
        column: "审批结果",
        level: "提醒",
        message: "延期申请 2026-04-28 提出，已超过 5 个工作日仍待审批：请尽快审批并填写审批结果",
      },
    ]);
  });

  it("审批结果与审批日期相互对应，审批日期不早于申请日期", () => {
    expect(problems([request({ 审批日期: "" })])).toEqual([
      { row: 2, column: "审批日期", level: "提醒", message: "审批结果为“同意”，请补上审批日期" },
    ]);
    expect(problems([request({ 审批日期: "2026-03-30" })])).toEqual([
      {
        row: 2,
        column: "审批日期",
        level: "错误",
        message: "审批日期 2026-03-30 早于申请日期 2026-04-01：请核对",
      },
    ]);
  });

  it("获准延期的建议计入主办单位的延期件数", () => {
    const evaluation = evaluateWith([ASSIGNED, { ...ASSIGNED, 编号: "2026-002" }], {
      extensions: [request(), request({ 编号: "2026-002", 审批结果: "不同意" })],
    });
    expect(hasFact(evaluation.rows[0]?.practice, "extended")).toBe(true);
    expect(hasFact(evaluation.rows[1]?.practice, "extended")).toBe(false);
    const unit = evaluation.statistics.byUnit.find((u) => u.label === "区教育局");
    expect(unit?.extensions).toBe(1);
    expect(evaluation.statistics.tabValues[0]).toContain("延期件数");
  });

  it("主办单位尚未审批的申请记为待审批（看板“待代表工委决定”列出），有审批结果或他单位的申请不算", () => {
    const evaluation = evaluateWith(
      [ASSIGNED, { ...ASSIGNED, 编号: "2026-002" }, { ...ASSIGNED, 编号: "2026-003" }],
      {
        extensions: [
          request({ 审批结果: "", 审批日期: "", 审批人: "" }),
          request({ 编号: "2026-002" }),
          request({ 编号: "2026-003", 申请单位: "区住建局", 审批结果: "", 审批日期: "", 审批人: "" }),
        ],
      },
    );
    expect(evaluation.rows.map((r) => hasFact(r.practice, "extensionPending"))).toEqual([true, false, false]);
  });
});
