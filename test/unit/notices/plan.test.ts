import { describe, expect, it } from "vitest";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, planAt, runDaily, summary } from "./helpers";

/** Assigned Monday 2026-03-02, three months: 办理期限 2026-06-02 (a Tuesday, a working day). */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局、区卫健委",
  交办日期: "2026-03-02",
};
const REPLIED: LedgerCells = { ...ASSIGNED, 答复日期: "2026-05-20", 答复类别: "B" };
const SATISFIED_B: LedgerCells = { ...REPLIED, 满意度: "满意", 测评日期: "2026-05-25", 落实情况: "推进中" };

describe("planning notices: the day each one is due", () => {
  it("sends 交办通知 to the lead unit and each co-unit on the assignment day, over each unit's channel", () => {
    expect(summary(planAt([ASSIGNED], "2026-03-02"))).toEqual([
      "交办通知 2026-001 → 区教育局 (email)",
      "交办通知 2026-001 → 区住建局 (wecom)",
      "交办通知 2026-001 → 区卫健委 (dingtalk)",
    ]);
  });

  it("keys a notice by type, 编号, round, occurrence, recipient and channel", () => {
    const [first] = planAt([ASSIGNED], "2026-03-02").notices;
    expect(first?.key).toBe("交办通知|2026-001|r1|2026-03-02|区教育局|email");
  });

  it("sends 到期提醒 15, 7 and 3 days before 办理期限 and 逾期催办 from the first working day after it", () => {
    expect(runDaily([ASSIGNED], "2026-05-01", "2026-06-24")).toEqual([
      "2026-05-18 到期提醒 2026-001 → 区教育局 d15@2026-05-18",
      "2026-05-26 到期提醒 2026-001 → 区教育局 d7@2026-05-26",
      // 2026-05-30 is a Saturday: the 3-day reminder waits for Monday.
      "2026-06-01 到期提醒 2026-001 → 区教育局 d3@2026-05-30",
      "2026-06-03 逾期催办 2026-001 → 区教育局 n1@2026-06-03",
      "2026-06-10 逾期催办 2026-001 → 区教育局 n2@2026-06-10",
      "2026-06-17 逾期催办 2026-001 → 区教育局 n3@2026-06-17",
      "2026-06-24 逾期催办 2026-001 → 区教育局 n4@2026-06-24",
    ]);
  });

  it("stops reminders once a reply is entered, and tells the deputy instead", () => {
    expect(runDaily([REPLIED], "2026-05-19", "2026-06-10")).toEqual([
      "2026-05-20 答复告知 2026-001 → 张明 -",
    ]);
  });

  it("does not tell the deputy of a reply he or she has already rated: no 答复告知 asking for a rating given", () => {
    // Reply and 不满意 rating entered the same day, before that day's run.
    const rated = { ...REPLIED, 满意度: "不满意", 测评日期: "2026-05-20" };
    expect(runDaily([rated], "2026-05-19", "2026-06-30")).toEqual([]);
    // Rated the day after the reply, on a day the reply's run was missed: the catch-up sends nothing.
    const late = { ...REPLIED, 满意度: "基本满意", 测评日期: "2026-05-21" };
    expect(runDaily([late], "2026-05-21", "2026-06-30", { skip: ["2026-05-20"] })).toEqual([]);
    // Unrated, the deputy is told and asked to rate.
    const [told] = planAt([REPLIED], "2026-05-20").notices;
    expect(told?.body).toBe(
      "张明代表：您领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）已由区教育局作出答复，答复为 B 类（正在解决或列入计划）。请对办理情况进行测评。",
    );
  });

  it("tells the deputy of a round-2 reply unless the 二次满意度 is already in", () => {
    const second = {
      ...REPLIED,
      答复类别: "C",
      满意度: "不满意",
      测评日期: "2026-05-25",
      二次交办日期: "2026-06-01",
      二次答复日期: "2026-06-23",
      二次答复类别: "B",
    };
    const sent = ["答复告知|2026-001|r1|-|张明|email", "二次交办通知|2026-001|r2|-|区教育局|email"];
    const days = (cells: LedgerCells) =>
      runDaily([cells], "2026-06-19", "2026-06-30", { existingKeys: sent }).filter((l) =>
        l.includes("答复告知"),
      );
    expect(days(second)).toEqual(["2026-06-23 答复告知 2026-001 → 张明 -"]);
    expect(days({ ...second, 二次满意度: "满意" })).toEqual([]);
  });

  it("tells the 督办领导 of a key suggestion too, as the 代表 of that name", () => {
    const key = { ...ASSIGNED, 重点建议: "是", 督办领导: "刘主任" };
    expect(summary(planAt([key], "2026-06-03"))).toEqual([
      "逾期催办 2026-001 → 区教育局 (email)",
      "逾期催办 2026-001 → 刘主任 (email)",
    ]);
  });

  it("reaches a 督办领导 who is no 代表 through the 周报接收人", () => {
    const key = { ...ASSIGNED, 重点建议: "是", 督办领导: "孙副主任" };
    const plan = planAt([key], "2026-06-03", { settings: [["周报接收人", "dbc@example.gov.cn"]] });
    expect(summary(plan)).toContain("逾期催办 2026-001 → 周报接收人（代孙副主任） (email)");
    expect(plan.notices.find((n) => n.recipient === "周报接收人（代孙副主任）")?.address).toBe(
      "dbc@example.gov.cn",
    );
  });

  it("sends 测评提醒 30 days after an unrated reply, a holiday's on the next working day", () => {
    // 2026-06-19 is 端午: the reminder due that day waits for Monday 2026-06-22.
    expect(
      runDaily([REPLIED], "2026-06-01", "2026-06-30", {
        existingKeys: ["答复告知|2026-001|r1|-|张明|email"],
      }),
    ).toEqual(["2026-06-22 测评提醒 2026-001 → 张明 -"]);
    const told = { existingKeys: ["答复告知|2026-001|r1|-|张明|email"] };
    expect(runDaily([SATISFIED_B], "2026-06-01", "2026-06-30", told)).toEqual([]);
  });

  it("sends 二次交办通知 to the lead unit when 二次交办日期 appears, then round-2 reminders", () => {
    const second = {
      ...REPLIED,
      答复类别: "C",
      答复内容: "受财力所限",
      满意度: "不满意",
      测评日期: "2026-05-25",
      二次交办日期: "2026-06-01",
    };
    // Round 2 ends 30 days later, 2026-07-01.
    expect(
      runDaily([second], "2026-06-01", "2026-07-02", { existingKeys: ["答复告知|2026-001|r1|-|张明|email"] }),
    ).toEqual([
      "2026-06-01 二次交办通知 2026-001 → 区教育局 -",
      "2026-06-16 到期提醒 2026-001 → 区教育局 d15@2026-06-16",
      "2026-06-24 到期提醒 2026-001 → 区教育局 d7@2026-06-24",
      "2026-06-29 到期提醒 2026-001 → 区教育局 d3@2026-06-28",
      "2026-07-02 逾期催办 2026-001 → 区教育局 n1@2026-07-02",
    ]);
    expect(planAt([second], "2026-06-16").notices.find((n) => n.type === "到期提醒")?.key).toBe(
      "到期提醒|2026-001|r2|d15@2026-06-16|区教育局|email",
    );
  });

  it("the 二次交办通知 tells the unit what the deputy found wanting, from the rating's 测评意见 in 备注", () => {
    const second = {
      ...REPLIED,
      满意度: "不满意",
      测评日期: "2026-05-25",
      二次交办日期: "2026-06-01",
      备注: "会前调研\n测评意见（张明）：补贴标准没有提高，只是列入计划",
    };
    const notice = planAt([second], "2026-06-01").notices.find((n) => n.type === "二次交办通知");
    expect(notice?.body).toBe(
      "区教育局：张明代表对建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）的办理结果不满意，" +
        "代表的意见是：“补贴标准没有提高，只是列入计划”，现予二次交办。请重新研究办理，于 2026年7月1日前再次答复代表。",
    );
    const silent = { ...second, 备注: "会前调研" };
    expect(planAt([silent], "2026-06-01").notices.find((n) => n.type === "二次交办通知")?.body).toContain(
      "的办理结果不满意，现予二次交办。",
    );
  });

  it("答复日期填了但无法识别时，不再发到期提醒和逾期催办，改为给工作人员一条错误", () => {
    const mistyped = { ...ASSIGNED, 答复日期: "5月20日", 答复类别: "A" };
    // With no reply at all, the unit gets these in the same span (a first run catches up d15).
    expect(runDaily([ASSIGNED], "2026-05-21", "2026-06-24").map((line) => line.slice(11, 15))).toEqual([
      ...["到期提醒", "到期提醒", "到期提醒"],
      ...["逾期催办", "逾期催办", "逾期催办", "逾期催办"],
    ]);
    expect(runDaily([mistyped], "2026-05-21", "2026-06-24")).toEqual([]);
    const evaluation = evaluateAt([mistyped], "2026-06-03");
    expect(evaluation.rows[0]?.computed.problems).toBe(
      "[错误] 答复日期：“5月20日”不是可识别的日期：请写成 2026-03-02、2026/3/2、2026.3.2 或 2026年3月2日（须含年份）；在改正之前，系统无法判断是否已答复，到期提醒和逾期催办暂停发送",
    );
    // Fixed, it is a reply like any other: the deputy is told, within the catch-up horizon.
    expect(runDaily([{ ...mistyped, 答复日期: "2026-05-20" }], "2026-06-03", "2026-06-03")).toEqual([
      "2026-06-03 答复告知 2026-001 → 张明 -",
    ]);
  });

  it("答复类别在而答复日期空着（如整列被误清空）：不再催办，提醒工作人员补上或从版本记录恢复；只有满意度的照常催办", () => {
    const replied = { ...ASSIGNED, 答复类别: "A", 答复内容: "已解决" };
    expect(runDaily([replied], "2026-05-21", "2026-06-24")).toEqual([]);
    expect(runDaily([{ ...replied, 满意度: "满意" }], "2026-05-21", "2026-06-24")).toEqual([]);
    // A 满意度 alone rates no reply (typed on the wrong row, say): the unit is owed its reminders.
    expect(runDaily([{ ...ASSIGNED, 满意度: "满意" }], "2026-06-24", "2026-06-24")).toEqual([
      "2026-06-24 逾期催办 2026-001 → 区教育局 n4@2026-06-24",
    ]);
    expect(evaluateAt([replied], "2026-06-03").rows[0]?.computed.problems).toBe(
      "[提醒] 答复日期：填写了答复类别，但没有答复日期：请补上答复日期（如整列被误清空，可用表格的“文件 → 版本记录”恢复）；在补上之前，系统按已答复处理，到期提醒和逾期催办暂停发送",
    );
  });

  it("二次答复日期无法识别时，第二轮的提醒同样暂停", () => {
    const second = {
      ...REPLIED,
      答复类别: "C",
      答复内容: "受财力所限",
      满意度: "不满意",
      测评日期: "2026-05-25",
      二次交办日期: "2026-06-01",
      二次答复日期: "6月20号",
    };
    const sent = ["答复告知|2026-001|r1|-|张明|email", "二次交办通知|2026-001|r2|-|区教育局|email"];
    expect(runDaily([second], "2026-06-02", "2026-07-10", { existingKeys: sent })).toEqual([]);
    expect(evaluateAt([second], "2026-07-02").rows[0]?.computed.problems).toContain(
      "[错误] 二次答复日期：“6月20号”不是可识别的日期",
    );
  });

  it("sends 跟踪提醒 every 90 days after a B-class reply the deputy was satisfied with, until 已落实", () => {
    const sent = ["答复告知|2026-001|r1|-|张明|email"];
    expect(runDaily([SATISFIED_B], "2026-05-21", "2026-12-31", { existingKeys: sent })).toEqual([
      "2026-08-18 跟踪提醒 2026-001 → 区教育局 n1",
      "2026-11-16 跟踪提醒 2026-001 → 区教育局 n2",
    ]);
    expect(
      runDaily([{ ...SATISFIED_B, 落实情况: "已落实" }], "2026-05-21", "2026-12-31", { existingKeys: sent }),
    ).toEqual([]);
  });

  it("sends the 督办周报 on the first working day of each week to every 周报接收人", () => {
    const settings = [
      ["周报接收人", "dbc@example.gov.cn,https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ld"],
    ] as const;
    const lines = runDaily([], "2026-02-09", "2026-03-08", { settings });
    expect(lines).toEqual([
      "2026-02-09 督办周报 - → dbc@example.gov.cn w2026-02-09",
      "2026-02-09 督办周报 - → https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ld w2026-02-09",
      // 春节 covers the whole week of 2026-02-16; the next week starts on Tuesday 2026-02-24.
      "2026-02-24 督办周报 - → dbc@example.gov.cn w2026-02-24",
      "2026-02-24 督办周报 - → https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ld w2026-02-24",
      "2026-03-02 督办周报 - → dbc@example.gov.cn w2026-03-02",
      "2026-03-02 督办周报 - → https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ld w2026-03-02",
    ]);
    expect(planAt([], "2026-02-24", { settings }).notices[1]?.channel).toBe("wecom");
  });

  it("sends a 受理回执 to the lead deputy of a suggestion that arrived by form", () => {
    const arrivals = [
      {
        suggestionId: "2026-009",
        receivedOn: "2026-03-03",
        cells: { 领衔代表: "李华", 标题: "关于增设公交站点的建议" },
      },
    ];
    const plan = planAt([], "2026-03-03", { arrivals });
    expect(summary(plan)).toEqual(["受理回执 2026-009 → 李华 (email)"]);
    expect(plan.notices[0]?.body).toContain("《关于增设公交站点的建议》已收到，编号 2026-009");
  });
});

describe("planning notices: exactly once", () => {
  it("plans nothing already in the outbox, whatever channel it went by", () => {
    const first = planAt([ASSIGNED], "2026-03-02");
    expect(
      planAt([ASSIGNED], "2026-03-02", { existingKeys: first.notices.map((n) => n.key) }).notices,
    ).toEqual([]);
    // 区教育局 was told by e-mail; its 通知渠道 changed since: it is not told again.
    const plan = planAt([ASSIGNED], "2026-03-03", {
      existingKeys: ["交办通知|2026-001|r1|2026-03-02|区教育局|feishu"],
    });
    expect(summary(plan)).toEqual([
      "交办通知 2026-001 → 区住建局 (wecom)",
      "交办通知 2026-001 → 区卫健委 (dingtalk)",
    ]);
  });

  it("plans nothing on a rest day when 仅工作日发送 = 是, and everything when it is 否", () => {
    const saturday = { ...ASSIGNED, 交办日期: "2026-03-07" };
    expect(planAt([saturday], "2026-03-07")).toMatchObject({ restDay: true, notices: [] });
    expect(planAt([saturday], "2026-03-07", { settings: [["仅工作日发送", "否"]] }).notices).toHaveLength(3);
    expect(runDaily([saturday], "2026-03-07", "2026-03-10").map((l) => l.slice(0, 10))).toEqual([
      "2026-03-09",
      "2026-03-09",
      "2026-03-09",
    ]);
  });

  it("catches up missed runs once, sending only the latest of several passed offsets", () => {
    const skip = [
      "2026-05-18",
      "2026-05-19",
      "2026-05-20",
      "2026-05-21",
      "2026-05-22",
      "2026-05-25",
      "2026-05-26",
    ];
    expect(runDaily([ASSIGNED], "2026-05-01", "2026-06-02", { skip })).toEqual([
      "2026-05-27 到期提醒 2026-001 → 区教育局 d7@2026-05-26",
      "2026-06-01 到期提醒 2026-001 → 区教育局 d3@2026-05-30",
    ]);
  });

  it("does not flood units on the first run over an old ledger: nothing older than 30 days", () => {
    // 提出日期 before it: one after it (the rows' default 2026-01-10) holds the notices (an 错误).
    const old = { ...ASSIGNED, 提出日期: "2026-01-02", 交办日期: "2026-01-05" };
    expect(planAt([old], "2026-02-05").notices).toEqual([]);
    expect(planAt([old], "2026-02-04").notices.map((n) => n.type)).toEqual([
      "交办通知",
      "交办通知",
      "交办通知",
    ]);
    // Months overdue on the first run: one 逾期催办 (the current one), not one per week missed.
    expect(runDaily([old], "2026-06-01", "2026-06-02")).toEqual([
      "2026-06-01 逾期催办 2026-001 → 区教育局 n8@2026-06-01",
    ]);
  });

  it("moves the reminders when 到期提醒天数 changes", () => {
    const reminders = (setting: string) =>
      runDaily([ASSIGNED], "2026-05-01", "2026-06-02", { settings: [["到期提醒天数", setting]] });
    expect(reminders("10,1")).toEqual([
      // 2026-05-23 is a Saturday.
      "2026-05-25 到期提醒 2026-001 → 区教育局 d10@2026-05-23",
      "2026-06-01 到期提醒 2026-001 → 区教育局 d1@2026-06-01",
    ]);
    expect(reminders("20")).toEqual(["2026-05-13 到期提醒 2026-001 → 区教育局 d20@2026-05-13"]);
  });
});

describe("planning notices: recipients that cannot be reached", () => {
  it("reports a unit without a channel instead of dropping its notice silently", () => {
    const plan = planAt([{ ...ASSIGNED, 主办单位: "区水利局", 协办单位: "" }], "2026-03-02");
    expect(plan.notices).toEqual([]);
    expect(plan.unreachable).toEqual([
      {
        type: "交办通知",
        suggestionId: "2026-001",
        recipient: "区水利局",
        reason: "在『承办单位』表中没有可用的通知渠道",
      },
    ]);
  });

  it("sends over every channel a unit lists", () => {
    const plan = planAt([{ ...ASSIGNED, 主办单位: "区民政局", 协办单位: "" }], "2026-03-02");
    expect(summary(plan)).toEqual([
      "交办通知 2026-001 → 区民政局 (email)",
      "交办通知 2026-001 → 区民政局 (webhook)",
    ]);
  });

  it("skips a notice type whose template has 启用 = 否", () => {
    const templates = [["交办通知", "", "标题", "正文", "否"]];
    expect(planAt([ASSIGNED], "2026-03-02", { templates })).toMatchObject({ notices: [], disabled: 3 });
  });
});
