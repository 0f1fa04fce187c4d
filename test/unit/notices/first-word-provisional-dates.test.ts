import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, NOTICE_UNITS, noticeTabs, unitRows } from "./helpers";

/**
 * Assigned Monday 2026-12-28: its 异议期限 (7 working days) and 协办意见期限 (30 days) fall in 2027,
 * whose 放假安排 the 节假日 tab does not hold, so the notices write them （暂定）.
 */
const LATE_DECEMBER: LedgerCells = {
  编号: "2026-120",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局",
  交办日期: "2026-12-28",
};

/** 区教育局's 邮箱 as staff mistyped it: no usable channel. */
const MISTYPED = NOTICE_UNITS.map((u) =>
  u[0] === "区教育局" ? (["区教育局", "jyj@example", "email", ""] as const) : u,
);

function plan(today: string, outbox: readonly string[], mistyped = false): PlannedNotice[] {
  const tabs = {
    ...noticeTabs([LATE_DECEMBER]),
    ...practiceTabs(),
    ...(mistyped ? { [TAB_NAMES.units]: unitRows(MISTYPED) } : {}),
  };
  const evaluation = evaluateLedger({ tabs, today });
  return planNotices({ today, evaluation, existingKeys: outbox, arrivals: [] }).notices;
}

const firstLine = (notice: PlannedNotice | undefined) => notice?.body.split("\n")[0];

describe("a 【首次通知】 line writes 异议期限 and 协办意见期限 （暂定） as the notices do", () => {
  it("a lead unit unreachable past its 交办通知: 异议期限 in 2027 says （暂定）, as 办理期限 beside it", () => {
    // 邮箱 mistyped from 交办 to 2027-01-28; fixed on 01-29, when the 交办通知 is past the horizon.
    const outbox: string[] = [];
    const got: PlannedNotice[] = [];
    for (const day of daysBetweenInclusive("2026-12-28", "2027-01-29")) {
      const notices = plan(day, outbox, day <= "2027-01-28");
      outbox.push(...notices.map((n) => n.key));
      got.push(...notices.filter((n) => n.recipient === "区教育局"));
    }
    expect(got.map((n) => n.type)).toEqual(["沟通提醒"]);
    expect(firstLine(got[0])).toBe(
      "区教育局：【首次通知】此前未向你单位发送本件的交办通知，现一并告知：建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-120）于 2026年12月28日交你单位主办，办理期限 2027年3月29日（暂定）。对交办提出异议的期限已于 2027年1月7日（暂定）届满；确有特殊情况，请联系代表工委。",
    );
  });

  it("a co-unit first told by its 协办提醒: 协办意见期限 in 2027 says （暂定）, as its 交办通知 would", () => {
    // First run on 2027-01-29: the 交办通知 (12-28) is past the horizon, the 协办提醒 is within it.
    const sent = plan("2027-01-29", []).filter((n) => n.type === "协办提醒");
    expect(sent.map((n) => n.recipient)).toEqual(["区住建局"]);
    expect(firstLine(sent[0])).toBe(
      "区住建局：【首次通知】此前未向你单位发送本件的协办通知，现一并告知：建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-120）于 2026年12月28日交区教育局主办、你单位协办，协办意见期限已于 2027年1月27日（暂定）届满。",
    );
  });

  it("the same dates are plain once 2027's 放假安排 is entered", () => {
    const tabs = {
      ...noticeTabs([LATE_DECEMBER]),
      ...practiceTabs(),
      [TAB_NAMES.holidays]: [
        ["日期", "类型", "说明"],
        ...["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"].map((d) => [d, "休", "春节"]),
      ],
    };
    const today = "2027-01-29";
    const evaluation = evaluateLedger({ tabs, today });
    const sent = planNotices({ today, evaluation, existingKeys: [], arrivals: [] }).notices;
    const co = sent.find((n) => n.type === "协办提醒");
    expect(firstLine(co)).toContain("协办意见期限已于 2027年1月27日届满。");
    expect(co?.body).not.toContain("暂定");
  });
});
