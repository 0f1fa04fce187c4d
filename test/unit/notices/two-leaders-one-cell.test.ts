import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { recipientRows } from "../../../src/domain/links/recipient-rows";
import { planNotices } from "../../../src/domain/notices/plan";
import { noticeRecipientProblems } from "../../../src/domain/notices/recipient-problems";
import { asStandIn, resolveRecipient, standInRecipient } from "../../../src/domain/notices/recipients";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { keySuggestion, noticeTabs, type SettingsRows } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局 (three months: 2026-06-02), a key suggestion. */
const KEY = keySuggestion({ 督办领导: "赵晓梅副主任、陈建平副主任" });
const LEADERS = [
  { 姓名: "赵晓梅副主任", 类型: "督办", 邮箱: "zxm@example.gov.cn" },
  { 姓名: "陈建平副主任", 类型: "督办", 邮箱: "cjp@example.gov.cn" },
  { 姓名: "王建国副区长", 类型: "领办", 邮箱: "wjg@example.gov.cn" },
  { 姓名: "李卫东副区长", 类型: "领办", 邮箱: "lwd@example.gov.cn" },
  { 姓名: "钱国栋主任", 类型: "督办" },
];
const DIGEST: SettingsRows = [["周报接收人", "dbc@example.gov.cn"]];

function evaluate(rows: LedgerCells[], today: string, settings: SettingsRows = []) {
  const tabs = { ...noticeTabs(rows, settings), ...practiceTabs({ leaders: LEADERS }) };
  return evaluateLedger({ tabs, today });
}

function plan(rows: LedgerCells[], today: string, settings: SettingsRows = []) {
  return planNotices({ today, evaluation: evaluate(rows, today, settings), existingKeys: [], arrivals: [] });
}

const leaderProblems = (rows: LedgerCells[]) =>
  evaluate(rows, "2026-03-02")
    .problems.filter((p) => p.column === "督办领导" || p.column === "领办领导")
    .map((p) => `${p.level} ${p.message}`);

describe("一格填两位领导（赵晓梅副主任、陈建平副主任）", () => {
  it("重点建议逾期后，两位督办领导各自经本人的邮箱收到一份写给本人的逾期催办", () => {
    const overdue = plan([KEY], "2026-06-09", DIGEST).notices.filter((n) => n.type === "逾期催办");
    expect(overdue.map((n) => [n.recipient, n.address, n.key])).toEqual([
      ["区教育局", "jyj@example.gov.cn", "逾期催办|2026-135|r1|n1@2026-06-09|区教育局|email"],
      ["赵晓梅副主任", "zxm@example.gov.cn", "逾期催办|2026-135|r1|n1@2026-06-09|赵晓梅副主任|email"],
      ["陈建平副主任", "cjp@example.gov.cn", "逾期催办|2026-135|r1|n1@2026-06-09|陈建平副主任|email"],
    ]);
    expect(overdue[1]?.body).toMatch(/^赵晓梅副主任：张明代表领衔提出的建议/);
    expect(overdue[2]?.body).toMatch(/^陈建平副主任：/);
  });

  it("两位领办领导各自收到交办通知；同一人既督办又领办时逾期催办只收一份", () => {
    const led = { ...KEY, 领办领导: "王建国副区长，李卫东副区长", 督办领导: "赵晓梅副主任、王建国副区长" };
    const assigned = plan([led], "2026-03-02").notices.filter((n) => n.type === "交办通知");
    expect(assigned.map((n) => [n.recipient, n.address])).toEqual([
      ["区教育局", "jyj@example.gov.cn"],
      ["王建国副区长", "wjg@example.gov.cn"],
      ["李卫东副区长", "lwd@example.gov.cn"],
    ]);
    expect(assigned[1]?.body).toMatch(/^王建国副区长：.*由您领办/);
    const overdue = plan([led], "2026-06-09").notices.filter((n) => n.type === "逾期催办");
    expect(overdue.map((n) => n.recipient)).toEqual([
      "区教育局",
      "赵晓梅副主任",
      "王建国副区长",
      "李卫东副区长",
    ]);
  });

  it("两位都在『领导』表中且有邮箱时，不提示“没有可用的通知渠道”，也没有错误", () => {
    const led = { ...KEY, 领办领导: "王建国副区长、李卫东副区长" };
    expect(noticeRecipientProblems(evaluate([led], "2026-03-02"))).toEqual([]);
    expect(leaderProblems([led])).toEqual([]);
  });

  it("不在『领导』表（也不在『代表』表）中的那一位单独报错误，点出其姓名", () => {
    const led = { ...KEY, 督办领导: "赵晓梅副主任、孙志强副主任", 领办领导: "王建国副区长、周副区长" };
    expect(leaderProblems([led])).toEqual([
      "错误 领办领导“周副区长”不在『领导』表中：请核对姓名，或先在『领导』表中添加（类型 领办）",
      "错误 督办领导“孙志强副主任”不在『领导』表中，也不在『代表』表中：请核对姓名，或先在『领导』表中添加（类型 督办）",
    ]);
    // A 督办领导 who is a 代表 (刘主任) is reached as one: no 错误.
    expect(leaderProblems([{ ...KEY, 督办领导: "赵晓梅副主任、刘主任" }])).toEqual([]);
  });

  it("没有可用渠道的那一位，提醒只点出其本人", () => {
    const problems = noticeRecipientProblems(
      evaluate([{ ...KEY, 督办领导: "赵晓梅副主任、钱国栋主任" }], "2026-03-02"),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^督办领导“钱国栋主任”在『领导』表和『代表』表中/),
    ]);
  });

  it("每位领导的个人链接页都列出这条建议", () => {
    const rows = evaluate([{ ...KEY, 领办领导: "王建国副区长、李卫东副区长" }], "2026-03-02").rows;
    const listed = (name: string) => recipientRows(rows, "leader", name).map((r) => [r.row.id, r.relation]);
    expect(listed("赵晓梅副主任")).toEqual([["2026-135", "supervisor"]]);
    expect(listed("陈建平副主任")).toEqual([["2026-135", "supervisor"]]);
    expect(listed("李卫东副区长")).toEqual([["2026-135", "handling"]]);
    expect(listed("赵晓梅")).toEqual([]);
  });
});

describe("转至周报接收人的领导通知写明是代转", () => {
  const book = (settings: SettingsRows) => {
    const ev = evaluate([KEY], "2026-06-09", settings);
    return {
      units: ev.units,
      deputies: ev.deputies,
      leaders: ev.leaders,
      digestRecipients: ev.settings.digestRecipients,
    };
  };

  it("『领导』表中没有渠道的领导：转周报接收人，注明应发给谁、为什么、请转告", () => {
    const resolved = resolveRecipient({ kind: "leader", name: "钱国栋主任" }, book(DIGEST));
    expect(resolved).toMatchObject({
      ok: true,
      keyName: "钱国栋主任",
      targets: [{ channel: "email", address: "dbc@example.gov.cn" }],
      standIn: { leader: "钱国栋主任", reason: "在『领导』表中没有可用的通知渠道" },
    });
    const standIn = resolved.ok ? resolved.standIn : undefined;
    expect(standIn && standInRecipient(standIn)).toBe("周报接收人（代钱国栋主任）");
    expect(asStandIn({ title: "代表建议逾期未答复：2026-135", body: "钱国栋主任：……" }, standIn)).toEqual({
      title: "【代转】代表建议逾期未答复：2026-135",
      body: "【代转】本通知应发给钱国栋主任，因其在『领导』表中没有可用的通知渠道，现转至周报接收人：请转告本人，并在『领导』表中为其填写邮箱或机器人地址。\n\n钱国栋主任：……",
    });
  });

  it("两张表里都没有的领导说明原因；找得到本人渠道的领导不是代转", () => {
    const missing = resolveRecipient({ kind: "leader", name: "孙志强副主任" }, book(DIGEST));
    expect(missing.ok && missing.standIn?.reason).toBe("不在『领导』表中，也不在『代表』表中");
    const reached = resolveRecipient({ kind: "leader", name: "赵晓梅副主任" }, book(DIGEST));
    expect(reached.ok && reached.standIn).toBeUndefined();
    const notice = { title: "t", body: "b" };
    expect(asStandIn(notice, undefined)).toBe(notice);
  });
});
