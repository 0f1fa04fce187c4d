import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateWith, problemsIn, REPLIED, type Shown } from "./helpers";

/**
 * 设置 启用日期: an office that imports years of replied suggestions recorded no 沟通记录 or
 * 协办意见 for them. Rounds 交办 before the day it started recording get no 提醒 they could never
 * clear; rounds 交办 since are checked as before.
 */

/** Imported history: a key suggestion 交办 and replied before 启用日期, with no contact or opinion. */
const IMPORTED: LedgerCells = {
  ...REPLIED,
  编号: "2026-002",
  提出日期: "2026-01-05",
  交办日期: "2026-01-12",
  答复日期: "2026-02-27",
  重点建议: "是",
  督办领导: "李华",
};
/** Handled in jianyi: 交办 after 启用日期, replied with no 办前 contact and no co-unit's opinion. */
const RECORDED: LedgerCells = { ...REPLIED, 重点建议: "是", 督办领导: "李华" };

const settings = (value: unknown): Record<string, unknown[][]> => ({
  [TAB_NAMES.settings]: [
    ["项目", "值", "说明"],
    ["启用日期", value, ""],
    ["周报接收人", "dbc@example.gov.cn", ""],
  ],
});

const PRACTICE_WARNINGS = [
  {
    column: "答复日期",
    level: "提醒",
    message:
      "答复前未记录办前联系：主办单位在答复（2026-04-20）之前，『沟通记录』中没有阶段为办前的联系；请补录办前联系（面商、座谈、电话等）",
  },
  {
    column: "重点建议",
    level: "提醒",
    message: "重点建议答复前没有面商或实地察看：『沟通记录』中没有方式为面商或实地察看的联系，请核对并补录",
  },
  {
    column: "协办单位",
    level: "提醒",
    message:
      "协办单位 区住建局、区卫健委 在答复前没有送达协办意见（『协办意见』表）：请督促其送达书面意见，并记入协办意见表",
  },
];

/** The 建议台账 problems by row, as 校验问题 lists them. */
function ledgerRows(value: unknown): Record<number, Omit<Shown, "tab" | "row">[]> {
  const evaluation = evaluateWith([IMPORTED, RECORDED], {}, settings(value));
  const out: Record<number, Omit<Shown, "tab" | "row">[]> = { 2: [], 3: [] };
  for (const p of problemsIn(evaluation, TAB_NAMES.ledger))
    out[p.row as number]?.push({ column: p.column, level: p.level, message: p.message });
  return out;
}

describe("设置 启用日期", () => {
  it("交办日期早于启用日期的建议不提醒办前联系、面商和协办意见；之后交办的照常提醒", () => {
    const rows = ledgerRows("2026-03-01");
    expect(rows[2]).toEqual([]);
    expect(rows[3]).toEqual(PRACTICE_WARNINGS);
  });

  it("启用日期当天交办的照常检查（按日期比较，当天不算之前）", () => {
    expect(ledgerRows("2026-03-02")[3]).toEqual(PRACTICE_WARNINGS);
  });

  it("启用日期留空时与以往一样，每条答复都检查", () => {
    const rows = ledgerRows("");
    expect(rows[2]?.map((p) => p.column)).toEqual(["答复日期", "重点建议", "协办单位"]);
    expect(rows[3]).toEqual(PRACTICE_WARNINGS);
  });

  it("启用日期写错时在设置表该行报错误，按留空处理", () => {
    const evaluation = evaluateWith([IMPORTED, RECORDED], {}, settings("2026-13-01"));
    expect(evaluation.settings.practiceSince).toBe("");
    expect(problemsIn(evaluation, TAB_NAMES.settings)).toEqual([
      {
        row: 2,
        column: "值",
        level: "错误",
        message:
          "启用日期：日期“2026-13-01”不存在（月份应为 1–12）：请核对；暂按留空处理：交办日期再早的建议也检查办前联系、面商和协办意见，也计入沟通率",
      },
    ]);
    expect(ledgerRows("2026-13-01")[2]?.map((p) => p.column)).toEqual(["答复日期", "重点建议", "协办单位"]);
  });

  it("启用日期可写成表格的日期或中文日期", () => {
    expect(evaluateWith([], {}, settings(46082)).settings.practiceSince).toBe("2026-03-01");
    expect(evaluateWith([], {}, settings("2026年3月1日")).settings.practiceSince).toBe("2026-03-01");
  });
});
