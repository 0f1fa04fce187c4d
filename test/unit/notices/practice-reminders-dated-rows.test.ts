import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, noticeTabs } from "./helpers";

/**
 * Assigned Tuesday 2026-12-01 to 区教育局 with co-unit 区卫健委: its 沟通提醒 falls due on
 * 2026-12-16 (15 days), its 协办提醒 on 2026-12-31 (30 days).
 */
const ROW: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区卫健委",
  提出日期: "2026-11-20",
  交办日期: "2026-12-01",
};

type Practice = Parameters<typeof practiceTabs>[0];

/** Daily runs from 交办 on, the outbox kept: "day type → recipient" of the given types. */
function runs(to: string, practice: Practice, types: readonly string[]): string[] {
  const outbox: string[] = [];
  const lines: string[] = [];
  for (const today of daysBetweenInclusive("2026-12-01", to)) {
    const tabs = { ...noticeTabs([ROW]), ...practiceTabs(practice) };
    const plan = planNotices({
      today,
      evaluation: evaluateLedger({ tabs, today }),
      existingKeys: outbox,
      arrivals: [],
    });
    for (const n of plan.notices) {
      outbox.push(n.key);
      if (types.includes(n.type)) lines.push(`${today} ${n.type} → ${n.recipient}`);
    }
  }
  return lines;
}

const contact = (日期: string) => ({
  编号: "2026-001",
  日期,
  阶段: "办前",
  方式: "电话",
  承办单位: "区教育局",
});
const opinion = (送达日期: string) => ({ 编号: "2026-001", 协办单位: "区卫健委", 送达日期 });

describe("沟通提醒 and a 沟通记录 row whose date is an 错误", () => {
  it("reminds the lead unit when its only 办前 contact is dated after the day of the run", () => {
    expect(runs("2026-12-18", { contacts: [contact("2026-12-20")] }, ["沟通提醒"])).toEqual([
      "2026-12-16 沟通提醒 → 区教育局",
    ]);
  });

  it("reminds the lead unit when its only 办前 contact is dated before 交办日期", () => {
    expect(runs("2026-12-18", { contacts: [contact("2026-11-25")] }, ["沟通提醒"])).toEqual([
      "2026-12-16 沟通提醒 → 区教育局",
    ]);
  });

  it("still counts a contact dated between 交办日期 and the day of the run", () => {
    for (const day of ["2026-12-01", "2026-12-16"])
      expect(runs("2026-12-18", { contacts: [contact(day)] }, ["沟通提醒"]), day).toEqual([]);
  });
});

describe("协办提醒 and a 协办意见 row whose date is wrong", () => {
  it("reminds the co-unit when its only opinion is dated after the day of the run", () => {
    expect(runs("2027-01-02", { coOpinions: [opinion("2027-01-05")] }, ["协办提醒"])).toEqual([
      "2026-12-31 协办提醒 → 区卫健委",
    ]);
  });

  it("reminds the co-unit when its only opinion is dated before 交办日期", () => {
    expect(runs("2027-01-02", { coOpinions: [opinion("2026-11-25")] }, ["协办提醒"])).toEqual([
      "2026-12-31 协办提醒 → 区卫健委",
    ]);
  });

  it("still counts an opinion delivered between 交办日期 and the day of the run", () => {
    expect(runs("2027-01-02", { coOpinions: [opinion("2026-12-31")] }, ["协办提醒"])).toEqual([]);
  });
});
