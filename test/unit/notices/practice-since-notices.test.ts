import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, noticeTabs, type SettingsRows } from "./helpers";

/**
 * 沟通提醒 and 协办提醒 with 设置 启用日期 2026-03-01: an open suggestion imported with its history
 * (交办 2026-02-16, before the office recorded contacts or co-units' opinions in jianyi) is not
 * reminded the day the office starts; one 交办 on 2026-03-02 is, as before.
 */
const IMPORTED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局",
  交办日期: "2026-02-16",
};
const RECORDED: LedgerCells = { ...IMPORTED, 编号: "2026-002", 交办日期: "2026-03-02" };

/** Daily runs over March, the outbox kept: "day type 编号 → recipient" for the two reminders. */
function march(settings: SettingsRows): string[] {
  const tabs = { ...noticeTabs([IMPORTED, RECORDED], settings), ...practiceTabs({}) };
  const outbox: string[] = [];
  const lines: string[] = [];
  for (const today of daysBetweenInclusive("2026-03-02", "2026-04-10")) {
    const evaluation = evaluateLedger({ tabs, today });
    for (const n of planNotices({ today, evaluation, existingKeys: outbox, arrivals: [] }).notices) {
      outbox.push(n.key);
      if (n.type === "沟通提醒" || n.type === "协办提醒")
        lines.push(`${today} ${n.type} ${n.suggestionId} → ${n.recipient}`);
    }
  }
  return lines;
}

describe("设置 启用日期与沟通提醒、协办提醒", () => {
  it("启用日期前交办的建议不发沟通提醒和协办提醒，之后交办的照常发", () => {
    expect(march([["启用日期", "2026-03-01"]])).toEqual([
      "2026-03-17 沟通提醒 2026-002 → 区教育局",
      "2026-04-01 协办提醒 2026-002 → 区住建局",
    ]);
  });

  it("启用日期留空时与以往一样，两条建议都提醒", () => {
    expect(march([])).toEqual([
      "2026-03-03 沟通提醒 2026-001 → 区教育局",
      "2026-03-17 沟通提醒 2026-002 → 区教育局",
      "2026-03-18 协办提醒 2026-001 → 区住建局",
      "2026-04-01 协办提醒 2026-002 → 区住建局",
    ]);
  });
});
