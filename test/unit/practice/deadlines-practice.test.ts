import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/domain/calendar";
import { addDaysIso } from "../../../src/domain/civil-date";
import { addMonths, firstRoundDeadline, secondRoundDeadline } from "../../../src/domain/deadlines";
import { ASSIGNED, evaluateWith, extensionRequest, problemsIn } from "./helpers";

const calendar = buildCalendar();

const approved = extensionRequest;

describe("经批准延期的办理期限", () => {
  it("批准延期后首轮办理期限为交办日期起算六个月，说明写明“经批准延期”", () => {
    const deadline = firstRoundDeadline("2026-03-02", null, calendar, true);
    expect(deadline.due).toBe("2026-09-02");
    expect(deadline.explanation).toContain("经批准延期");
    expect(deadline.explanation).toContain("交办日期 2026-03-02 起算六个月");
  });

  it("台账中一条同意的延期申请使办理期限延至六个月", () => {
    const evaluation = evaluateWith([ASSIGNED], { extensions: [approved()] });
    const row = evaluation.rows[0];
    expect(row?.computed.dueDate).toBe("2026-09-02");
    expect(row?.firstDeadline?.explanation).toContain("经批准延期");
    expect(row?.computed.status).toBe("办理中");
  });

  it("待审批或不同意的申请不改变办理期限", () => {
    for (const result of ["", "不同意"]) {
      const evaluation = evaluateWith([ASSIGNED], { extensions: [approved({ 审批结果: result })] });
      expect(evaluation.rows[0]?.computed.dueDate, result || "待审批").toBe("2026-06-02");
      expect(evaluation.rows[0]?.firstDeadline?.explanation).not.toContain("经批准延期");
    }
  });

  it("协办单位的申请不计入办理期限，并报错：只有主办单位可以申请延期", () => {
    const evaluation = evaluateWith([ASSIGNED], { extensions: [approved({ 申请单位: "区住建局" })] });
    expect(evaluation.rows[0]?.computed.dueDate).toBe("2026-06-02");
    expect(problemsIn(evaluation, "延期申请")).toContainEqual({
      row: 2,
      column: "申请单位",
      level: "错误",
      message: expect.stringContaining("只有主办单位可以申请延期"),
    });
  });

  it("办理时限已是六个月的，批准延期不再延长", () => {
    const evaluation = evaluateWith([{ ...ASSIGNED, 办理时限: "六个月" }], { extensions: [approved()] });
    expect(evaluation.rows[0]?.computed.dueDate).toBe("2026-09-02");
    expect(evaluation.rows[0]?.firstDeadline?.explanation).not.toContain("经批准延期");
  });

  it("经批准延期的期限从不超过交办日期起算六个月（顺延到下一个工作日的除外）", () => {
    const day = fc.integer({ min: 0, max: 365 * 3 }).map((n) => addDaysIso("2025-01-01", n));
    fc.assert(
      fc.property(day, fc.constantFrom(null, "三个月", "六个月"), (assignedOn, period) => {
        const deadline = firstRoundDeadline(assignedOn, period, calendar, true);
        const sixMonths = addMonths(assignedOn, 6).date;
        expect(deadline.nominal <= sixMonths).toBe(true);
        // Only rest days lie between six months and the due date (民法典 Art. 203).
        for (let d = deadline.nominal; d < deadline.due; d = addDaysIso(d, 1))
          expect(calendar.isRestDay(d), d).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("无论有多少条同意的申请，办理期限都不超过交办日期起算六个月", () => {
    const requests = fc.array(
      fc.record({
        申请日期: fc.constantFrom("2026-03-20", "2026-04-01", "2026-05-06", "2026-06-10"),
        审批结果: fc.constantFrom("同意", "不同意", ""),
        申请单位: fc.constantFrom("区教育局", "区住建局"),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(requests, fc.constantFrom("", "三个月", "六个月"), (rows, period) => {
        const evaluation = evaluateWith(
          [{ ...ASSIGNED, 办理时限: period }],
          { extensions: rows.map((r) => approved({ ...r, 审批日期: r.审批结果 ? r.申请日期 : "" })) },
          {},
          "2026-07-01",
        );
        const due = evaluation.rows[0]?.computed.dueDate ?? "";
        expect(due <= "2026-09-02").toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("二次办理时限按天或按月计算", () => {
  it("N天：二次交办日期起算 N 天，遇休息日顺延", () => {
    const deadline = secondRoundDeadline("2026-01-31", { amount: 30, unit: "天" }, calendar);
    expect(deadline.due).toBe("2026-03-02");
  });

  it("1个月按民法典的月计算：1 月 31 日起算一个月为 2 月最后一日", () => {
    const deadline = secondRoundDeadline("2026-01-31", { amount: 1, unit: "个月" }, calendar);
    expect(deadline.due).toBe("2026-02-28");
    expect(deadline.explanation).toContain("起算一个月，2026 年 2 月没有 31 日，取该月最后一日");
    // 2026-02-28 is a Saturday worked in lieu of 春节: the period ends that day.
    expect(deadline.explanation).toContain("调休上班日");
  });

  it("按月计算的期限落在休息日时顺延至下一个工作日", () => {
    const deadline = secondRoundDeadline("2026-04-30", { amount: 1, unit: "个月" }, calendar);
    expect(deadline.nominal).toBe("2026-05-30");
    expect(deadline.due).toBe("2026-06-01");
  });

  it("设置 二次办理时限 = 1个月 时，台账的二次办理期限按月计算", () => {
    const evaluation = evaluateWith(
      [
        {
          ...ASSIGNED,
          交办日期: "2025-10-09",
          答复日期: "2026-01-05",
          答复类别: "C",
          答复内容: "暂无资金",
          满意度: "不满意",
          测评日期: "2026-01-20",
          二次交办日期: "2026-01-31",
        },
      ],
      {},
      {
        设置: [
          ["项目", "值", "说明"],
          ["二次办理时限", "1个月"],
        ],
      },
      "2026-02-10",
    );
    expect(evaluation.rows[0]?.computed.dueDate).toBe("2026-02-28");
    expect(evaluation.rows[0]?.secondDeadline?.explanation).toContain("一个月");
  });
});
