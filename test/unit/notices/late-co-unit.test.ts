import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { attachSightings, lateNoticeIds, type Sighting } from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, noticeTabs, type SettingsRows } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局, 区住建局 co-handling (three months: 2026-06-02). */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局",
  交办日期: "2026-03-02",
};
/** Six weeks later staff add 区卫健委 to 协办单位 (Monday 2026-04-13). */
const ADDED_ON = "2026-04-13";
const WIDENED: LedgerCells = { ...ASSIGNED, 协办单位: "区住建局、区卫健委" };
const ADDED: Sighting = {
  id: "2026-001",
  cell: "协办单位",
  at: `${ADDED_ON}T02:00:00.000Z`,
  before: "区住建局",
  after: "区住建局、 区卫健委",
};

function evaluate(rows: LedgerCells[], today: string, settings: SettingsRows = []) {
  const tabs = { ...noticeTabs(rows, settings), ...practiceTabs({}) };
  return evaluateLedger({ tabs, today });
}

/** Daily notices runs, the outbox kept, the ledger widened on ADDED_ON: "day type → recipient". */
function days(from: string, to: string) {
  const outbox: string[] = [];
  const lines: string[] = [];
  const bodies = new Map<string, string>();
  for (const day of daysBetweenInclusive(from, to)) {
    const evaluation = evaluate([day < ADDED_ON ? ASSIGNED : WIDENED], day);
    // The notices run asks D1 when cells were filled for these suggestions only (plan-steps.ts).
    if (lateNoticeIds(evaluation.rows, day, evaluation.settings.coOpinionDays).includes("2026-001"))
      attachSightings(evaluation.rows, day < ADDED_ON ? [] : [ADDED], (iso) => iso.slice(0, 10));
    for (const n of planNotices({ today: day, evaluation, existingKeys: outbox, arrivals: [] }).notices) {
      outbox.push(n.key);
      if (n.type !== "交办通知" && n.type !== "协办提醒") continue;
      lines.push(`${day} ${n.type} → ${n.recipient}`);
      bodies.set(`${day} ${n.type} → ${n.recipient}`, n.body);
    }
  }
  return { lines, bodies };
}

describe("a co-unit added to 协办单位 weeks after 交办", () => {
  it("gets its 交办通知 the day it was added, its 协办意见期限 and 协办提醒 counted from then", () => {
    const { lines, bodies } = days("2026-03-02", "2026-06-01");
    expect(lines).toEqual([
      "2026-03-02 交办通知 → 区教育局",
      "2026-03-02 交办通知 → 区住建局",
      // 2026-04-01: 30 days after 交办, 区住建局 has sent no opinion.
      "2026-04-01 协办提醒 → 区住建局",
      "2026-04-13 交办通知 → 区卫健委",
      "2026-05-13 协办提醒 → 区卫健委",
    ]);
    expect(bodies.get("2026-04-13 交办通知 → 区卫健委")).toContain(
      "于 2026年5月13日前将书面协办意见送区教育局",
    );
    expect(bodies.get("2026-03-02 交办通知 → 区住建局")).toContain(
      "于 2026年4月1日前将书面协办意见送区教育局",
    );
  });
});

describe("协办意见期限 in a co-unit's 交办通知", () => {
  it("follows 设置 协办意见期限天数, rolled past a rest day", () => {
    const evaluation = evaluate([ASSIGNED], "2026-03-02", [["协办意见期限天数", "20"]]);
    const notice = planNotices({
      today: "2026-03-02",
      evaluation,
      existingKeys: [],
      arrivals: [],
    }).notices.find((n) => n.recipient === "区住建局");
    // 2026-03-22 is a Sunday: the period ends on Monday 2026-03-23.
    expect(notice?.body).toContain("于 2026年3月23日前将书面协办意见送区教育局");
  });
});
