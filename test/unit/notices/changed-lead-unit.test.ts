import { describe, expect, it } from "vitest";
import { addDaysIso } from "../../../src/domain/civil-date";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import {
  attachSightings,
  CATCH_UP_DAYS,
  CHANGED_NAME_CELLS,
  isLeadChange,
  lateNoticeIds,
  leadChangesOnly,
  leadWatchIds,
  type Sighting,
} from "../../../src/domain/notices/catch-up";
import { noticeKey } from "../../../src/domain/notices/keys";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { daysBetweenInclusive, noticeTabs } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局, three months: 办理期限 2026-06-02. */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
};

/** 主办单位 (and 协办单位) as staff left them, from each day on. */
type Edits = Record<string, Partial<Pick<LedgerCells, "主办单位" | "协办单位">>>;

function cellsOn(edits: Edits, day: string): LedgerCells {
  let cells = { ...ASSIGNED };
  for (const [from, change] of Object.entries(edits).sort()) if (from <= day) cells = { ...cells, ...change };
  return cells;
}

/**
 * The audit trail's answer (SnapshotStore.filledSince) for the edits seen in the window the notices
 * run asks about: a 主办单位 or 协办单位 changed while filled comes with its text before and after.
 */
function sightingsOf(edits: Edits, today: string, asked: readonly string[]): Sighting[] {
  const since = addDaysIso(today, -CATCH_UP_DAYS - 1);
  const out: Sighting[] = [];
  if (!asked.includes("2026-001")) return out;
  let before = cellsOn(edits, "2026-03-01");
  for (const day of Object.keys(edits).sort()) {
    if (day > today) break;
    const after = cellsOn(edits, day);
    for (const cell of CHANGED_NAME_CELLS) {
      const was = String(before[cell] ?? "");
      const now = String(after[cell] ?? "");
      if (day < since || was === now) continue;
      const at = `${day}T02:00:00.000Z`;
      if (was === "") out.push({ id: "2026-001", cell, at });
      else if (now !== "") out.push({ id: "2026-001", cell, at, before: was, after: now });
    }
    before = after;
  }
  return out;
}

/**
 * The notices run every working day as plan-steps runs it: the outbox keys due within the catch-up
 * window, and all of a suggestion's since 交办日期 on a day its 主办单位 was seen changed; a key
 * already in the outbox is not inserted again (ON CONFLICT). Returns the 交办通知 as they went out.
 */
function run(
  edits: Edits,
  from: string,
  to: string,
  missed: readonly string[] = [],
): { day: string; notice: PlannedNotice }[] {
  const outbox = new Map<string, string>();
  const sent: { day: string; notice: PlannedNotice }[] = [];
  for (const day of daysBetweenInclusive(from, to)) {
    if (missed.includes(day)) continue;
    const evaluation = evaluateLedger({ tabs: noticeTabs([cellsOn(edits, day)]), today: day });
    const late = lateNoticeIds(evaluation.rows, day, evaluation.settings.coOpinionDays);
    const asked = [...new Set([...late, ...leadWatchIds(evaluation.rows)])];
    const kept = leadChangesOnly(sightingsOf(edits, day, asked), late, (iso) => iso.slice(0, 10));
    attachSightings(evaluation.rows, kept, (iso) => iso.slice(0, 10));
    const since = kept.some(isLeadChange) ? "2026-03-02" : addDaysIso(day, -CATCH_UP_DAYS);
    const existingKeys = [...outbox].flatMap(([key, dueOn]) => (dueOn >= since ? [key] : []));
    for (const n of planNotices({ today: day, evaluation, existingKeys, arrivals: [] }).notices) {
      if (outbox.has(n.key)) continue;
      outbox.set(n.key, n.dueOn);
      if (n.type === "交办通知") sent.push({ day, notice: n });
    }
  }
  return sent;
}

const told = (sent: ReturnType<typeof run>) =>
  sent.map(
    ({ day, notice }) =>
      `${day} → ${notice.recipient}: ${notice.title.startsWith("【更正】") ? "更正" : "交办"}`,
  );

describe("a 主办单位 staff change after the 交办通知 went out", () => {
  it("tells the new unit on the day the change is seen, with the ledger's 办理期限, and the old unit it need do nothing", () => {
    // Seven weeks after 交办 (past the catch-up window), the 交办异议 agreed: 区卫健委 handles it.
    const sent = run({ "2026-04-20": { 主办单位: "区卫健委" } }, "2026-03-02", "2026-05-29");
    expect(told(sent)).toEqual([
      "2026-03-02 → 区教育局: 交办",
      "2026-04-20 → 区卫健委: 交办",
      "2026-04-20 → 区教育局: 更正",
    ]);
    const toNew = sent.find((s) => s.notice.recipient === "区卫健委")?.notice;
    expect(toNew?.body).toContain("2026年6月2日");
    expect(toNew?.body).not.toContain("更正");
    const toOld = sent.find((s) => s.day === "2026-04-20" && s.notice.recipient === "区教育局")?.notice;
    expect(toOld?.body).toMatch(
      /^区教育局：【更正】本件现改由区卫健委主办，此前给你单位的交办通知作废，请以本通知为准。\n建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）已改由区卫健委主办，你单位无需再办理/,
    );
  });

  it("tells a unit changed back and forth of each change once, and nothing on the days between", () => {
    const sent = run(
      {
        "2026-04-20": { 主办单位: "区卫健委" },
        "2026-04-27": { 主办单位: "区教育局" },
        "2026-05-06": { 主办单位: "区卫健委" },
      },
      "2026-03-02",
      "2026-05-29",
    );
    expect(told(sent)).toEqual([
      "2026-03-02 → 区教育局: 交办",
      "2026-04-20 → 区卫健委: 交办",
      "2026-04-20 → 区教育局: 更正",
      "2026-04-27 → 区教育局: 更正",
      "2026-04-27 → 区卫健委: 更正",
      "2026-05-06 → 区卫健委: 更正",
      "2026-05-06 → 区教育局: 更正",
    ]);
    const back = sent.find((s) => s.day === "2026-04-27" && s.notice.recipient === "区教育局")?.notice;
    expect(back?.body).toMatch(
      /^区教育局：【更正】此前通知本件改由其他单位主办，现仍由你单位主办，请以本通知为准。\n/,
    );
  });

  it("tells nothing when a mistyped unit is put back before any run", () => {
    // Typed wrong and put back before the next run (none went on 04-20): it sees both changes.
    const sent = run(
      { "2026-04-20": { 主办单位: "区卫健委" }, "2026-04-21": { 主办单位: "区教育局" } },
      "2026-03-02",
      "2026-05-29",
      ["2026-04-20"],
    );
    expect(told(sent)).toEqual(["2026-03-02 → 区教育局: 交办"]);
  });

  it("tells a co-unit made lead that it leads now, and the old lead that it is a co-unit", () => {
    const sent = run(
      {
        "2026-03-02": { 协办单位: "区卫健委" },
        "2026-03-16": { 主办单位: "区卫健委", 协办单位: "区教育局" },
      },
      "2026-03-02",
      "2026-05-29",
    );
    expect(told(sent)).toEqual([
      "2026-03-02 → 区教育局: 交办",
      "2026-03-02 → 区卫健委: 交办",
      "2026-03-16 → 区卫健委: 交办",
      "2026-03-16 → 区教育局: 更正",
    ]);
    const toOld = sent.find((s) => s.day === "2026-03-16" && s.notice.recipient === "区教育局")?.notice;
    expect(toOld?.body).toMatch(
      /^区教育局：【更正】本件现改由区卫健委主办，你单位改为协办单位，请以本通知为准。\n/,
    );
  });

  it("tells a replaced unit never told of the suggestion nothing", () => {
    // A unit typed wrong from the start, never told (no channel), corrected after 交办.
    const sent = run(
      { "2026-03-01": { 主办单位: "区水利局" }, "2026-04-20": { 主办单位: "区卫健委" } },
      "2026-03-02",
      "2026-05-29",
    );
    expect(told(sent)).toEqual(["2026-04-20 → 区卫健委: 交办"]);
  });
});

describe("many 主办单位 changed to one unit on one day", () => {
  const DAY = "2026-04-20";
  /** Twelve suggestions assigned 03-02, told then, their 主办单位 each `unitBefore(i)`, all made `after` on DAY. */
  function changeDay(unitBefore: (i: number) => string, after: string) {
    const ids = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(3, "0")}`);
    const cells = ids.map((编号, i) => ({ ...ASSIGNED, 编号, 主办单位: after, 标题: `建议${i + 1}` }));
    const evaluation = evaluateLedger({ tabs: noticeTabs(cells), today: DAY });
    const sightings: Sighting[] = ids.map((id, i) => ({
      id,
      cell: "主办单位",
      at: `${DAY}T02:00:00.000Z`,
      before: unitBefore(i),
      after,
    }));
    const late = lateNoticeIds(evaluation.rows, DAY, evaluation.settings.coOpinionDays);
    const kept = leadChangesOnly(sightings, late, (iso) => iso.slice(0, 10));
    attachSightings(evaluation.rows, kept, (iso) => iso.slice(0, 10));
    // Each unit was told of its suggestions on 03-02 (the outbox's keys of then).
    const channel = { 区教育局: "email", 区住建局: "wecom", 区交通运输局: "feishu" } as const;
    const existingKeys = ids.map((suggestionId, i) => {
      const recipient = unitBefore(i) as keyof typeof channel;
      const parts = {
        type: "交办通知",
        suggestionId,
        round: 1,
        occurrence: "2026-03-02",
        recipient,
      } as const;
      return noticeKey(parts, channel[recipient]);
    });
    const notices = planNotices({ today: DAY, evaluation, existingKeys, arrivals: [] }).notices;
    return notices.filter((n) => n.type === "交办通知").map((n) => `${n.suggestionId} → ${n.recipient}`);
  }

  it("tells no one when one unit looks pasted down the column over three units' suggestions", () => {
    const units = ["区教育局", "区住建局", "区交通运输局"];
    expect(changeDay((i) => units[i % 3] as string, "区卫健委")).toEqual([]);
  });

  it("tells each change when one unit's suggestions all go to another (a unit renamed or merged)", () => {
    const told = changeDay(() => "区教育局", "区卫健委");
    expect(told).toHaveLength(24);
    expect(told.filter((t) => t.endsWith("区卫健委"))).toHaveLength(12);
  });
});
