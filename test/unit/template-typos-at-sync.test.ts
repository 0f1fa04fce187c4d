import { describe, expect, it } from "vitest";
import { defaultTemplateRows } from "../../sheets-schema/notice-templates";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import type { LedgerCells } from "./helpers/make-row";
import { evaluateAt, planAt } from "./notices/helpers";

/** A suggestion assigned to 区住建局, whose notices go to its 企业微信 robot. */
const ROW: LedgerCells = {
  编号: "2026-007",
  标题: "关于老旧小区停车难的建议",
  领衔代表: "王伟(北关)",
  主办单位: "区住建局",
  协办单位: "",
  交办日期: "2026-03-02",
};
const TODAY = "2026-03-02";
const BUILT_IN_DEADLINE = "请于 2026年6月2日前书面答复代表";

function templateProblems(templates: unknown[][]) {
  return evaluateAt([ROW], TODAY, [], templates)
    .problems.filter((p) => p.tab === TAB_NAMES.templates)
    .map(({ row, column, level, message }) => ({ row, column, level, message }));
}

function noticeBody(templates: unknown[][]): string | undefined {
  return planAt([ROW], TODAY, { templates }).notices.find((n) => n.type === "交办通知")?.body;
}

const MEANWHILE = "改好之前“交办通知”通知照常用内置正文发送（如要停发，请把 启用 设为 否）";

describe("通知模板: braces a clerk typed wrong are told at sync time, the built-in text sent meanwhile", () => {
  const row = (body: string) => [["交办通知", "", "交办 {{编号}}", body, "是"]];

  it("full-width ｛｛ ｝｝ around a placeholder", () => {
    const templates = row("{{接收方}}：请于｛｛办理期限｝｝前书面答复代表。");
    expect(templateProblems(templates)).toEqual([
      {
        row: 2,
        column: "正文",
        level: "提醒",
        message: `正文中的“｛｛办理期限｝｝”用了全角大括号：全角“｛｛ ｝｝”请改为半角“{{ }}”，写成 {{办理期限}}；${MEANWHILE}`,
      },
    ]);
    expect(noticeBody(templates)).toContain(BUILT_IN_DEADLINE);
  });

  it("a single opening brace", () => {
    const templates = row("{{接收方}}：请于{办理期限}}前书面答复代表。");
    expect(templateProblems(templates)).toEqual([
      {
        row: 2,
        column: "正文",
        level: "提醒",
        message: `正文中的“{办理期限}}”大括号不成对：请写成 {{办理期限}}；${MEANWHILE}`,
      },
    ]);
    expect(noticeBody(templates)).toContain(BUILT_IN_DEADLINE);
  });

  it("a stray closing brace after a placeholder, half- or full-width", () => {
    expect(templateProblems(row("请于 {{办理期限}}} 前答复。"))).toEqual([
      expect.objectContaining({
        row: 2,
        column: "正文",
        message: `正文中“{{办理期限}}”后面多了一个“}”：请删去，写成 {{办理期限}}；${MEANWHILE}`,
      }),
    ]);
    expect(templateProblems(row("请于 {{办理期限}}｝ 前答复。"))).toEqual([
      expect.objectContaining({
        row: 2,
        column: "正文",
        message: `正文中“{{办理期限}}”后面多了一个全角“｝”：请删去，写成 {{办理期限}}；${MEANWHILE}`,
      }),
    ]);
    expect(noticeBody(row("请于 {{办理期限}}} 前答复。"))).toContain(BUILT_IN_DEADLINE);
  });

  it("a brace mustache itself refuses ({{{办理期限}}), at sync time rather than while sending", () => {
    const templates = row("{{接收方}}：请于 {{{办理期限}} 前答复。");
    expect(templateProblems(templates)).toEqual([
      expect.objectContaining({
        row: 2,
        column: "正文",
        level: "提醒",
        message: `正文中“{{办理期限}}”前面多了一个“{”：请删去，写成 {{办理期限}}；${MEANWHILE}`,
      }),
    ]);
    expect(noticeBody(templates)).toContain(BUILT_IN_DEADLINE);
  });

  it("a lone brace in the title that is no placeholder", () => {
    expect(templateProblems([["交办通知", "", "交办 {编号 {{编号}}", "{{接收方}}：请办理。", "是"]])).toEqual(
      [
        expect.objectContaining({
          column: "标题",
          message: `标题中“交办 {编号”有单个“{”：占位符请写成两个半角大括号，如 {{编号}}；不是占位符的，请删去或改用其他括号（如“【】”）；${MEANWHILE}`,
        }),
      ],
    );
  });

  it("finds nothing wrong with the built-in texts, as a new sheet holds them", () => {
    expect(templateProblems(defaultTemplateRows())).toEqual([]);
  });

  it("leaves plain Chinese text, full-width braces not near a placeholder and {{{…}}} alone", () => {
    const templates = row("{{接收方}}：请按｛附件一｝要求，于 {{{办理期限}}} 前答复（见《办法》第二条）。");
    expect(templateProblems(templates)).toEqual([]);
    expect(noticeBody(templates)).toBe(
      "区住建局：请按｛附件一｝要求，于 2026年6月2日 前答复（见《办法》第二条）。",
    );
  });
});

describe("通知模板: a text too long for the robots it may go to", () => {
  it("warns how many characters to cut, and still sends the row's text", () => {
    const body = `{{接收方}}：${"请抓紧办理。".repeat(330)}`;
    const templates = [["交办通知", "", "交办 {{编号}}", body, "是"]];
    expect(templateProblems(templates)).toEqual([
      {
        row: 2,
        column: "正文",
        level: "提醒",
        message:
          "标题和正文共 1997 个字，发到企业微信会被截断（末尾显示“……”）：企业微信机器人一条消息连同专属页面链接最多约 1650 字节（约 550 个汉字）；请删减约 1442 个字。本行照常发送（超出部分截断）",
      },
    ]);
    expect(noticeBody(templates)).toMatch(/^区住建局：请抓紧办理。请抓紧办理。/);
  });

  it("says nothing of a long e-mail or 钉钉 row (their messages hold it whole) nor of a short one", () => {
    const long = `{{接收方}}：${"请抓紧办理。".repeat(330)}`;
    expect(templateProblems([["交办通知", "email", "交办 {{编号}}", long, "是"]])).toEqual([]);
    expect(templateProblems([["交办通知", "dingtalk", "交办 {{编号}}", long, "是"]])).toEqual([]);
    const short = `{{接收方}}：${"请抓紧办理。".repeat(80)}`;
    expect(templateProblems([["交办通知", "", "交办 {{编号}}", short, "是"]])).toEqual([]);
  });
});

describe("通知模板: 渠道 typed in Chinese", () => {
  it("reads 企业微信 and 钉钉 as their codes, as 通知渠道 does", () => {
    const templates = [
      ["交办通知", "企业微信", "企微交办 {{编号}}", "{{接收方}}：请办理。", "是"],
      ["交办通知", "", "交办 {{编号}}", "{{接收方}}：请按期办理。", "是"],
      ["到期提醒", "钉钉", "到期 {{编号}}", "{{接收方}}：请办理。", "否"],
    ];
    expect(templateProblems(templates)).toEqual([]);
    expect(planAt([ROW], TODAY, { templates }).notices[0]).toMatchObject({
      channel: "wecom",
      title: "企微交办 2026-007",
    });
  });

  it("says of a channel it cannot read that the row is ignored meanwhile and which text goes instead", () => {
    const templates = [
      ["交办通知", "微信", "企微交办 {{编号}}", "{{接收方}}：请办理。", "是"],
      ["交办通知", "", "交办 {{编号}}", "{{接收方}}：请按期办理。", "是"],
      ["到期提醒", "微信群", "到期 {{编号}}", "{{接收方}}：请办理。", "否"],
    ];
    expect(templateProblems(templates)).toEqual([
      expect.objectContaining({
        row: 2,
        column: "渠道",
        level: "错误",
        message: expect.stringMatching(
          /^“微信”不是可选的值.*；改好之前本行不起作用：“交办通知”通知照常用第 3 行（渠道留空）的标题和正文$/,
        ),
      }),
      expect.objectContaining({
        row: 4,
        column: "渠道",
        message: expect.stringMatching(
          /；改好之前本行不起作用：“到期提醒”通知照常用内置正文发送，本行的 启用 = 否 也不生效$/,
        ),
      }),
    ]);
    expect(planAt([ROW], TODAY, { templates }).notices[0]).toMatchObject({
      channel: "wecom",
      title: "交办 2026-007",
    });
  });
});

describe("通知模板: a 正文 over the cell's 5,000 characters", () => {
  it("is not called empty, and says the built-in text goes meanwhile", () => {
    const huge = `{{接收方}}：${"请抓紧办理。".repeat(1000)}`;
    expect(templateProblems([["交办通知", "", "交办 {{编号}}", huge, "是"]])).toEqual([
      {
        row: 2,
        column: "正文",
        level: "错误",
        message: `内容有 6008 个字符，超过 5000 字的上限：请精简；${MEANWHILE}`,
      },
    ]);
  });
});

describe("通知模板: a placeholder the notice never fills", () => {
  it("is told with the notice's name, and the row's text still goes with that part blank", () => {
    const templates = [
      ["交办通知", "", "交办 {{编号}}", "{{接收方}}：请办理。{{催办领导}}同志已过问。", "是"],
    ];
    expect(templateProblems(templates)).toEqual([
      {
        row: 2,
        column: "正文",
        level: "提醒",
        message:
          "“{{催办领导}}”在“交办通知”中总是空的：这类通知没有这一项（每种通知能用哪些占位符，见工作人员手册附录二“通知模板里的占位符”）；通知照常按本行文字发送，那里空着",
      },
    ]);
    expect(noticeBody(templates)).toMatch(/^区住建局：请办理。/);
  });
});
