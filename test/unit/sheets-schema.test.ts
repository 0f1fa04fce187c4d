import { describe, expect, expectTypeOf, it } from "vitest";
import { isDateColumn } from "../../sheets-schema/columns";
import { NOTICE_TYPES, TEMPLATE_NAMES } from "../../sheets-schema/enums";
import { headerForQuestion } from "../../sheets-schema/forms/question-aliases";
import {
  DEFAULT_NOTICE_TEMPLATES,
  defaultTemplateRows,
  unknownPlaceholders,
} from "../../sheets-schema/notice-templates";
import { defaultSettingRows, defaultSettings } from "../../sheets-schema/settings";
import { ALL_TABS, type LedgerRecord, ledgerTab } from "../../sheets-schema/tabs";

const headersOf = (name: string) => ALL_TABS.find((t) => t.name === name)?.columns.map((c) => c.header);

describe("the tabs", () => {
  it("have the spec's names and headers", () => {
    expect(ALL_TABS.map((t) => t.name)).toEqual([
      "建议台账",
      "承办单位",
      "代表",
      "领导",
      "沟通记录",
      "延期申请",
      "协办意见",
      "民意",
      "常委会测评",
      "通知模板",
      "节假日",
      "设置",
      "通知记录",
      "校验问题",
      "统计",
      "单位测评",
    ]);
    expect(headersOf("建议台账")).toEqual([
      "编号",
      "届次",
      "标题",
      "内容摘要",
      "领衔代表",
      "附议代表",
      "类别",
      "提出日期",
      "来源",
      "审查结果",
      "预审意见",
      "并入编号",
      "重点建议",
      "督办领导",
      "领办领导",
      "主办单位",
      "协办单位",
      "交办日期",
      "办理时限",
      "答复日期",
      "答复类别",
      "答复内容",
      "答复函",
      "满意度",
      "测评日期",
      "二次交办日期",
      "二次答复日期",
      "二次答复类别",
      "二次满意度",
      "落实情况",
      "跨年督办",
      "回访",
      "回访意见",
      "优秀建议",
      "备注",
      "办理期限",
      "台账状态",
      "校验问题",
      "最近通知",
    ]);
    expect(headersOf("承办单位")).toEqual([
      "单位名称",
      "联系人",
      "手机",
      "邮箱",
      "通知渠道",
      "机器人地址",
      "备注",
      // Beyond the spec, optional and last (README: a renamed or merged unit's former names).
      "原名称",
    ]);
    expect(headersOf("代表")).toEqual([
      "姓名",
      "代表团",
      "专业小组",
      "手机",
      "邮箱",
      "通知渠道",
      "机器人地址",
      "备注",
    ]);
    expect(headersOf("领导")).toEqual([
      "姓名",
      "职务",
      "类型",
      "手机",
      "邮箱",
      "通知渠道",
      "机器人地址",
      "备注",
    ]);
    expect(headersOf("沟通记录")).toEqual([
      "编号",
      "日期",
      "阶段",
      "方式",
      "承办单位",
      "代表参加",
      "参加人员",
      "内容",
      "代表意见",
    ]);
    expect(headersOf("延期申请")).toEqual([
      "编号",
      "申请日期",
      "申请单位",
      "理由",
      "审批结果",
      "审批日期",
      "审批人",
    ]);
    expect(headersOf("协办意见")).toEqual(["编号", "协办单位", "送达日期", "内容摘要"]);
    expect(headersOf("民意")).toEqual([
      "日期",
      "联络站",
      "反映人",
      "内容",
      "接待代表",
      "处理方式",
      "建议编号",
      "备注",
    ]);
    expect(headersOf("常委会测评")).toEqual(["年度", "单位名称", "测评得分", "表决结果", "先进单位", "备注"]);
    expect(headersOf("通知模板")).toEqual(["模板", "渠道", "标题", "正文", "启用"]);
    expect(headersOf("节假日")).toEqual(["日期", "类型", "说明"]);
    expect(headersOf("设置")).toEqual(["项目", "值", "说明"]);
    expect(headersOf("通知记录")).toEqual([
      "时间",
      "编号",
      "通知类型",
      "接收方",
      "渠道",
      "状态",
      "摘要",
      "错误",
    ]);
    expect(headersOf("校验问题")).toEqual(["工作表", "行号", "编号", "列", "级别", "问题"]);
    expect(headersOf("统计")).toEqual([
      "单位",
      "承办件数",
      "已答复",
      "按期答复率",
      "逾期未答复",
      "满意率",
      "A",
      "B",
      "C",
      "D",
      "平均答复天数",
      "沟通率",
      "延期件数",
      "二次交办",
      "二次已答复",
      "二次逾期未答复",
    ]);
    expect(headersOf("单位测评")).toEqual([
      "年度",
      "单位",
      "承办件数",
      "按期答复率",
      "满意率",
      "沟通率",
      "落实率",
      "常委会测评",
      "综合得分",
      "等次",
      "排名",
      "延期件数",
      "先进单位",
    ]);
  });

  it("have unique headers and keys per tab", () => {
    for (const tab of ALL_TABS) {
      expect(new Set(tab.columns.map((c) => c.header)).size, tab.name).toBe(tab.columns.length);
      expect(new Set(tab.columns.map((c) => c.key)).size, tab.name).toBe(tab.columns.length);
    }
  });

  it("tell provisioning which columns get dropdowns and date formats", () => {
    const col = (header: string) => ledgerTab.columns.find((c) => c.header === header);
    expect(col("审查结果")?.dropdown).toEqual({
      source: "values",
      values: ["立案", "不予立案", "并案", "退回修改", "撤回"],
    });
    expect(col("领办领导")?.dropdown).toEqual({ source: "column", tab: "领导", header: "姓名" });
    expect(col("来源")?.dropdown).toEqual({
      source: "values",
      values: ["大会期间", "闭会期间", "联络站民意"],
    });
    expect(col("主办单位")?.dropdown).toEqual({ source: "column", tab: "承办单位", header: "单位名称" });
    expect(col("领衔代表")?.dropdown).toEqual({ source: "column", tab: "代表", header: "姓名" });
    expect(col("类别")?.dropdown).toEqual({ source: "setting", item: "类别" });
    expect(col("重点建议")?.dropdown).toEqual({ source: "values", values: ["是", "否"] });
    expect(ledgerTab.columns.filter(isDateColumn).map((c) => c.header)).toEqual([
      "提出日期",
      "交办日期",
      "答复日期",
      "测评日期",
      "二次交办日期",
      "二次答复日期",
      "办理期限",
    ]);
    expect(ledgerTab.columns.filter((c) => c.owner === "system").map((c) => c.header)).toEqual([
      "办理期限",
      "台账状态",
      "校验问题",
      "最近通知",
    ]);
  });

  it("derive the record type from the column cell types", () => {
    expectTypeOf<LedgerRecord["assignedOn"]>().toEqualTypeOf<string | null>();
    expectTypeOf<LedgerRecord["coSigners"]>().toEqualTypeOf<string[]>();
    expectTypeOf<LedgerRecord["review"]>().toEqualTypeOf<
      "立案" | "不予立案" | "并案" | "退回修改" | "撤回" | null
    >();
    expectTypeOf<LedgerRecord["isKey"]>().toEqualTypeOf<boolean>();
  });
});

describe("default settings", () => {
  it("list every 项目 of the spec with its default", () => {
    expect(defaultSettingRows().map(([item, value]) => [item, value])).toEqual([
      ["编号格式", "{年}-{序号:3}"],
      ["时区", "Asia/Shanghai"],
      ["类别", "经济发展,城乡建设,社会事业,教育医疗,农业农村,生态环境,监察司法,其他"],
      ["即将到期天数", "15"],
      ["到期提醒天数", "15,7,3"],
      ["逾期催办间隔天数", "7"],
      ["测评期限天数", "30"],
      ["异议期限工作日", "7"],
      ["跟踪提醒间隔天数", "90"],
      ["仅工作日发送", "是"],
      ["周报接收人", ""],
      ["测评链接", ""],
      ["会议期间", ""],
      ["办前沟通提醒天数", "15"],
      ["协办意见期限天数", "30"],
      ["延期审批提醒天数", "5"],
      ["二次办理时限", "30天"],
      ["测评权重", "按期答复率:30,满意率:40,沟通率:15,落实率:15"],
      ["测评等次", "好:90,较好:80,一般:60"],
      ["代表工委联系电话", ""],
      ["启用日期", ""],
    ]);
    expect(defaultSettingRows().every((row) => (row[2] ?? "").length > 0)).toBe(true);
  });

  it("give typed values", () => {
    expect(defaultSettings()).toMatchObject({
      dueSoonDays: 15,
      reminderDays: [15, 7, 3],
      workingDaysOnly: true,
      ratingLink: "",
    });
  });
});

describe("default notice templates", () => {
  it("cover every notice type once, each with its variants (co-units', leaders') right after it", () => {
    expect(DEFAULT_NOTICE_TEMPLATES.map((t) => t.type)).toEqual([...TEMPLATE_NAMES]);
    expect(TEMPLATE_NAMES.filter((name) => !(NOTICE_TYPES as readonly string[]).includes(name))).toEqual([
      "交办通知（协办单位）",
      "交办通知（领办领导）",
      "逾期催办（领导）",
      "交办异议处理结果（协办单位）",
    ]);
    expect(TEMPLATE_NAMES.slice(1, 4)).toEqual(["交办通知", "交办通知（协办单位）", "交办通知（领办领导）"]);
    expect(TEMPLATE_NAMES.slice(5, 7)).toEqual(["逾期催办", "逾期催办（领导）"]);
    expect(defaultTemplateRows()[0]).toEqual([
      "受理回执",
      "",
      "{{#民意转化}}民意已转化为建议{{/民意转化}}{{^民意转化}}建议已收到{{/民意转化}}：{{标题}}",
      expect.stringContaining("{{编号}}"),
      "是",
    ]);
  });

  it("use only known placeholders", () => {
    for (const template of DEFAULT_NOTICE_TEMPLATES) {
      expect(unknownPlaceholders(template.title), template.type).toEqual([]);
      expect(unknownPlaceholders(template.body), template.type).toEqual([]);
    }
  });

  it("quote the computed placeholders where they matter", () => {
    const body = (type: string) => DEFAULT_NOTICE_TEMPLATES.find((t) => t.type === type)?.body ?? "";
    expect(body("到期提醒")).toContain("{{剩余天数}}");
    expect(body("逾期催办")).toContain("{{逾期天数}}");
    expect(body("交办通知")).toContain("{{异议期限}}");
    expect(body("交办通知")).toContain(
      "{{#原主办单位}}本件原交由{{原主办单位}}主办，经调整于 {{改交日期}}改由",
    );
    expect(body("测评提醒")).toContain("{{测评链接}}");
    expect(DEFAULT_NOTICE_TEMPLATES.every((t) => t.body.startsWith("{{接收方}}"))).toBe(true);
  });

  it("accept sections and comments but flag typos", () => {
    expect(unknownPlaceholders("{{#协办单位}}协办：{{协办单位}}{{/协办单位}}{{! 备注 }}{{{标题}}}")).toEqual(
      [],
    );
    expect(unknownPlaceholders("{{编 号}} {{剩余天数}")).toEqual(["{{编 号}}", "未闭合的 {{"]);
  });
});

describe("form question aliases", () => {
  it.each([
    ["建议标题", "标题"],
    ["代表姓名", "领衔代表"],
    ["附议人", "附议代表"],
    ["建议内容（必填）", "内容摘要"],
    ["* 建议类别：", "类别"],
    ["标题", "标题"],
    ["提出日期", "提出日期"],
    // A reply or rating form's question naming the suggestion it answers.
    ["建议编号", "编号"],
    ["答复时间", "答复日期"],
  ])("maps %j to %s", (question, header) => {
    expect(headerForQuestion(question)).toBe(header);
  });

  it("maps unknown questions to nothing", () => {
    expect(headerForQuestion("您的联系电话")).toBeNull();
  });
});
