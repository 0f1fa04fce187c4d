import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { problemsOf } from "./helpers/evaluate";
import { UNIT_NAMES, unitsValues } from "./helpers/make-row";

const assigned = { 交办日期: "2026-03-02" };

/** The 主办单位 problems of a row whose 主办单位 is `leadUnit`, against `units` as 承办单位. */
function leadUnitProblems(leadUnit: string, units: readonly string[] = UNIT_NAMES) {
  return problemsOf({ ...assigned, 主办单位: leadUnit }, { [TAB_NAMES.units]: unitsValues(units) })
    .filter((p) => p.column === "主办单位")
    .map((p) => `${p.level} ${p.message}`);
}

describe("主办单位 holding two units", () => {
  it.each([
    "区教育局、区卫健委",
    "区教育局，区卫健委",
    "区教育局,区卫健委",
    "区教育局/区卫健委",
    "区教育局；区卫健委",
    "区教育局\n区卫健委",
  ])("asks to keep one unit of %j, not to add it to 承办单位", (leadUnit) => {
    expect(leadUnitProblems(leadUnit)).toEqual([
      `错误 主办单位只能填一个单位：“${leadUnit}”像是两个单位；请只留主办的一个，其余填到“协办单位”`,
    ]);
  });

  it("says so of three units too, and of names not in 承办单位", () => {
    expect(leadUnitProblems("区教育局、区卫健委、区住建局")).toEqual([
      "错误 主办单位只能填一个单位：“区教育局、区卫健委、区住建局”像是多个单位；请只留主办的一个，其余填到“协办单位”",
    ]);
    expect(leadUnitProblems("区教育局/团区委")).toEqual([
      "错误 主办单位只能填一个单位：“区教育局/团区委”像是两个单位；请只留主办的一个，其余填到“协办单位”",
    ]);
  });
});

describe("主办单位 written short", () => {
  it("asks whether the one unit ending with it is meant", () => {
    expect(leadUnitProblems("教育局")).toEqual([
      "错误 主办单位“教育局”不在『承办单位』表中：是否为“区教育局”？请核对名称（须与单位名称一致），或先在『承办单位』表中添加该单位",
    ]);
  });

  it("asks whether the one unit containing it is meant", () => {
    expect(leadUnitProblems("交通运输")).toEqual([
      "错误 主办单位“交通运输”不在『承办单位』表中：是否为“区交通运输局”？请核对名称（须与单位名称一致），或先在『承办单位』表中添加该单位",
    ]);
  });

  it("asks nothing when no unit or more than one matches", () => {
    const plain = (name: string) =>
      `错误 主办单位“${name}”不在『承办单位』表中：请核对名称（须与单位名称一致），或先在『承办单位』表中添加该单位`;
    expect(leadUnitProblems("团区委")).toEqual([plain("团区委")]);
    expect(leadUnitProblems("局")).toEqual([plain("局")]);
    expect(leadUnitProblems("教育局", ["区教育局", "县教育局"])).toEqual([plain("教育局")]);
    // A date typed in the wrong column is one wrong name, not two units.
    expect(leadUnitProblems("2026/03/02")).toEqual([plain("2026/03/02")]);
  });

  it("is silent of a unit written as listed", () => {
    expect(leadUnitProblems("区教育局")).toEqual([]);
  });
});
