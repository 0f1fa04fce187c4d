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

/** Assigned Wednesday 2026-03-04 to 区教育局 (three months: 办理期限 2026-06-04). */
const ASSIGNED_ON = "2026-03-04";
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: ASSIGNED_ON,
};

/** Monday 2026-03-30, 26 days after 交办: the 交办异议 agreed, 主办单位 becomes 区卫健委. */
const CHANGED_ON = "2026-03-30";
const CHANGED: LedgerCells = { ...ASSIGNED, 主办单位: "区卫健委" };

/** 区卫健委's 机器人地址 as staff left it blank: no usable channel. */
const NO_CHANNEL = NOTICE_UNITS.map((u) =>
  u[0] === "区卫健委" ? (["区卫健委", "", "dingtalk", ""] as const) : u,
);

/** The audit trail's answer within the window the notices run asks about (SnapshotStore.filledSince). */
function sightingsOn(day: string, asked: readonly string[]): Sighting[] {
  const since = addDaysIso(day, -CATCH_UP_DAYS - 1);
  if (day < CHANGED_ON || CHANGED_ON < since || !asked.includes("2026-001")) return [];
  return [
    {
      id: "2026-001",
      cell: "主办单位",
      at: `${CHANGED_ON}T02:00:00.000Z`,
      before: "区教育局",
      after: "区卫健委",
    },
  ];
}

/**
 * The notices run every day as plan-steps runs it (the sightings of the part, the outbox keys of
 * the catch-up window, and all since 交办 on a day a 主办单位 change is seen), with the 沟通记录 tab
 * kept and empty, 区卫健委 reachable on the days `reachable` says: the notices as they went out.
 */
function run(
  from: string,
  to: string,
  reachable: (day: string) => boolean = () => true,
  templates: unknown[][] = [],
): { day: string; notice: PlannedNotice }[] {
  const outbox = new Map<string, string>();
  const sent: { day: string; notice: PlannedNotice }[] = [];
  const localDay = (iso: string) => iso.slice(0, 10);
  for (const day of daysBetweenInclusive(from, to)) {
    const row = day < CHANGED_ON ? ASSIGNED : CHANGED;
    const tabs = {
      ...noticeTabs([row], [], templates),
      ...practiceTabs(),
      ...(reachable(day) ? {} : { [TAB_NAMES.units]: unitRows(NO_CHANNEL) }),
    };
    const evaluation = evaluateLedger({ tabs, today: day });
    const late = lateNoticeIds(evaluation.rows, day, evaluation.settings.coOpinionDays);
    const asked = [...new Set([...late, ...leadWatchIds(evaluation.rows)])];
    const kept = leadChangesOnly(sightingsOn(day, asked), late, localDay);
    attachSightings(evaluation.rows, kept, localDay);
    const since = kept.some(isLeadChange) ? ASSIGNED_ON : addDaysIso(day, -CATCH_UP_DAYS);
    const existingKeys = [...outbox].flatMap(([key, dueOn]) => (dueOn >= since ? [key] : []));
    for (const notice of planNotices({ today: day, evaluation, existingKeys, arrivals: [] }).notices) {
      if (outbox.has(notice.key)) continue;
      outbox.set(notice.key, notice.dueOn);
      sent.push({ day, notice });
    }
  }
  return sent;
}

const contactReminders = (sent: ReturnType<typeof run>) =>
  sent.filter(({ notice }) => notice.type === "沟通提醒");

describe("a 主办单位 named in place of another after 交办 and its 沟通提醒", () => {
  it("reminds the new unit 办前沟通提醒天数 after the day it was named, saying that day, not 交办日期", () => {
    const sent = run(ASSIGNED_ON, "2026-05-29");
    expect(contactReminders(sent).map(({ day, notice }) => `${day} → ${notice.recipient}`)).toEqual([
      // 交办日期 + 15 (a Thursday): the unit it was given to then.
      "2026-03-19 → 区教育局",
      // The day named + 15 (a Tuesday, a working day): not on 03-30, the day it heard of the suggestion.
      "2026-04-14 → 区卫健委",
    ]);
    const onChange = sent.filter(({ day, notice }) => day === CHANGED_ON && notice.recipient === "区卫健委");
    expect(onChange.map(({ notice }) => notice.type)).toEqual(["交办通知"]);
    const reminder = contactReminders(sent).find(({ notice }) => notice.recipient === "区卫健委")?.notice;
    expect(reminder?.body).toContain("于 2026年3月30日交你单位办理，至今没有办前联系记录");
    expect(reminder?.body).not.toContain("2026年3月4日");
    expect(reminder?.body).toContain("办理期限为 2026年6月4日");
  });

  it("tells the new unit in its 交办通知 which unit had the suggestion and since when it has it, 办理期限 unmoved", () => {
    const sent = run(ASSIGNED_ON, CHANGED_ON);
    const told = sent.filter(({ notice }) => notice.type === "交办通知" && notice.recipient === "区卫健委");
    expect(told.map(({ day }) => day)).toEqual([CHANGED_ON]);
    expect(told[0]?.notice.body).toContain(
      "交你单位主办。本件原交由区教育局主办，经调整于 2026年3月30日改由你单位主办，办理期限仍自交办日期起算。主办单位：区卫健委；",
    );
    expect(told[0]?.notice.body).toContain("交办日期 2026年3月4日，请于 2026年6月4日前书面答复代表。");
    // The unit given it on 交办日期 reads no such sentence.
    const first = sent.find(({ notice }) => notice.type === "交办通知" && notice.recipient === "区教育局");
    expect(first?.notice.body).toContain("交你单位主办。主办单位：区教育局；");
    expect(first?.notice.body).not.toContain("原交由");
  });

  it("says it too where 通知模板 still holds the previous built-in 交办通知, unedited", () => {
    const previous = [
      "交办通知",
      "",
      "代表建议交办通知：{{编号}} {{标题}}",
      "{{接收方}}：现将{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}）交你单位主办。主办单位：{{主办单位}}；协办单位：{{协办单位}}。交办日期 {{交办日期}}，请于 {{办理期限}}前书面答复代表。如对交办有异议，请于 {{异议期限}}前提出。",
      "是",
    ];
    const sent = run(ASSIGNED_ON, CHANGED_ON, () => true, [previous]);
    const told = sent.find(({ notice }) => notice.type === "交办通知" && notice.recipient === "区卫健委");
    expect(told?.notice.body).toContain("本件原交由区教育局主办，经调整于 2026年3月30日改由你单位主办");
  });

  it("tells a new unit never sent its 交办通知 the day it was named in the reminder's 【首次通知】", () => {
    // No usable channel from the change until 04-29: its 交办通知 (due 03-30) is past the catch-up
    // window by 04-30, so the 沟通提醒 (due 04-14) is the unit's first word of the suggestion.
    const sent = run(ASSIGNED_ON, "2026-05-08", (day) => day < CHANGED_ON || day >= "2026-04-30");
    const toNew = sent.filter(({ notice }) => notice.recipient === "区卫健委");
    expect(toNew.map(({ day, notice }) => `${day} ${notice.type}`)).toEqual(["2026-04-30 沟通提醒"]);
    // Which unit had it, the day it was named, and that 办理期限 still counts from 交办日期.
    expect(toNew[0]?.notice.body).toContain(
      "（编号 2026-001）原交由区教育局主办，经调整于 2026年3月30日改由你单位主办，办理期限 2026年6月4日，自交办日期 2026年3月4日起算。",
    );
    // Its 异议期限 counted from that day too (7 working days; 清明 04-04 to 04-06), as its
    // 交办通知 would have said, not from 交办日期 (2026-03-13).
    expect(toNew[0]?.notice.body).toContain("对交办提出异议的期限已于 2026年4月9日届满");
  });
});
