import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { renderText } from "../../../src/domain/notices/render";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, planAt } from "./helpers";

const ROW: LedgerCells = {
  编号: "2026-007",
  标题: "关于整治<老旧>小区 & 停车难的建议",
  领衔代表: "王伟(北关)",
  主办单位: "区教育局",
  协办单位: "区住建局、区卫健委",
  交办日期: "2026-03-02",
};
const SETTINGS = [["测评链接", "https://rate.example.gov.cn/form?编号={{编号}}"]] as const;

describe("notice templates", () => {
  it("renders Chinese placeholders exactly, with no HTML escaping (逾期天数 blank before 办理期限, a past 异议期限 marked)", () => {
    const templates = [
      [
        "到期提醒",
        "",
        "【{{编号}}】还剩{{剩余天数}}天",
        "{{接收方}}：{{领衔代表}}代表的《{{标题}}》（协办：{{协办单位}}）交办于{{交办日期}}，期限{{办理期限}}，异议期限{{异议期限}}，{{#逾期天数}}已逾期{{逾期天数}}天{{/逾期天数}}{{^逾期天数}}未逾期{{/逾期天数}}。测评：{{测评链接}}",
        "是",
      ],
    ];
    const [notice] = planAt([ROW], "2026-05-18", { templates, settings: SETTINGS }).notices;
    expect(notice?.title).toBe("【2026-007】还剩15天");
    expect(notice?.body).toBe(
      "区教育局：王伟(北关)代表的《关于整治<老旧>小区 & 停车难的建议》（协办：区住建局、区卫健委）交办于2026年3月2日，期限2026年6月2日，异议期限2026年3月11日（已届满），未逾期。测评：https://rate.example.gov.cn/form?编号=2026-007",
    );
  });

  it("renders the built-in 交办通知 with 无 for missing co-units and 7 working days to object", () => {
    const [notice] = planAt([{ ...ROW, 协办单位: "", 交办日期: "2026-09-24" }], "2026-09-24").notices;
    // 中秋 (09-25…27) and 国庆 (10-01…07) are rest days; Saturday 10-10 is a 调休 working day.
    expect(notice?.body).toBe(
      "区教育局：现将王伟(北关)代表领衔提出的建议《关于整治<老旧>小区 & 停车难的建议》（编号 2026-007）交你单位主办。主办单位：区教育局；协办单位：无。交办日期 2026年9月24日，请于 2026年12月24日前书面答复代表。如对交办有异议，请于 2026年10月12日前提出。",
    );
  });

  it("says the 异议 period has passed, not a past day to object by, in a 交办通知 that goes out late", () => {
    const row = { ...ROW, 协办单位: "", 交办日期: "2026-09-24" };
    const [notice] = planAt([row], "2026-10-20").notices;
    expect(notice?.type).toBe("交办通知");
    expect(notice?.body).toContain(
      "交办日期 2026年9月24日，请于 2026年12月24日前书面答复代表。对交办提出异议的期限已于 2026年10月12日届满；确有特殊情况，请联系代表工委。",
    );
    expect(notice?.body).not.toContain("请于 2026年10月12日前提出");
    const templates = [["交办通知", "", "交办 {{编号}}", "{{接收方}}：异议截止 {{异议期限}}。", "是"]];
    const [own] = planAt([row], "2026-10-20", { templates }).notices;
    expect(own?.body).toBe("区教育局：异议截止 2026年10月12日（已届满）。");
  });

  it("falls back to the built-in template when a placeholder has a typo, and reports it in 校验问题", () => {
    const templates = [["交办通知", "", "交办：{{标提}}", "{{接收方}}：请办理《{{标题}}》", "是"]];
    const evaluation = evaluateAt([ROW], "2026-03-02", [], templates);
    expect(evaluation.problems.filter((p) => p.tab === TAB_NAMES.templates)).toEqual([
      expect.objectContaining({ row: 2, level: "提醒", message: expect.stringContaining("{{标提}}") }),
    ]);
    const [notice] = planAt([ROW], "2026-03-02", { templates }).notices;
    expect(notice?.title).toBe("代表建议交办通知：2026-007 关于整治<老旧>小区 & 停车难的建议");
  });

  it("falls back to the built-in template when a section is never closed, and says so in 校验问题 in Chinese", () => {
    const templates = [["交办通知", "", "交办 {{编号}}", "{{#协办单位}}协办：{{协办单位}}", "是"]];
    const plan = planAt([ROW], "2026-03-02", { templates });
    expect(plan.notices[0]?.body).toContain("交你单位主办");
    const evaluation = evaluateAt([ROW], "2026-03-02", [], templates);
    expect(evaluation.problems.filter((p) => p.tab === TAB_NAMES.templates)).toEqual([
      expect.objectContaining({
        row: 2,
        column: "正文",
        level: "提醒",
        message:
          "“{{#协办单位}}”没有对应的“{{/协办单位}}”：请补上；改好之前“交办通知”通知照常用内置正文发送（如要停发，请把 启用 设为 否）",
      }),
    ]);
  });

  it("uses a channel's own template over the all-channel one", () => {
    const templates = [
      ["交办通知", "email", "邮件：{{编号}}", "{{接收方}}请查收", "是"],
      ["交办通知", "", "通用：{{编号}}", "{{接收方}}请办理", "是"],
      ["交办通知（协办单位）", "wecom", "企业微信协办：{{编号}}", "{{接收方}}请协办", "是"],
    ];
    const titles = planAt([ROW], "2026-03-02", { templates }).notices.map((n) => `${n.channel} ${n.title}`);
    expect(titles).toEqual([
      "email 邮件：2026-007",
      "wecom 企业微信协办：2026-007",
      // A co-unit never gets the lead unit's text: without a row of its own, the built-in one.
      "dingtalk 代表建议协办通知：2026-007 关于整治<老旧>小区 & 停车难的建议",
    ]);
  });

  it("follows today's built-in text where 通知模板 still holds an earlier built-in text, unedited", () => {
    const old = (type: string, title: string, body: string) => [type, "", title, body, "是"];
    const templates = [
      old(
        "跟踪提醒",
        "建议落实情况跟踪：{{编号}} {{标题}}",
        "{{接收方}}：{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}）答复为 B 类（正在解决或列入计划），目前落实情况：{{落实情况}}。请报送最新落实进展；已落实的，请告知我委。",
      ),
    ];
    const evaluation = evaluateAt([ROW], "2026-03-02", [], templates);
    expect(evaluation.templates.find((t) => t.type === "跟踪提醒")).toMatchObject({
      source: "default",
      rowNumber: 2,
      body: expect.stringContaining("{{#落实情况}}"),
    });
    expect(evaluation.problems.filter((p) => p.tab === TAB_NAMES.templates)).toEqual([]);
  });

  it("drops a label whose value is blank from a staff template: the clause, or the sentence it was", () => {
    const view = { 接收方: "区教育局", 落实情况: "", 测评链接: "", 主办单位: "区教育局", 协办单位: "" };
    expect(renderText("{{接收方}}：答复为 B 类，目前落实情况：{{落实情况}}。请报送进展。", view)).toBe(
      "区教育局：答复为 B 类。请报送进展。",
    );
    expect(renderText("已作出答复。请对办理情况进行测评：{{测评链接}}", view)).toBe("已作出答复。");
    expect(renderText("主办单位：{{主办单位}}；协办单位：{{协办单位}}。请办理。", view)).toBe(
      "主办单位：区教育局。请办理。",
    );
    expect(renderText("目前落实情况：{{落实情况}}，请报送。", view)).toBe("请报送。");
  });

  it("writes 今天到期 rather than 还剩 0 天, whatever the template", () => {
    const templates = [
      ["到期提醒", "", "{{编号}} 还剩{{剩余天数}}天", "期限 {{办理期限}}，还剩 {{剩余天数}} 天。", "是"],
    ];
    // Due Monday 2026-06-01: the reminder one day before falls on a Sunday and goes out that Monday.
    const due = { ...ROW, 交办日期: "2026-03-01" };
    const [notice] = planAt([due], "2026-06-01", { templates, settings: [["到期提醒天数", "1"]] }).notices;
    expect(notice).toMatchObject({ title: "2026-007 今天到期", body: "期限 2026年6月1日，今天到期。" });
  });

  it("marks a round-2 notice 二次交办 when its template does not say so", () => {
    const second = {
      ...ROW,
      答复日期: "2026-05-20",
      答复类别: "D",
      满意度: "不满意",
      测评日期: "2026-05-25",
      二次交办日期: "2026-06-01",
    };
    const templates = [["到期提醒", "", "{{编号}} 到期提醒", "期限 {{办理期限}}", "是"]];
    const reminder = (plan: ReturnType<typeof planAt>) => plan.notices.find((n) => n.type === "到期提醒");
    expect(reminder(planAt([second], "2026-06-16", { templates }))).toMatchObject({
      round: 2,
      title: "【二次交办】2026-007 到期提醒",
    });
    const builtIn = reminder(planAt([second], "2026-06-16"));
    expect(builtIn?.title).toBe("建议办理到期提醒（二次交办）：2026-007 还剩 15 天");
    expect(builtIn?.body).toContain("已于 2026年6月1日二次交办，办理期限为 2026年7月1日");
  });

  it("turns co-units' 交办通知 off with 交办通知 启用 = 否, or with their own row", () => {
    const off = [["交办通知", "", "标题", "正文", "否"]];
    expect(planAt([ROW], "2026-03-02", { templates: off }).notices).toEqual([]);
    const coOff = [["交办通知（协办单位）", "", "标题", "正文", "否"]];
    expect(planAt([ROW], "2026-03-02", { templates: coOff }).notices.map((n) => n.recipient)).toEqual([
      "区教育局",
    ]);
  });

  it("adds 同志 after a name only when the name does not already end with a title", () => {
    const greet = (name: string) => renderText("{{接收方}}同志：请督促。", { 接收方: name });
    expect(greet("张三")).toBe("张三同志：请督促。");
    expect(greet("刘振华主任")).toBe("刘振华主任：请督促。");
    expect(greet("孙副主任")).toBe("孙副主任：请督促。");
    expect(greet("王书记")).toBe("王书记：请督促。");
    expect(greet("王建国副区长")).toBe("王建国副区长：请督促。");
    expect(greet("李同志")).toBe("李同志：请督促。");
    expect(renderText("{{督办领导}}同志督办的建议", { 督办领导: "刘振华主任" })).toBe("刘振华主任督办的建议");
    // Only after a name put in by a placeholder: text staff typed stays as typed.
    expect(renderText("请主任同志阅示。", {})).toBe("请主任同志阅示。");
  });

  it("leaves text staff typed as it is, braces of other kinds included", () => {
    expect(renderText("{{{标题}}} {{&标题}} {{标题}}", { 标题: "A&B<C>" })).toBe("A&B<C> A&B<C> A&B<C>");
  });
});
