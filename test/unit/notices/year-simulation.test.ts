import { describe, expect, it } from "vitest";
import { NOTICE_TYPES } from "../../../sheets-schema/enums";
import { buildCalendar } from "../../../src/domain/calendar";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { baseKeyOf } from "../../../src/domain/notices/keys";
import { planNotices } from "../../../src/domain/notices/plan";
import type { FormArrival } from "../../../src/domain/notices/receipt-series";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import { daysBetweenInclusive, noticeTabs, type SettingsRows } from "./helpers";
import { cellsAsOf, DIGEST_TO, type Story, yearStories } from "./year-ledger";
import { expectedNotices } from "./year-oracle";

const YEAR = daysBetweenInclusive("2026-01-01", "2026-12-31");
const calendar = buildCalendar();
const stories = yearStories();
/** A week-long cron outage in spring and two missed days in autumn. */
const MISSED = new Set([...daysBetweenInclusive("2026-04-20", "2026-04-24"), "2026-09-08", "2026-09-09"]);

interface Sent {
  day: string;
  notice: PlannedNotice;
}

/** Runs the daily job on every day of 2026 (except missed ones) over the ledger as it stood that day. */
function simulate(settings: SettingsRows): Sent[] {
  const outbox = new Set<string>();
  const sent: Sent[] = [];
  const allSettings: SettingsRows = [
    ["周报接收人", DIGEST_TO.join(",")],
    ["测评链接", "https://rate.example.gov.cn/?id={{编号}}"],
    ...settings,
  ];
  for (const day of YEAR) {
    if (MISSED.has(day)) continue;
    const rows = stories.map((s) => cellsAsOf(s, day)).filter((c) => c !== null);
    const evaluation = evaluateLedger({ tabs: noticeTabs(rows, allSettings), today: day });
    const arrivals: FormArrival[] = stories
      .filter((s) => s.byForm && s.submittedOn <= day)
      .map((s: Story) => ({
        suggestionId: s.id,
        receivedOn: s.submittedOn,
        cells: { 领衔代表: s.deputy, 标题: s.title },
      }));
    const plan = planNotices({ today: day, evaluation, existingKeys: outbox, arrivals });
    for (const notice of plan.notices) {
      outbox.add(notice.key);
      sent.push({ day, notice });
    }
  }
  return sent;
}

/** "day type 编号 r<round> occurrence → recipient", once per recipient (not per channel). */
function lines(sent: readonly Sent[]): string[] {
  const out = new Set<string>();
  for (const { day, notice: n } of sent)
    out.add(`${day} ${n.type} ${n.suggestionId ?? "-"} r${n.round} ${n.occurrence} → ${n.recipient}`);
  return [...out].sort();
}

function runDays(workingDaysOnly: boolean): Set<string> {
  return new Set(YEAR.filter((d) => !MISSED.has(d) && (!workingDaysOnly || calendar.isWorkingDay(d))));
}

describe("a year of daily runs (2026, with its holidays and 调休)", () => {
  const sent = simulate([]);

  it("plans every notice of each type on its right day, as the spec's table defines it", () => {
    expect(lines(sent)).toEqual(
      expectedNotices(stories, { runDays: runDays(true), reminderDays: [15, 7, 3] }),
    );
  });

  it("plans each notice exactly once", () => {
    const keys = sent.map((s) => s.notice.key);
    expect(new Set(keys).size).toBe(keys.length);
    const bases = sent.map((s) => `${baseKeyOf(s.notice.key)}|${s.day}`);
    expect(new Set(sent.map((s) => baseKeyOf(s.notice.key))).size).toBe(new Set(bases).size);
  });

  it("covers every planned notice type many times over the year", () => {
    // 领导催办 is sent when a leader presses 催办 on the personal page, never by the daily run.
    const planned = NOTICE_TYPES.filter((t) => t !== "领导催办");
    const counts = Object.fromEntries(
      planned.map((t) => [t, sent.filter((s) => s.notice.type === t).length]),
    );
    for (const type of planned) expect(counts[type], type).toBeGreaterThanOrEqual(3);
    expect(sent.filter((s) => s.notice.type === "领导催办")).toEqual([]);
  });

  it("sends nothing on a rest day when 仅工作日发送 = 是, 调休 Saturdays included as working days", () => {
    const restDays = sent.filter((s) => calendar.isRestDay(s.day));
    expect(restDays).toEqual([]);
    expect(sent.some((s) => s.day === "2026-02-14")).toBe(true);
  });

  it("catches up what fell due during the missed runs once, on the next run", () => {
    const afterOutage = sent.filter((s) => s.day === "2026-04-27" && s.notice.dueOn < "2026-04-27");
    expect(afterOutage.length).toBeGreaterThan(0);
    expect(sent.filter((s) => MISSED.has(s.day))).toEqual([]);
  });

  it("moves the 到期提醒 when 到期提醒天数 changes", () => {
    const changed = simulate([["到期提醒天数", "10,5,1"]]);
    const reminders = (list: Sent[]) => lines(list.filter((s) => s.notice.type === "到期提醒"));
    expect(reminders(changed)).not.toEqual(reminders(sent));
    expect(changed.some((s) => s.notice.occurrence === "d5")).toBe(true);
    expect(lines(changed)).toEqual(
      expectedNotices(stories, { runDays: runDays(true), reminderDays: [10, 5, 1] }),
    );
  });

  it("sends on rest days too when 仅工作日发送 = 否", () => {
    const everyDay = simulate([["仅工作日发送", "否"]]);
    expect(everyDay.some((s) => calendar.isRestDay(s.day))).toBe(true);
    expect(lines(everyDay)).toEqual(
      expectedNotices(stories, { runDays: runDays(false), reminderDays: [15, 7, 3] }),
    );
  });
});
