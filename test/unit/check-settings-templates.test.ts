import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES } from "../../sheets-schema/enums";
import { defaultSettings } from "../../sheets-schema/settings";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { pickTemplate } from "../../src/domain/read-templates";
import { evaluateRows } from "./helpers/evaluate";

const SETTINGS_HEADER = ["项目", "值", "说明"];
const TEMPLATE_HEADER = ["模板", "渠道", "标题", "正文", "启用"];

function tabProblems(tab: string, extra: Partial<Record<string, unknown[][]>>) {
  return evaluateRows([{}], extra)
    .problems.filter((p) => p.tab === tab)
    .map(({ row, column, level, message }) => ({ row, column, level, message }));
}

function problem(row: number | null, column: string | null, level: "错误" | "提醒", text: string) {
  return { row, column, level, message: expect.stringContaining(text) };
}

describe("设置", () => {
  it("uses the defaults when the tab is empty", () => {
    expect(evaluateRows([{}]).settings).toEqual(defaultSettings());
  });

  it("reads the values staff set, checkboxes and full-width digits included", () => {
    const settings = [
      SETTINGS_HEADER,
      ["即将到期天数", "１０"],
      ["仅工作日发送", false],
      ["到期提醒天数", "10、5"],
      ["时区", "Asia/Urumqi"],
      ["周报接收人", "dbc@example.gov.cn"],
    ];
    const evaluation = evaluateRows([{}], { [TAB_NAMES.settings]: settings });
    expect(evaluation.settings).toMatchObject({
      dueSoonDays: 10,
      workingDaysOnly: false,
      reminderDays: [10, 5],
      timeZone: "Asia/Urumqi",
    });
    expect(evaluation.problems).toEqual([]);
  });

  it("reads 仅工作日发送 typed × as 否, with a 提醒 on its row asking for 否", () => {
    const settings = [SETTINGS_HEADER, ["仅工作日发送", "×"], ["周报接收人", "dbc@example.gov.cn"]];
    const evaluation = evaluateRows([{}], { [TAB_NAMES.settings]: settings });
    expect(evaluation.settings.workingDaysOnly).toBe(false);
    expect(tabProblems(TAB_NAMES.settings, { [TAB_NAMES.settings]: settings })).toEqual([
      problem(2, "值", "提醒", "仅工作日发送：写的是“×”，已按“否”处理：请改为“否”"),
    ]);
  });

  it("ignores an unknown 项目 with a 提醒 and a repeated 项目 with another", () => {
    const settings = [
      SETTINGS_HEADER,
      ["提醒天数", "3"],
      ["即将到期天数", "10"],
      ["即将到期天数", "20"],
      ["周报接收人", "dbc@example.gov.cn"],
    ];
    expect(tabProblems(TAB_NAMES.settings, { [TAB_NAMES.settings]: settings })).toEqual([
      problem(2, "项目", "提醒", "项目“提醒天数”无法识别"),
      problem(4, "项目", "提醒", "在第 3 行已经设置"),
    ]);
  });

  it("reports bad numbers, a bad time zone and a bad 编号格式, and keeps the defaults", () => {
    const settings = [
      SETTINGS_HEADER,
      ["即将到期天数", "半个月"],
      ["二次办理时限天数", -5],
      ["时区", "Beijing"],
      ["编号格式", "{年}-{号}"],
      ["周报接收人", "dbc@example.gov.cn"],
    ];
    const evaluation = evaluateRows([{}], { [TAB_NAMES.settings]: settings });
    expect(evaluation.settings).toMatchObject({
      dueSoonDays: 15,
      secondRoundDays: 30,
      timeZone: "Asia/Shanghai",
      idFormat: "{年}-{序号:3}",
    });
    const problems = tabProblems(TAB_NAMES.settings, { [TAB_NAMES.settings]: settings });
    expect(problems).toEqual([
      problem(2, "值", "错误", "即将到期天数：“半个月”不是整数"),
      problem(3, "值", "错误", "小于 1"),
      problem(4, "值", "错误", "时区“Beijing”无法识别"),
      problem(5, "值", "错误", "“{号}”无法识别"),
    ]);
  });

  it("reports a 周报接收人 that is neither an e-mail nor an address", () => {
    const settings = [SETTINGS_HEADER, ["周报接收人", "office@example.gov.cn, 主任"]];
    expect(tabProblems(TAB_NAMES.settings, { [TAB_NAMES.settings]: settings })).toEqual([
      problem(2, "值", "错误", "周报接收人“主任”"),
    ]);
  });

  it("drops only the malformed 周报接收人 entry and says who still gets the 督办周报", () => {
    const settings = [SETTINGS_HEADER, ["周报接收人", "dbb@beicheng.example；leader2@beicheng"]];
    const evaluation = evaluateRows([{}], { [TAB_NAMES.settings]: settings });
    expect(evaluation.settings.digestRecipients).toEqual(["dbb@beicheng.example"]);
    expect(tabProblems(TAB_NAMES.settings, { [TAB_NAMES.settings]: settings })).toEqual([
      {
        row: 2,
        column: "值",
        level: "错误",
        message:
          "周报接收人“leader2@beicheng”既不是邮箱也不是网址（邮箱如 dbc@example.gov.cn，机器人地址以 https:// 开头），已略过：督办周报照常发给其余的 dbb@beicheng.example。请改正",
      },
    ]);
    const allBad = [SETTINGS_HEADER, ["周报接收人", "主任"]];
    expect(tabProblems(TAB_NAMES.settings, { [TAB_NAMES.settings]: allBad })).toEqual([
      problem(2, "值", "错误", "已略过：改好之前督办周报不会发送给任何人。请改正"),
    ]);
  });

  it("空的周报接收人是一条提醒：有这一行时记在该行，没有这一行时记在『设置』表", () => {
    const blankRow = [SETTINGS_HEADER, ["即将到期天数", "10"], ["周报接收人", ""]];
    expect(tabProblems(TAB_NAMES.settings, { [TAB_NAMES.settings]: blankRow })).toEqual([
      problem(3, "值", "提醒", "周报接收人为空：督办周报不会发送"),
    ]);
    expect(tabProblems(TAB_NAMES.settings, {})).toEqual([
      problem(null, null, "提醒", "周报接收人为空：督办周报不会发送"),
    ]);
    const filled = [
      SETTINGS_HEADER,
      ["周报接收人", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x"],
    ];
    expect(tabProblems(TAB_NAMES.settings, { [TAB_NAMES.settings]: filled })).toEqual([]);
  });

  it("uses 即将到期天数 for the status", () => {
    const settings = [SETTINGS_HEADER, ["即将到期天数", 30]];
    const row = { 主办单位: "区教育局", 交办日期: "2026-03-02" };
    expect(evaluateRows([row]).rows[0]?.computed.status).toBe("办理中");
    expect(evaluateRows([row], { [TAB_NAMES.settings]: settings }).rows[0]?.computed.status).toBe("即将到期");
  });
});

describe("通知模板", () => {
  it("provides the built-in template of every type when the tab is empty", () => {
    const { templates } = evaluateRows([{}]);
    expect(templates.every((t) => t.source === "default" && t.enabled)).toBe(true);
    expect(templates.map((t) => t.type)).toEqual([...TEMPLATE_NAMES]);
  });

  it("reports an unknown 模板 type and a 启用 that is not 是/否", () => {
    const tab = [
      TEMPLATE_HEADER,
      ["催办通知", "", "标题", "正文", "是"],
      ["到期提醒", "", "{{编号}} 到期", "还剩 {{剩余天数}} 天", "开"],
    ];
    expect(tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: tab })).toEqual([
      problem(2, "模板", "错误", "“催办通知”不是可选的值"),
      problem(3, "启用", "错误", "是 或 否"),
    ]);
  });

  it("says a 启用 typo keeps the notice going, and how to stop it", () => {
    const tab = [TEMPLATE_HEADER, ["跟踪提醒", "", "{{编号}} 跟踪", "请报告落实情况", "停用"]];
    expect(tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: tab })).toEqual([
      {
        row: 2,
        column: "启用",
        level: "错误",
        message: "“停用”不是“是”或“否”：请填写 是 或 否；改好之前“跟踪提醒”通知照常发送（如要停发，请填 否）",
      },
    ]);
  });

  it("reports a {{/…}} that closes no section, and one closing the wrong section", () => {
    const stray = [TEMPLATE_HEADER, ["测评提醒", "", "测评", "请测评{{/测评意见}}", "是"]];
    expect(tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: stray })).toEqual([
      problem(2, "正文", "提醒", "“{{/测评意见}}”前面没有对应的“{{#测评意见}}”"),
    ]);
    const crossed = [
      TEMPLATE_HEADER,
      ["测评提醒", "", "测评", "{{#协办单位}}{{^逾期天数}}x{{/协办单位}}", "是"],
    ];
    expect(tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: crossed })).toEqual([
      problem(2, "正文", "提醒", "“{{^逾期天数}}”没有对应的“{{/逾期天数}}”"),
    ]);
  });

  it("names the notice types a provisioned tab has no row for: the built-in text keeps going, 启用 = 否 stops it", () => {
    const rows = TEMPLATE_NAMES.filter((type) => type !== "测评提醒").map((type) => [
      type,
      "",
      "标题",
      "正文",
      "是",
    ]);
    expect(tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: [TEMPLATE_HEADER, ...rows] })).toEqual([
      {
        row: null,
        column: null,
        level: "提醒",
        message:
          "本表没有 “测评提醒” 的行：这些通知照常用内置正文发送。如要停发，请补回一行：模板 填该通知名，启用 填 否（标题、正文可留空）；如要照常发送，可不理会本提醒",
      },
    ]);
    const stopped = [...rows, ["测评提醒", "", "", "", "否"]];
    expect(
      tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: [TEMPLATE_HEADER, ...stopped] }),
    ).toEqual([]);
  });

  it("falls back to the built-in template when a placeholder is unknown, with a 提醒", () => {
    const tab = [TEMPLATE_HEADER, ["逾期催办", "", "{{编号}} 逾期", "已逾期 {{逾期天速}} 天", "是"]];
    const evaluation = evaluateRows([{}], { [TAB_NAMES.templates]: tab });
    const chosen = pickTemplate(evaluation.templates, "逾期催办", "email");
    expect(chosen).toMatchObject({ source: "default", enabled: true, rowNumber: 2 });
    expect(chosen.body).toContain("{{逾期天数}}");
    expect(tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: tab })).toEqual([
      problem(2, "正文", "提醒", "{{逾期天速}} 无法识别"),
    ]);
  });

  it("reports an unclosed placeholder", () => {
    const tab = [TEMPLATE_HEADER, ["答复告知", "", "答复", "请测评 {{测评链接", "是"]];
    expect(tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: tab })).toEqual([
      problem(
        2,
        "正文",
        "提醒",
        "正文中有“{{”没有对应的“}}”：请补上“}}”，或删去多余的“{{”；改好之前“答复告知”通知照常用内置正文发送",
      ),
    ]);
  });

  it("uses a channel's own template first, then the all-channel row, and honours 启用 = 否", () => {
    const tab = [
      TEMPLATE_HEADER,
      ["到期提醒", "wecom", "【提醒】{{编号}}", "还剩 {{剩余天数}} 天", "是"],
      ["到期提醒", "", "{{编号}} 即将到期", "请于 {{办理期限}} 前答复", ""],
      ["督办周报", "", "周报", "{{接收方}}：本周情况", "否"],
    ];
    const { templates } = evaluateRows([{}], { [TAB_NAMES.templates]: tab });
    expect(pickTemplate(templates, "到期提醒", "wecom").title).toBe("【提醒】{{编号}}");
    expect(pickTemplate(templates, "到期提醒", "email")).toMatchObject({
      title: "{{编号}} 即将到期",
      enabled: true,
      source: "sheet",
    });
    expect(pickTemplate(templates, "督办周报", null).enabled).toBe(false);
  });

  it("ignores a repeated template row with a 提醒", () => {
    const tab = [TEMPLATE_HEADER, ["受理回执", "", "a", "b", "是"], ["受理回执", "", "c", "d", "是"]];
    expect(tabProblems(TAB_NAMES.templates, { [TAB_NAMES.templates]: tab })).toEqual([
      problem(3, "模板", "提醒", "在第 2 行已有"),
    ]);
  });
});
