import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { hasFact } from "../../../src/domain/practice/practice-facts";
import { evaluateRows } from "../helpers/evaluate";
import {
  ASSIGNED,
  BEFORE_CONTACT,
  CO_OPINIONS,
  evaluateWith,
  ledgerProblems,
  problemsIn,
  REPLIED,
} from "./helpers";

const contact = (cells: Record<string, unknown> = {}) => ({ ...BEFORE_CONTACT, ...cells });
const contactProblems = (ledger: Record<string, unknown>, cells: Record<string, unknown>) =>
  problemsIn(evaluateWith([ledger], { contacts: [contact(cells)], coOpinions: CO_OPINIONS }), "沟通记录");

describe("沟通记录（三沟通）", () => {
  it("一条完整的办前联系没有问题，答复也不再提醒", () => {
    const evaluation = evaluateWith([REPLIED], { contacts: [contact()], coOpinions: CO_OPINIONS });
    expect(problemsIn(evaluation, "沟通记录")).toEqual([]);
    expect(ledgerProblems(evaluation)).toEqual([]);
  });

  it("编号须在建议台账中", () => {
    expect(contactProblems(REPLIED, { 编号: "2026-099" })).toEqual([
      {
        row: 2,
        column: "编号",
        level: "错误",
        message:
          "编号“2026-099”在『建议台账』中找不到：请核对编号；如果是这条建议的行被误删了，请在网页的“校验问题”中找到它并点“恢复”；“校验问题”中没有它时（编号在台账中重复的行系统不留存，无法“恢复”），请用表格的“文件 → 版本记录”找回该行",
      },
    ]);
  });

  it("承办单位须是这条建议的主办或协办单位", () => {
    expect(contactProblems(REPLIED, { 承办单位: "区住建局", 阶段: "办中" })).toEqual([]);
    expect(contactProblems(REPLIED, { 承办单位: "区交通运输局" })).toEqual([
      {
        row: 2,
        column: "承办单位",
        level: "错误",
        message:
          "承办单位“区交通运输局”不是这条建议的主办或协办单位（主办：区教育局；协办：区住建局、区卫健委）：请核对",
      },
    ]);
  });

  it("日期不能早于交办日期，也不能晚于今天", () => {
    expect(contactProblems(REPLIED, { 日期: "2026-02-27" })).toContainEqual({
      row: 2,
      column: "日期",
      level: "错误",
      message: "日期 2026-02-27 早于交办日期 2026-03-02：请核对",
    });
    expect(contactProblems(REPLIED, { 日期: "2026-05-11", 阶段: "办后" })).toContainEqual({
      row: 2,
      column: "日期",
      level: "错误",
      message: "日期 2026-05-11 晚于今天（2026-05-10）：请核对",
    });
  });

  it("日期晚于首轮答复日期的办前联系是提醒（那已不是办前）", () => {
    expect(contactProblems(REPLIED, { 日期: "2026-04-22" })).toContainEqual({
      row: 2,
      column: "阶段",
      level: "提醒",
      message: expect.stringContaining("阶段为办前，但日期 2026-04-22 晚于答复日期 2026-04-20"),
    });
  });

  it("阶段、方式、承办单位、日期必填，可选值以外的阶段和方式报错", () => {
    const problems = contactProblems(REPLIED, { 阶段: "事前", 方式: "" });
    expect(problems).toContainEqual({
      row: 2,
      column: "阶段",
      level: "错误",
      message: expect.stringContaining("请从 办前 / 办中 / 办后 中选择"),
    });
    expect(problems).toContainEqual({
      row: 2,
      column: "方式",
      level: "错误",
      message: "方式未填写：这是必填项，请补上",
    });
  });

  it("首轮答复前没有主办单位的办前联系，台账该行提醒：答复前未记录办前联系", () => {
    for (const contacts of [[], [contact({ 承办单位: "区住建局" })], [contact({ 阶段: "办中" })]]) {
      const evaluation = evaluateWith([REPLIED], { contacts, coOpinions: CO_OPINIONS });
      expect(ledgerProblems(evaluation)).toEqual([
        { column: "答复日期", level: "提醒", message: expect.stringContaining("答复前未记录办前联系") },
      ]);
    }
  });

  it("还没有答复的建议不提醒办前联系（由沟通提醒通知主办单位）", () => {
    expect(ledgerProblems(evaluateWith([ASSIGNED], { coOpinions: CO_OPINIONS }))).toEqual([]);
  });

  it("重点建议答复前没有面商或实地察看的，提醒", () => {
    const key = { ...REPLIED, 重点建议: "是", 督办领导: "刘振华主任" };
    const byPhone = evaluateWith([key], { contacts: [contact({ 方式: "电话" })], coOpinions: CO_OPINIONS });
    expect(ledgerProblems(byPhone)).toEqual([
      { column: "重点建议", level: "提醒", message: expect.stringContaining("没有面商或实地察看") },
    ]);
    const onSite = evaluateWith([key], {
      contacts: [contact({ 方式: "电话" }), contact({ 阶段: "办中", 方式: "实地察看", 日期: "2026-04-01" })],
      coOpinions: CO_OPINIONS,
    });
    expect(ledgerProblems(onSite)).toEqual([]);
    // A 面商 with an 错误 (dated before 交办) is no 面商 until mended, as it is no contact for 沟通率.
    const misdated = evaluateWith([key], {
      contacts: [contact({ 方式: "电话" }), contact({ 阶段: "办中", 方式: "面商", 日期: "2020-01-01" })],
      coOpinions: CO_OPINIONS,
    });
    expect(ledgerProblems(misdated)).toEqual([
      { column: "重点建议", level: "提醒", message: expect.stringContaining("没有面商或实地察看") },
    ]);
  });

  it("没有『沟通记录』表的表格不适用这些规则", () => {
    // (设置 has its own 提醒 here: 周报接收人 is empty.)
    expect(evaluateRows([REPLIED]).problems.filter((p) => p.tab !== TAB_NAMES.settings)).toEqual([]);
    expect(evaluateRows([REPLIED]).rows[0]?.practice).toBe(0);
  });

  it("为沟通率记下：已答复，且答复前有主办单位的办前联系", () => {
    const contacted = evaluateWith([REPLIED], { contacts: [contact()] }).rows[0]?.practice;
    expect(hasFact(contacted, "contacted")).toBe(true);
    expect(hasFact(contacted, "contactsKept")).toBe(true);
    const silent = evaluateWith([REPLIED], {}).rows[0]?.practice;
    expect(hasFact(silent, "contacted")).toBe(false);
    expect(hasFact(silent, "contactsKept")).toBe(true);
  });

  it("有错误的办前联系不计入沟通率（与年度报告、沟通提醒一样），答复前仍提醒补录", () => {
    for (const cells of [{ 日期: "2026-02-27" }, { 方式: "" }]) {
      const evaluation = evaluateWith([REPLIED], { contacts: [contact(cells)], coOpinions: CO_OPINIONS });
      expect(problemsIn(evaluation, "沟通记录").map((p) => p.level)).toContain("错误");
      expect(hasFact(evaluation.rows[0]?.practice, "contacted"), JSON.stringify(cells)).toBe(false);
      expect(ledgerProblems(evaluation).map((p) => p.message)).toContainEqual(
        expect.stringContaining("答复前未记录办前联系"),
      );
    }
  });
});
