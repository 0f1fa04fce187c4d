import { describe, expect, it } from "vitest";
import { serialFromIso } from "../../../src/domain/civil-date";
import {
  attachSightings,
  lateNoticeIds,
  leadChangesOnly,
  leadWatchIds,
  type Sighting,
} from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, REASSIGNED_ROW, ROUND_2_TOLD_KEYS } from "./helpers";

/**
 * A new suggestion of 2026-03-06 given to 区民政局 (e-mail and bot), its 交办日期 typed 2026-02-01: a
 * slip for 2026-12-01 (or, below, for 2026-04-01).
 */
const SLIP: LedgerCells = {
  编号: "2026-140",
  标题: "关于加强社区养老服务设施建设的建议",
  提出日期: "2026-03-06",
  领衔代表: "张明",
  主办单位: "区民政局",
  交办日期: "2026-02-01",
};

/**
 * A run of the notices on `today` as plan-steps runs it: the audit trail asked about lateNoticeIds
 * and leadWatchIds, what leadChangesOnly keeps of `sightings` put on the row. Returns what 区民政局
 * gets: "type occurrence → channel", and the bodies.
 */
function unitNotices(
  cells: LedgerCells,
  today: string,
  sightings: Sighting[] = [],
  existingKeys: string[] = [],
) {
  const evaluation = evaluateAt([cells], today);
  const late = lateNoticeIds(evaluation.rows, today, evaluation.settings.coOpinionDays);
  const asked = new Set([...late, ...leadWatchIds(evaluation.rows)]);
  const localDay = (iso: string) => iso.slice(0, 10);
  const kept = leadChangesOnly(
    sightings.filter((s) => asked.has(s.id)),
    late,
    localDay,
  );
  attachSightings(evaluation.rows, kept, localDay);
  const notices = planNotices({ today, evaluation, existingKeys, arrivals: [] }).notices.filter(
    (n) => n.recipient === "区民政局",
  );
  return {
    problems: evaluation.rows[0]?.computed.problems ?? "",
    lines: notices.map((n) => `${n.type} ${n.occurrence} → ${n.channel}`),
    bodies: notices.map((n) => n.body),
    keys: notices.map((n) => n.key),
  };
}

/** The sync's audit trail: 交办日期 seen changed from `before` to `after` on `day` (dates kept as serials). */
function correction(day: string, before: string, after: string): Sighting {
  return {
    id: "2026-140",
    cell: "交办日期",
    at: `${day}T02:00:00.000Z`,
    before: String(serialFromIso(before)),
    after: String(serialFromIso(after)),
  };
}

describe("a 交办日期 before 提出日期 holds the units' notices until staff correct it", () => {
  it("presses 区民政局 for nothing while 2026-02-01 stands, and tells it of the assignment once it reads 2026-12-01", () => {
    const held = unitNotices(SLIP, "2026-12-07");
    expect(held.problems).toContain(
      "[错误] 交办日期 2026-02-01 早于提出日期 2026-03-06：请核对；在改正之前，交办通知、沟通提醒、协办提醒、到期提醒和逾期催办暂停发送",
    );
    // Before: 【首次通知】逾期催办 "已逾期 215 天", on a suggestion assigned last week.
    expect(held.lines).toEqual([]);
    const fixed = unitNotices({ ...SLIP, 交办日期: "2026-12-01" }, "2026-12-07", [
      correction("2026-12-07", "2026-02-01", "2026-12-01"),
    ]);
    expect(fixed.problems).not.toContain("交办日期");
    expect(fixed.lines).toEqual(["交办通知 2026-12-01 → email", "交办通知 2026-12-01 → webhook"]);
    expect(fixed.bodies[0]).toContain("交办日期 2026年12月1日，请于 2027年3月1日（暂定）前书面答复代表。");
    expect(fixed.bodies[0]).toContain("如对交办有异议，请于 2026年12月10日前提出。");
  });

  it("presses it as overdue by the corrected date's 逾期天数, and tells it of the assignment the day the correction is seen", () => {
    expect(unitNotices(SLIP, "2026-12-07").lines).toEqual([]);
    // A slip for 2026-04-01 (办理期限 2026-07-01), corrected on 2026-12-07: long past the catch-up
    // window, the 交办通知 goes on the day the correction is seen; the 逾期催办 counts 159 days.
    const fixed = unitNotices({ ...SLIP, 交办日期: "2026-04-01" }, "2026-12-07", [
      correction("2026-12-07", "2026-02-01", "2026-04-01"),
    ]);
    expect(fixed.lines).toEqual([
      "交办通知 2026-04-01 → email",
      "交办通知 2026-04-01 → webhook",
      "逾期催办 n23@2026-12-07 → email",
      "逾期催办 n23@2026-12-07 → webhook",
    ]);
    expect(fixed.bodies[2]).toBe(
      "区民政局：张明代表领衔提出的建议《关于加强社区养老服务设施建设的建议》（编号 2026-140）办理期限 2026年7月1日已过，已逾期 159 天，仍未答复代表。请立即办理并答复，同时书面说明逾期原因。",
    );
    // Told once: the next day's run sends no 交办通知 again.
    const next = unitNotices(
      { ...SLIP, 交办日期: "2026-04-01" },
      "2026-12-08",
      [correction("2026-12-07", "2026-02-01", "2026-04-01")],
      fixed.keys,
    );
    expect(next.lines).toEqual([]);
  });

  it("holds round 2's notices while 二次交办日期 is before 答复日期", () => {
    // 二次交办日期 2025-06-01 typed for 2026-06-01: its 办理期限 (2025-07-01) long past.
    const slip = { ...REASSIGNED_ROW, 编号: "2026-140", 主办单位: "区民政局", 二次交办日期: "2025-06-01" };
    const held = unitNotices(slip, "2026-06-08", [], ROUND_2_TOLD_KEYS);
    expect(held.problems).toContain(
      "[错误] 二次交办日期 2025-06-01 早于答复日期 2026-05-20：请核对；在改正之前，二次交办通知、到期提醒和逾期催办暂停发送",
    );
    expect(held.lines).toEqual([]);
    const fixed = unitNotices({ ...slip, 二次交办日期: "2026-06-01" }, "2026-06-08", [], ROUND_2_TOLD_KEYS);
    expect(fixed.lines).toEqual(["二次交办通知 - → email", "二次交办通知 - → webhook"]);
  });

  it("holds them too while 二次交办日期 is after 答复日期 but before the 测评日期 that called for it", () => {
    // Replied 2026-05-20, rated 不满意 2026-05-25; 二次交办日期 2026-05-22 typed for 2026-06-22. Before
    // 12-07 the unit's first word of round 2 was an 逾期催办 (办理期限 2026-06-22 past on 2026-06-23).
    const slip = { ...REASSIGNED_ROW, 编号: "2026-140", 主办单位: "区民政局", 二次交办日期: "2026-05-22" };
    const held = unitNotices(slip, "2026-06-23", [], ["二次交办通知|2026-140|r2|-|区民政局|email"]);
    expect(held.problems).toContain(
      "[错误] 二次交办日期 2026-05-22 早于测评日期 2026-05-25：请核对；在改正之前，二次交办通知、到期提醒和逾期催办暂停发送",
    );
    expect(held.lines).toEqual([]);
    const fixed = unitNotices({ ...slip, 二次交办日期: "2026-06-22" }, "2026-06-23", []);
    expect(fixed.lines).toEqual(["二次交办通知 - → email", "二次交办通知 - → webhook"]);
  });
});
