import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { problemsOf } from "./helpers/evaluate";
import { deputiesValues } from "./helpers/make-row";

const assigned = { 主办单位: "区教育局", 交办日期: "2026-03-02" };

function columnProblems(column: string, cells: Record<string, string>, extra = {}) {
  return problemsOf(cells, extra).filter((p) => p.column === column);
}

describe("names staff separated with a space, as in Excel", () => {
  it.each([
    ["a space", "李华 赵敏"],
    ["a full-width space", "李华　赵敏"],
  ])("reads two 附议代表 separated by %s as two deputies and asks for a 顿号", (_, cell) => {
    expect(columnProblems("附议代表", { 附议代表: cell })).toEqual([
      {
        column: "附议代表",
        level: "错误",
        message: `附议代表“${cell}”像是用空格隔开的两位代表：请用顿号“、”分隔，写作“李华、赵敏”。改正前，这两位代表都不计这件附议，个人链接中也看不到本件`,
      },
    ]);
  });

  it("never advises a single name that drops the other deputy (王学军（柏庄镇） 谢强)", () => {
    const deputies = { [TAB_NAMES.deputies]: deputiesValues(["张明", "王学军", "谢强"]) };
    const problems = columnProblems("附议代表", { 附议代表: "王学军（柏庄镇） 谢强" }, deputies);
    expect(problems).toEqual([
      {
        column: "附议代表",
        level: "错误",
        message:
          "附议代表“王学军（柏庄镇） 谢强”像是用空格隔开的两位代表：请用顿号“、”分隔，写作“王学军、谢强”（“王学军（柏庄镇）”在『代表』表中只有“王学军”）。改正前，这两位代表都不计这件附议，个人链接中也看不到本件",
      },
    ]);
    expect(problems[0]?.message).not.toContain("请写作“王学军”");
  });

  it("asks which namesake a spaced part means, keeping the others", () => {
    expect(columnProblems("附议代表", { 附议代表: "王伟 李华、赵敏" })).toEqual([
      {
        column: "附议代表",
        level: "错误",
        message:
          "附议代表“王伟 李华”像是用空格隔开的两位代表：请用顿号“、”分隔，写作“王伟、李华”（“王伟”在『代表』表中有同名的 王伟(北关)、王伟(文峰)：请写明是哪一位）。改正前，这两位代表都不计这件附议，个人链接中也看不到本件",
      },
    ]);
  });

  it("still reports a spaced name as not in 代表 when a part is no deputy, and padding as no problem", () => {
    expect(columnProblems("附议代表", { 附议代表: "李华 钱七" })).toEqual([
      {
        column: "附议代表",
        level: "错误",
        message:
          "附议代表“李华 钱七”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表（如是上届代表，请留在或加回『代表』表，备注写“上届”）",
      },
    ]);
    expect(columnProblems("附议代表", { 附议代表: "赵　敏" })).toEqual([]);
  });

  it.each([
    ["李华 赵敏", "两"],
    ["李华、赵敏", "两"],
    ["李华 赵敏 王伟(北关)", "多"],
  ])("says a 领衔代表 of %s is one deputy only, the others going to 附议代表", (cell, count) => {
    expect(columnProblems("领衔代表", { 领衔代表: cell })).toEqual([
      {
        column: "领衔代表",
        level: "错误",
        message: `领衔代表只能填一位代表：“${cell}”像是${count}位代表；请只留领衔的一位，其余填到“附议代表”`,
      },
    ]);
  });

  it("reads two 协办单位 separated by a space as two units, asking about a short name", () => {
    expect(columnProblems("协办单位", { ...assigned, 协办单位: "区住建局 区卫健委" })).toEqual([
      {
        column: "协办单位",
        level: "错误",
        message:
          "协办单位“区住建局 区卫健委”像是用空格隔开的两个单位：请用顿号“、”分隔，写作“区住建局、区卫健委”。改正前，这两个单位都收不到协办的交办通知",
      },
    ]);
    expect(columnProblems("协办单位", { ...assigned, 协办单位: "区住建局 卫健委" })).toEqual([
      {
        column: "协办单位",
        level: "错误",
        message:
          "协办单位“区住建局 卫健委”像是用空格隔开的两个单位：请用顿号“、”分隔，写作“区住建局、区卫健委”（“卫健委”是否为“区卫健委”？）。改正前，这两个单位都收不到协办的交办通知",
      },
    ]);
  });

  it("says a 主办单位 of two units separated by a space is one unit only", () => {
    expect(columnProblems("主办单位", { ...assigned, 主办单位: "区教育局 区住建局" })).toEqual([
      {
        column: "主办单位",
        level: "错误",
        message:
          "主办单位只能填一个单位：“区教育局 区住建局”像是两个单位；请只留主办的一个，其余填到“协办单位”",
      },
    ]);
  });
});
