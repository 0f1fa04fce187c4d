import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { evaluateLedger } from "../../src/domain/evaluate-ledger";
import { evaluateRows, TODAY } from "./helpers/evaluate";
import { makeRow, makeTabs } from "./helpers/make-row";

const HOLIDAY_HEADER = ["日期", "类型", "说明"];
const UNIT_HEADER = ["单位名称", "联系人", "手机", "邮箱", "通知渠道", "机器人地址", "备注"];

function tabProblems(tab: string, extra: Partial<Record<string, unknown[][]>>) {
  return evaluateRows([{}], extra)
    .problems.filter((p) => p.tab === tab)
    .map(({ row, column, level, message }) => ({ row, column, level, message }));
}

function problem(row: number | null, column: string | null, level: "错误" | "提醒", text: string) {
  return { row, column, level, message: expect.stringContaining(text) };
}

describe("节假日", () => {
  it("reports a bad date, a bad 类型 and a repeated date", () => {
    const tab = [
      HOLIDAY_HEADER,
      ["2027年1月1日", "休", "元旦"],
      ["1月2日", "休", ""],
      ["2027-01-04", "放假", ""],
      ["2027-01-01", "班", ""],
    ];
    expect(tabProblems(TAB_NAMES.holidays, { [TAB_NAMES.holidays]: tab })).toEqual([
      problem(3, "日期", "错误", "“1月2日”不是可识别的日期"),
      problem(4, "类型", "错误", "请从 休 / 班 中选择"),
      problem(5, "日期", "错误", "在第 2 行已经写过"),
    ]);
  });

  it("moves deadlines with 休 rows and keeps them with 班 rows", () => {
    const row = { 主办单位: "区教育局", 交办日期: "2026-03-06" }; // + 3 months = Sat 2026-06-06
    expect(evaluateRows([row]).rows[0]?.computed.dueDate).toBe("2026-06-08");
    const work = [HOLIDAY_HEADER, ["2026-06-06", "班", "调休上班"]];
    expect(evaluateRows([row], { [TAB_NAMES.holidays]: work }).rows[0]?.computed.dueDate).toBe("2026-06-06");
    const rest = [HOLIDAY_HEADER, ["2026-06-08", "休", "地方假日"]];
    expect(evaluateRows([row], { [TAB_NAMES.holidays]: rest }).rows[0]?.computed.dueDate).toBe("2026-06-09");
  });

  it("asks staff to enter a year that deadlines need but nobody knows", () => {
    const row = { 主办单位: "区教育局", 交办日期: "2026-10-02", 提出日期: "2026-01-10" };
    const evaluation = evaluateRows([row], {}, "2026-11-01");
    expect(evaluation.unknownYears).toEqual([2027]);
    expect(evaluation.rows[0]?.computed.dueDate).toBe("2027-01-04");
    expect(evaluation.problems).toContainEqual(
      expect.objectContaining({
        tab: TAB_NAMES.holidays,
        row: null,
        level: "提醒",
        message: expect.stringContaining("2027 年的放假和调休安排尚未录入：1 件建议的办理期限为暂定期限"),
      }),
    );
    // Said once on 节假日, not on the row (its 办理期限 note says 暂定 on its own).
    expect(evaluation.rows[0]?.computed.problems).not.toContain("放假和调休安排尚未录入");
    expect(evaluation.rows[0]?.firstDeadline?.explanation).toContain("暂定");
  });
});

describe("节假日 提醒 for a year with no arrangement", () => {
  // 交办 2026-11-05 + 3 months = 2027-02-05, 除夕 of 2027.
  const row = { 主办单位: "区教育局", 交办日期: "2026-11-05", 提出日期: "2026-10-20" };
  const holidayNote = (rows: unknown[][]) =>
    evaluateRows([row], { [TAB_NAMES.holidays]: [HOLIDAY_HEADER, ...rows] }, "2026-11-20").problems.filter(
      (p) => p.tab === TAB_NAMES.holidays && p.row === null,
    );

  it("推算期限并提醒录入：说明要录入哪几天的春节才算录入", () => {
    const evaluation = evaluateRows([row], {}, "2026-11-20");
    expect(evaluation.rows[0]?.computed.dueDate).toBe("2027-02-11");
    expect(evaluation.rows[0]?.firstDeadline?.explanation).toContain("暂定");
    expect(holidayNote([])).toEqual([
      expect.objectContaining({
        level: "提醒",
        message: expect.stringContaining(
          "录入 2027 年春节 2027-02-05 至 2027-02-08 各日为 休 后，本提醒消除",
        ),
      }),
    ]);
  });

  it("录入一行（元旦）后提醒仍在，录入春节除夕至初三后提醒消除", () => {
    expect(holidayNote([["2027-01-01", "休", "元旦"]])).toHaveLength(1);
    const spring = ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"].map((d) => [d, "休", "春节"]);
    expect(holidayNote(spring.slice(1))).toHaveLength(1);
    expect(holidayNote(spring)).toEqual([]);
    const entered = evaluateRows([row], { [TAB_NAMES.holidays]: [HOLIDAY_HEADER, ...spring] }, "2026-11-20");
    expect(entered.rows[0]?.computed.dueDate).toBe("2027-02-09");
    expect(entered.rows[0]?.computed.problems).not.toContain("放假和调休安排尚未录入");
  });
});

describe("承办单位 and 代表", () => {
  it("reports duplicate and blank names", () => {
    const units = [
      UNIT_HEADER,
      ["区教育局", "甲", "", "a@example.gov.cn"],
      ["区教育局 ", "乙", "", "b@example.gov.cn"],
      ["", "丙"],
    ];
    expect(tabProblems(TAB_NAMES.units, { [TAB_NAMES.units]: units })).toEqual([
      problem(3, "单位名称", "错误", "与第 2 行重复"),
      problem(4, "单位名称", "错误", "必填"),
    ]);
  });

  it("reports unknown channels, bad addresses, and channels missing their address", () => {
    const units = [
      UNIT_HEADER,
      ["区教育局", "", "", "", "短信"],
      ["区住建局", "", "", "zjj.example.gov.cn", "email"],
      ["区卫健委", "", "", "", "wecom", "qyapi.weixin.qq.com/send"],
      ["区交通运输局", "", "", "", "email、钉钉"],
    ];
    expect(tabProblems(TAB_NAMES.units, { [TAB_NAMES.units]: units })).toEqual([
      problem(2, "通知渠道", "错误", "“短信”无法识别"),
      problem(3, "邮箱", "错误", "格式不对"),
      problem(4, "机器人地址", "错误", "https://"),
      problem(5, "邮箱", "错误", "没有填写邮箱"),
      problem(5, "机器人地址", "错误", "通知渠道含 dingtalk，但没有填写机器人地址"),
    ]);
  });

  it("infers channels from the addresses when 通知渠道 is blank", () => {
    const units = [
      UNIT_HEADER,
      ["区教育局", "", "", "a@example.gov.cn", "", "https://oapi.dingtalk.com/robot/send?access_token=x"],
    ];
    const evaluation = evaluateRows([{}], { [TAB_NAMES.units]: units });
    expect(evaluation.units.find("区教育局")?.channels).toEqual(["email", "dingtalk"]);
  });

  it("reports a bad phone number", () => {
    const deputies = [
      ["姓名", "代表团", "专业小组", "手机", "邮箱", "通知渠道", "机器人地址", "备注"],
      ["张明", "", "", "138-0013-800O"],
    ];
    expect(tabProblems(TAB_NAMES.deputies, { [TAB_NAMES.deputies]: deputies })).toEqual([
      problem(2, "手机", "错误", "电话号码"),
    ]);
  });
});

describe("tabs that cannot be read", () => {
  it("reports a missing tab and still evaluates the ledger", () => {
    const tabs = makeTabs([makeRow({})]);
    delete tabs[TAB_NAMES.units];
    const evaluation = evaluateLedger({ tabs, today: TODAY });
    expect(evaluation.tabs[TAB_NAMES.units]).toMatchObject({
      readable: false,
      reason: expect.stringContaining("找不到工作表『承办单位』"),
    });
    expect(evaluation.rows[0]?.computed.status).toBe("待交办");
  });

  it("does not read a ledger whose required header is missing", () => {
    const tabs = makeTabs([]);
    // Every header but 领衔代表: one column really gone (a header row that is mostly wrong is one
    // problem of its own, header-row-pushed-down.test.ts).
    tabs[TAB_NAMES.ledger] = [
      ledgerTab.columns.map((c) => c.header).filter((h) => h !== "领衔代表"),
      ["2026-001", "路灯"],
    ];
    const evaluation = evaluateLedger({ tabs, today: TODAY });
    expect(evaluation.tabs[TAB_NAMES.ledger].readable).toBe(false);
    expect(evaluation.rows).toEqual([]);
    expect(evaluation.problems).toContainEqual(
      expect.objectContaining({ tab: TAB_NAMES.ledger, row: 1, column: "领衔代表", level: "错误" }),
    );
  });

  it("checks the headers of system tabs the caller read", () => {
    const tabs = { ...makeTabs([]), [TAB_NAMES.statistics]: [["单位", "承办件数"]] };
    const evaluation = evaluateLedger({ tabs, today: TODAY });
    expect(evaluation.tabs[TAB_NAMES.statistics].readable).toBe(false);
    expect(evaluation.tabs[TAB_NAMES.noticeLog]).toMatchObject({ readable: false, reason: "未读取" });
  });
});
