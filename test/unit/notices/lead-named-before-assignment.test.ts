import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { addDaysIso } from "../../../src/domain/civil-date";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import {
  attachSightings,
  CATCH_UP_DAYS,
  isLeadChange,
  lateNoticeIds,
  leadChangesOnly,
  leadWatchIds,
  type Sighting,
} from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, NOTICE_UNITS, noticeTabs, unitRows } from "./helpers";

/**
 * 2026-132 waits for 交办 (待交办) with 主办单位 区教育局 typed ahead of time and no 交办日期. On
 * Tuesday 2026-12-08 a clerk names 区住建局 instead and types 交办日期 2026-12-07 in the same edit:
 * the sync sees both in one run. 区教育局 was never assigned the suggestion and never told of it.
 */
const TYPED_AHEAD: LedgerCells = {
  编号: "2026-132",
  标题: "关于改造老旧小区雨污管网的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
};
const EDITED_ON = "2026-12-08";
const EDITED_AT = `${EDITED_ON}T02:00:00.000Z`;

/** 区住建局's robot left blank until `from`: no usable channel (its 交办通知 cannot go). */
const noHousingChannel = NOTICE_UNITS.map((u) =>
  u[0] === "区住建局" ? (["区住建局", "", "wecom", ""] as const) : u,
);

interface Scenario {
  /** The row as the sheet holds it on `day`. */
  readonly rowOn: (day: string) => LedgerCells;
  /** What the audit trail answers on `day` (SnapshotStore.filledSince, within its window). */
  readonly trail: readonly Sighting[];
  /** The first day of the catch-up window 主办单位's change makes the run ask the outbox from. */
  readonly assignedOn: string;
}

/**
 * The notices run every day as plan-steps runs it (the sightings of the part, the outbox keys of the
 * catch-up window, and all since 交办 on a day a 主办单位 change is seen), 区住建局 reachable on the
 * days `reachable` says: the notices as they went out.
 */
function run(
  scenario: Scenario,
  from: string,
  to: string,
  reachable: (day: string) => boolean = () => true,
): { day: string; notice: PlannedNotice }[] {
  const outbox = new Map<string, string>();
  const sent: { day: string; notice: PlannedNotice }[] = [];
  const localDay = (iso: string) => iso.slice(0, 10);
  for (const day of daysBetweenInclusive(from, to)) {
    const tabs = {
      ...noticeTabs([scenario.rowOn(day)]),
      ...practiceTabs(),
      ...(reachable(day) ? {} : { [TAB_NAMES.units]: unitRows(noHousingChannel) }),
    };
    const evaluation = evaluateLedger({ tabs, today: day });
    const late = lateNoticeIds(evaluation.rows, day, evaluation.settings.coOpinionDays);
    const asked = new Set([...late, ...leadWatchIds(evaluation.rows)]);
    const since = addDaysIso(day, -CATCH_UP_DAYS - 1);
    const found = scenario.trail.filter((s) => asked.has(s.id) && localDay(s.at) <= day && s.at >= since);
    const kept = leadChangesOnly(found, late, localDay);
    attachSightings(evaluation.rows, kept, localDay);
    const keysSince = kept.some(isLeadChange) ? scenario.assignedOn : addDaysIso(day, -CATCH_UP_DAYS);
    const existingKeys = [...outbox].flatMap(([key, dueOn]) => (dueOn >= keysSince ? [key] : []));
    for (const notice of planNotices({ today: day, evaluation, existingKeys, arrivals: [] }).notices) {
      if (outbox.has(notice.key)) continue;
      outbox.set(notice.key, notice.dueOn);
      sent.push({ day, notice });
    }
  }
  return sent;
}

const assignmentsTo = (sent: ReturnType<typeof run>, unit: string) =>
  sent.filter(({ notice }) => notice.type === "交办通知" && notice.recipient === unit);

/** BE: 区教育局 typed ahead, 区住建局 named and 交办日期 typed (the day before) in one edit. */
const namedBeforeAssignment: Scenario = {
  rowOn: (day) =>
    day < EDITED_ON ? TYPED_AHEAD : { ...TYPED_AHEAD, 主办单位: "区住建局", 交办日期: "2026-12-07" },
  trail: [
    { id: "2026-132", cell: "主办单位", at: EDITED_AT, before: "区教育局", after: "区住建局" },
    { id: "2026-132", cell: "交办日期", at: EDITED_AT },
  ],
  assignedOn: "2026-12-07",
};

describe("a 主办单位 changed before the suggestion was assigned", () => {
  it("sends the unit named an ordinary 交办通知, not one saying it took over from the unit typed ahead", () => {
    const sent = run(namedBeforeAssignment, "2026-12-01", "2026-12-10");
    const told = assignmentsTo(sent, "区住建局");
    expect(told.map(({ day }) => day)).toEqual([EDITED_ON]);
    expect(told[0]?.notice.body).toContain("交你单位主办。主办单位：区住建局；");
    expect(told[0]?.notice.body).not.toContain("原交由");
    expect(told[0]?.notice.body).not.toContain("改由你单位主办");
    expect(told[0]?.notice.body).toContain("交办日期 2026年12月7日");
  });

  it("tells the unit typed ahead nothing: it was never told of the suggestion, there is nothing to correct", () => {
    const sent = run(namedBeforeAssignment, "2026-12-01", "2026-12-31");
    expect(sent.filter(({ notice }) => notice.recipient === "区教育局")).toEqual([]);
  });

  it("tells the unit named, in a reminder's 【首次通知】, that the suggestion was given it, not taken over", () => {
    // 区住建局 unreachable until its 交办通知 (due 12-08) is past the catch-up window: its 沟通提醒
    // is its first word of the suggestion.
    const sent = run(namedBeforeAssignment, "2026-12-01", "2027-01-15", (day) => day >= "2027-01-08");
    const first = sent.find(({ notice }) => notice.recipient === "区住建局");
    expect(first?.notice.type).not.toBe("交办通知");
    expect(first?.notice.body).toContain("【首次通知】");
    expect(first?.notice.body).toContain("（编号 2026-132）于 2026年12月8日交你单位主办");
    expect(first?.notice.body).not.toContain("原交由");
  });

  it("counts a unit named before its 交办日期 came (one typed for a later day) as not assigned either", () => {
    // 交办日期 2026-12-10 typed on 12-01 with 区教育局: its 交办通知 is due 12-10. On 12-08 the clerk
    // names 区住建局: 区教育局 was never told, 区住建局 is given it on 12-10 like any unit.
    const scenario: Scenario = {
      rowOn: (day) => ({
        ...TYPED_AHEAD,
        交办日期: "2026-12-10",
        主办单位: day < EDITED_ON ? "区教育局" : "区住建局",
      }),
      trail: [
        { id: "2026-132", cell: "交办日期", at: "2026-12-01T02:00:00.000Z" },
        { id: "2026-132", cell: "主办单位", at: EDITED_AT, before: "区教育局", after: "区住建局" },
      ],
      assignedOn: "2026-12-10",
    };
    const sent = run(scenario, "2026-12-01", "2026-12-20");
    const told = assignmentsTo(sent, "区住建局");
    expect(told.map(({ day }) => day)).toEqual(["2026-12-10"]);
    expect(told[0]?.notice.body).toContain("交你单位主办。主办单位：区住建局；");
    expect(told[0]?.notice.body).not.toContain("原交由");
    expect(sent.filter(({ notice }) => notice.recipient === "区教育局")).toEqual([]);
  });

  it("still tells a unit named in place of one that was assigned and told that it takes over, from the day named", () => {
    // 交办日期 2026-12-07 typed that day with 区教育局, told on 12-07; 区住建局 named on 12-08.
    const scenario: Scenario = {
      rowOn: (day) => ({
        ...TYPED_AHEAD,
        交办日期: "2026-12-07",
        主办单位: day < EDITED_ON ? "区教育局" : "区住建局",
      }),
      trail: [
        { id: "2026-132", cell: "交办日期", at: "2026-12-07T02:00:00.000Z" },
        { id: "2026-132", cell: "主办单位", at: EDITED_AT, before: "区教育局", after: "区住建局" },
      ],
      assignedOn: "2026-12-07",
    };
    const sent = run(scenario, "2026-12-07", "2026-12-10");
    const told = assignmentsTo(sent, "区住建局");
    expect(told.map(({ day }) => day)).toEqual([EDITED_ON]);
    expect(told[0]?.notice.body).toContain(
      "交你单位主办。本件原交由区教育局主办，经调整于 2026年12月8日改由你单位主办，办理期限仍自交办日期起算。",
    );
    const replaced = sent.filter(({ notice }) => notice.recipient === "区教育局").map(({ day }) => day);
    expect(replaced).toEqual(["2026-12-07", EDITED_ON]);
  });
});
