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
  it("renders Chinese placeholders exactly, with no HTML escaping", () => {
    const templates = [
      [
        "到期提醒",
        "",
        "【{{编号}}】还剩{{剩余天数}}天",
        "{{接收方}}：{{领衔代表}}代表的《{{标题}}》（协办：{{协办单位}}）交办于{{交办日期}}，期限{{办理期限}}，异议期限{{异议期限}}，已逾期{{逾期天数}}天。测评：{{测评链接}}",
        "是",
      ],
    ];
    const [notice] = planAt([ROW], "2026-05-18", { templates, settings: SETTINGS }).notices;
    expect(notice?.title).toBe("【2026-007】还剩15天");
    expect(notice?.body).toBe(
      "区教育局：王伟(北关)代表的《关于整治<老旧>小区 & 停车难的建议》（协办：区住建局、区卫健委）交办于2026年3月2日，期限2026年6月2日，异议期限2026年3月11日，已逾期0天。测评：https://rate.example.gov.cn/form?编号=2026-007",
    );
  });

  it("renders the built-in 交办通知 with 无 for missing co-units and 7 working days to object", () => {
    const [notice] = planAt([{ ...ROW, 协办单位: "", 交办日期: "2026-09-24" }], "2026-09-24").notices;
    // 中秋 (09-25…27) and 国庆 (10-01…07) are rest days; Saturday 10-10 is a 调休 working day.
    expect(notice?.body).toBe(
      "区教育局：现将王伟(北关)代表领衔提出的建议《关于整治<老旧>小区 & 停车难的建议》（编号 2026-007）交你单位办理。主办单位：区教育局；协办单位：无。交办日期 2026年9月24日，请于 2026年12月24日 前书面答复代表。如对交办有异议，请于 2026年10月12日 前提出。",
    );
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

  it("falls back to the built-in template when a section is never closed, and reports it", () => {
    const templates = [["交办通知", "", "交办 {{编号}}", "{{#协办单位}}协办：{{协办单位}}", "是"]];
    const plan = planAt([ROW], "2026-03-02", { templates });
    expect(plan.notices[0]?.body).toContain("交你单位办理");
    expect(plan.problems).toEqual([
      expect.objectContaining({
        tab: TAB_NAMES.templates,
        row: 2,
        message: expect.stringContaining("内置默认模板"),
      }),
    ]);
  });

  it("uses a channel's own template over the all-channel one", () => {
    const templates = [
      ["交办通知", "wecom", "企业微信：{{编号}}", "{{接收方}}请查收", "是"],
      ["交办通知", "", "通用：{{编号}}", "{{接收方}}请办理", "是"],
    ];
    const titles = planAt([ROW], "2026-03-02", { templates }).notices.map((n) => `${n.channel} ${n.title}`);
    expect(titles).toEqual(["email 通用：2026-007", "wecom 企业微信：2026-007", "dingtalk 通用：2026-007"]);
  });

  it("leaves text staff typed as it is, braces of other kinds included", () => {
    expect(renderText("{{{标题}}} {{&标题}} {{标题}}", { 标题: "A&B<C>" })).toBe("A&B<C> A&B<C> A&B<C>");
  });
});
