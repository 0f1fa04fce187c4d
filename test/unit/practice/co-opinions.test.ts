import { describe, expect, it } from "vitest";
import { BEFORE_CONTACT, CO_OPINIONS, evaluateWith, ledgerProblems, problemsIn, REPLIED } from "./helpers";

const opinion = (cells: Record<string, unknown>) => ({ ...CO_OPINIONS[0], ...cells });

describe("协办意见", () => {
  it("协办单位须是这条建议的协办单位", () => {
    const evaluation = evaluateWith([REPLIED], {
      contacts: [BEFORE_CONTACT],
      coOpinions: [...CO_OPINIONS, opinion({ 协办单位: "区交通运输局" }), opinion({ 协办单位: "区教育局" })],
    });
    expect(problemsIn(evaluation, "协办意见")).toEqual([
      {
        row: 4,
        column: "协办单位",
        level: "错误",
        message: "“区交通运输局”不是这条建议的协办单位（协办：区住建局、区卫健委）：请核对编号或单位名称",
      },
      {
        row: 5,
        column: "协办单位",
        level: "错误",
        message: "“区教育局”是主办单位，协办意见由协办单位送达主办单位",
      },
    ]);
  });

  it("编号须在台账中，送达日期不能晚于今天", () => {
    const evaluation = evaluateWith([REPLIED], {
      contacts: [BEFORE_CONTACT],
      coOpinions: [...CO_OPINIONS, opinion({ 编号: "2025-001" }), opinion({ 送达日期: "2026-06-01" })],
    });
    expect(problemsIn(evaluation, "协办意见")).toEqual([
      { row: 4, column: "编号", level: "错误", message: expect.stringContaining("在『建议台账』中找不到") },
      { row: 5, column: "送达日期", level: "错误", message: expect.stringContaining("晚于今天") },
    ]);
  });

  it("首轮答复时仍有协办单位没有送达意见的，台账该行提醒", () => {
    const evaluation = evaluateWith([REPLIED], {
      contacts: [BEFORE_CONTACT],
      coOpinions: [CO_OPINIONS[0] as Record<string, unknown>],
    });
    expect(ledgerProblems(evaluation)).toEqual([
      {
        column: "协办单位",
        level: "提醒",
        message: expect.stringContaining("协办单位 区卫健委 在答复前没有送达协办意见"),
      },
    ]);
  });

  it("答复之后才送达的意见不算答复前送达", () => {
    const late = opinion({ 协办单位: "区卫健委", 送达日期: "2026-04-28" });
    const evaluation = evaluateWith([REPLIED], {
      contacts: [BEFORE_CONTACT],
      coOpinions: [CO_OPINIONS[0] as Record<string, unknown>, late],
    });
    expect(ledgerProblems(evaluation)[0]?.message).toContain("区卫健委");
  });
});
