import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab } from "../../sheets-schema/tabs";
import { evaluateRows, rowProblems } from "./helpers/evaluate";
import type { LedgerCells } from "./helpers/make-row";

/** 代表 after 换届: the new term's deputies, and last term's kept with 备注 上届 (deploy.md §12c). */
function deputiesAfterElection(): unknown[][] {
  const headers = deputiesTab.columns.map((c) => c.header);
  const row = (name: string, notes: string) =>
    headers.map((h) => (h === "姓名" ? name : h === "代表团" ? "城关镇代表团" : h === "备注" ? notes : ""));
  return [
    headers,
    row("张明", ""),
    row("李华", ""),
    row("陈文静", "上届"),
    row("刘建国", "第十七届代表，已离任"),
    row("孙丽", "上届"),
  ];
}

const tabs = { [TAB_NAMES.deputies]: deputiesAfterElection() };

/** The problems of one row, seen in January 2027, after 换届. */
const problemsOf = (cells: LedgerCells) => rowProblems(evaluateRows([cells], tabs, "2027-01-20"), 2);

/** Its problems that speak of the former term. */
const formerOf = (cells: LedgerCells) => problemsOf(cells).filter((p) => p.message.includes("上届"));

/** A suggestion typed from paper after 换届, not yet reviewed. */
const fresh = { 编号: "2027-018", 提出日期: "2027-01-13", 审查结果: "", 类别: "" };

/** A suggestion of last term, 立案 and assigned before 换届. */
const old = {
  编号: "2026-120",
  提出日期: "2026-09-02",
  审查结果: "立案",
  主办单位: "区教育局",
  交办日期: "2026-09-20",
};

const ADVICE = "如是本届代表提出，请核对姓名；如确是其在任期间提出的建议，可忽略本提醒";

describe("a new suggestion naming a deputy of the former term (备注 上届)", () => {
  it("asks about a 待审查 row led by a 上届 deputy, naming the deputy and what to do", () => {
    const problems = problemsOf({ ...fresh, 领衔代表: "陈文静" });
    expect(problems).toContainEqual({
      column: "领衔代表",
      level: "提醒",
      message: `领衔代表“陈文静”在『代表』表中备注为上届代表：${ADVICE}`,
    });
    expect(problems.filter((p) => p.level === "错误")).toEqual([]);
  });

  it("asks until 交办 (立案, not yet assigned), whatever the 备注 says of the former term (已离任)", () => {
    expect(problemsOf({ ...fresh, 审查结果: "立案", 类别: "教育医疗", 领衔代表: "刘建国" })).toContainEqual({
      column: "领衔代表",
      level: "提醒",
      message: `领衔代表“刘建国”在『代表』表中备注为上届代表：${ADVICE}`,
    });
  });

  it("says nothing of a 上届 deputy's old suggestion, 立案 and assigned, nor of one closed without 交办", () => {
    expect(formerOf({ ...old, 领衔代表: "陈文静", 附议代表: "孙丽" })).toEqual([]);
    expect(
      formerOf({ ...old, 审查结果: "不予立案", 交办日期: "", 主办单位: "", 领衔代表: "陈文静" }),
    ).toEqual([]);
  });

  it("says nothing of a new suggestion led by a deputy of the new term", () => {
    expect(formerOf({ ...fresh, 领衔代表: "张明", 附议代表: "李华" })).toEqual([]);
  });

  it("asks about a 上届 附议代表 of a new row once for the cell, naming each", () => {
    const one = problemsOf({ ...fresh, 领衔代表: "张明", 附议代表: "李华、陈文静" });
    expect(one).toEqual([
      {
        column: "附议代表",
        level: "提醒",
        message:
          "附议代表“陈文静”在『代表』表中备注为上届代表：如是本届代表附议，请核对姓名；如确是其在任期间附议的建议，可忽略本提醒",
      },
    ]);
    const two = problemsOf({ ...fresh, 领衔代表: "张明", 附议代表: "陈文静、李华、孙丽" });
    expect(two).toEqual([
      {
        column: "附议代表",
        level: "提醒",
        message:
          "附议代表中有 2 位代表在『代表』表中备注为上届代表：“陈文静”“孙丽”，如是本届代表附议，请核对姓名；如确是其在任期间附议的建议，可忽略本提醒",
      },
    ]);
  });

  it("says nothing of a 上届 附议代表 of an old, assigned row", () => {
    expect(formerOf({ ...old, 领衔代表: "张明", 附议代表: "陈文静" })).toEqual([]);
  });
});
