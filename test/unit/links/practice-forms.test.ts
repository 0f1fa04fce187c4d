import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../../src/domain/calendar";
import { serialFromIso } from "../../../src/domain/civil-date";
import { firstRoundDeadline } from "../../../src/domain/deadlines";
import {
  checkContactForm,
  checkCoOpinionForm,
  checkExtensionForm,
  checkObjectionForm,
  type PracticeFormContext,
} from "../../../src/domain/links/practice-forms";
import { makeRecord } from "../helpers/make-row";

const calendar = buildCalendar();

/** 2026-001, assigned to 区教育局 (co: 区住建局) on 2026-03-02; today 2026-05-10 unless said. */
function context(unit: string, fields: Parameters<typeof makeRecord>[0] = {}, today = "2026-05-10") {
  const record = makeRecord({
    id: "2026-001",
    review: "立案",
    leadUnit: "区教育局",
    coUnits: ["区住建局"],
    assignedOn: "2026-03-02",
    ...fields,
  });
  const ctx: PracticeFormContext = {
    unit,
    id: "2026-001",
    record,
    today,
    calendar,
    extensionReviewDays: 5,
    threeMonthDue: (assignedOn) => firstRoundDeadline(assignedOn, "三个月", calendar, false).due,
  };
  return ctx;
}

describe("the 沟通记录 form of a personal link", () => {
  const contact = {
    日期: "2026-03-10",
    阶段: "办前",
    方式: "面商",
    代表参加: "是",
    参加人员: "张明代表、王科长",
    内容: "到学校门口实地了解拥堵情况",
    代表意见: "希望暑假前动工",
  };

  it("gives the row the sync reads, by header, dated as the sheet stores dates", () => {
    const result = checkContactForm(contact, context("区住建局"));
    expect(result).toEqual({
      ok: true,
      value: {
        cells: {
          编号: "2026-001",
          日期: serialFromIso("2026-03-10"),
          阶段: "办前",
          方式: "面商",
          承办单位: "区住建局",
          代表参加: "是",
          参加人员: "张明代表、王科长",
          内容: "到学校门口实地了解拥堵情况",
          代表意见: "希望暑假前动工",
        },
        warnings: [],
      },
    });
  });

  it("refuses what the sync calls an 错误, in Chinese, naming the field", () => {
    const before = checkContactForm({ ...contact, 日期: "2026-02-27" }, context("区教育局"));
    const early = "日期 2026-02-27 早于交办日期 2026-03-02：请核对";
    // Said under the field it is about: the tab's column is the form's field of that name.
    expect(before).toEqual({ ok: false, errors: [early], fields: { 日期: [early] } });
    const later = checkContactForm({ ...contact, 日期: "2026-05-11" }, context("区教育局"));
    const late = "日期 2026-05-11 晚于今天（2026-05-10）：请核对";
    expect(later).toEqual({ ok: false, errors: [late], fields: { 日期: [late] } });
    const blank = checkContactForm({ 日期: "", 阶段: "办前", 方式: "飞鸽传书" }, context("区教育局"));
    expect(blank.ok).toBe(false);
    if (blank.ok) return;
    expect(blank.errors).toContain("请选择联系的日期");
    expect(blank.errors).toContain("请填写沟通的内容");
    expect(blank.errors.some((e) => e.includes("飞鸽传书"))).toBe(true);
    expect(blank.fields.日期).toEqual(["请选择联系的日期"]);
    expect(blank.fields.内容).toEqual(["请填写沟通的内容"]);
    expect(blank.fields.方式?.some((e) => e.includes("飞鸽传书"))).toBe(true);
  });

  it("accepts a 办前 contact dated after the reply, with the sync's 提醒", () => {
    const result = checkContactForm(
      { ...contact, 日期: "2026-04-25" },
      context("区教育局", { repliedOn: "2026-04-20", replyClass: "A" }),
    );
    expect(result.ok && result.value.warnings).toEqual([
      "阶段为办前，但日期 2026-04-25 晚于答复日期 2026-04-20：答复之后的联系不是办前联系，请改为办中或办后",
    ]);
  });
});

describe("the 延期申请 form", () => {
  it("needs a 理由, and is dated today by the lead unit", () => {
    const why = "请填写申请延期的理由（如涉及面广、处理难度大，需要的时间和已做的工作）";
    expect(checkExtensionForm({ 理由: "" }, context("区教育局"))).toEqual({
      ok: false,
      errors: [why],
      fields: { 理由: [why] },
    });
    const result = checkExtensionForm({ 理由: "涉及多个部门，需统筹资金" }, context("区教育局"));
    expect(result).toEqual({
      ok: true,
      value: {
        cells: {
          编号: "2026-001",
          申请日期: serialFromIso("2026-05-10"),
          申请单位: "区教育局",
          理由: "涉及多个部门，需统筹资金",
        },
        warnings: [],
      },
    });
  });

  it("after the three-month due date is accepted with practice.md's 提醒 逾期后申请", () => {
    const result = checkExtensionForm({ 理由: "资金尚未到位" }, context("区教育局", {}, "2026-06-04"));
    expect(result.ok && result.value.warnings).toEqual([
      "逾期后申请：申请日期 2026-06-04 已过三个月的办理期限 2026-06-02",
    ]);
  });

  it("from a co-unit is what the sync calls an 错误", () => {
    const result = checkExtensionForm({ 理由: "需要时间" }, context("区住建局"));
    const notLead = "只有主办单位可以申请延期：本条建议的主办单位是“区教育局”，本申请不计入办理期限";
    // About a column the form does not ask (the page says it in the form's summary only).
    expect(result).toEqual({ ok: false, errors: [notLead], fields: { 申请单位: [notLead] } });
  });
});

describe("the 协办意见 and 异议 forms", () => {
  it("take the co-unit's opinion, delivered today, and refuse it from the lead unit", () => {
    const ok = checkCoOpinionForm({ 内容摘要: "同意拓宽，资金由区住建局列入计划" }, context("区住建局"));
    expect(ok.ok && ok.value.cells).toEqual({
      编号: "2026-001",
      协办单位: "区住建局",
      送达日期: serialFromIso("2026-05-10"),
      内容摘要: "同意拓宽，资金由区住建局列入计划",
    });
    const lead = checkCoOpinionForm({ 内容摘要: "意见" }, context("区教育局"));
    const isLead = "“区教育局”是主办单位，协办意见由协办单位送达主办单位";
    expect(lead).toEqual({ ok: false, errors: [isLead], fields: { 协办单位: [isLead] } });
  });

  it("needs an objection's reason, and the proposed unit is not the unit itself", () => {
    expect(checkObjectionForm({ 理由: "", 建议承办单位: "区教育局" }, "区教育局")).toEqual({
      ok: false,
      errors: ["请填写异议的理由（为什么不应由本单位承办）", "建议承办单位不能是本单位"],
      fields: {
        理由: ["请填写异议的理由（为什么不应由本单位承办）"],
        建议承办单位: ["建议承办单位不能是本单位"],
      },
    });
    expect(checkObjectionForm({ 理由: "道路归住建部门管理", 建议承办单位: "区住建局" }, "区教育局")).toEqual({
      ok: true,
      value: { 理由: "道路归住建部门管理", 建议承办单位: "区住建局" },
    });
  });
});
