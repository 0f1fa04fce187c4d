import { describe, expect, it } from "vitest";
import { BEFORE_CONTACT, CO_OPINIONS, evaluateWith, ledgerProblems, problemsIn, REPLIED } from "./helpers";

/** 协办单位 typed with a space between the two units, as Excel users do. */
const SPACED = { ...REPLIED, 协办单位: "区住建局 区卫健委" };

describe("协办意见 of a suggestion whose 协办单位 was typed with spaces", () => {
  it("does not tell a co-unit's opinion it is no co-unit: the ledger row's 错误 asks for 、", () => {
    const evaluation = evaluateWith([SPACED], { contacts: [BEFORE_CONTACT], coOpinions: CO_OPINIONS });

    expect(problemsIn(evaluation, "协办意见")).toEqual([]);
    expect(ledgerProblems(evaluation)).toContainEqual({
      column: "协办单位",
      level: "错误",
      message: expect.stringContaining("请用顿号“、”分隔，写作“区住建局、区卫健委”"),
    });
  });

  it("still tells a unit that is in no part of it", () => {
    const evaluation = evaluateWith([SPACED], {
      contacts: [BEFORE_CONTACT],
      coOpinions: [...CO_OPINIONS, { ...CO_OPINIONS[0], 协办单位: "区交通运输局" }],
    });

    expect(problemsIn(evaluation, "协办意见")).toEqual([
      {
        row: 4,
        column: "协办单位",
        level: "错误",
        message: "“区交通运输局”不是这条建议的协办单位（协办：区住建局 区卫健委）：请核对编号或单位名称",
      },
    ]);
  });
});
