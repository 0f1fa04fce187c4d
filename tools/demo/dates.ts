import type { HandlingPeriod } from "../../sheets-schema";
import {
  addDaysIso,
  buildCalendar,
  type Calendar,
  daysBetween,
  firstRoundDeadline,
  secondRoundDeadline,
} from "../../src/domain";
import type { Prng } from "./prng";

/** Today for the demo year: the generated ledger is meant to be looked at on this day. */
export const DEMO_TODAY = "2026-11-26";
/** 十一届五次会议 of the district congress met 7–9 January 2026. */
export const CONGRESS_DAYS = ["2026-01-07", "2026-01-08", "2026-01-09"] as const;
/** The 交办会 after the congress, and a second batch a week later. */
export const ASSIGNMENT_DAYS = ["2026-02-26", "2026-03-05"] as const;
/** Default 二次办理时限天数. */
export const SECOND_ROUND_DAYS = 30;

/**
 * Dates of the demo, drawn on working days of the built-in calendar and checked against the same
 * deadline rules the sync uses (src/domain), so each row reaches the status it is written for.
 */
export class DemoDates {
  readonly calendar: Calendar = buildCalendar();

  constructor(private readonly prng: Prng) {}

  /** A working day between `from` and `to` (rolled forward, so possibly a day or two later). */
  between(from: string, to: string): string {
    const span = Math.max(0, daysBetween(from, to));
    return this.calendar.rollForward(addDaysIso(from, this.prng.int(0, span)));
  }

  /** A working day `min`–`max` days after `date`. */
  after(date: string, min: number, max: number): string {
    return this.calendar.rollForward(addDaysIso(date, this.prng.int(min, max)));
  }

  due(assignedOn: string, period: HandlingPeriod | null | undefined): string {
    return firstRoundDeadline(assignedOn, period ?? null, this.calendar).due;
  }

  secondDue(reassignedOn: string): string {
    return secondRoundDeadline(reassignedOn, SECOND_ROUND_DAYS, this.calendar).due;
  }

  /** Days from today to `date` (negative when past). */
  left(date: string): number {
    return daysBetween(DEMO_TODAY, date);
  }

  /** A reply within the period (usually a week or more before the due date) or, when `late`, after it. */
  reply(assignedOn: string, due: string, late = false): string {
    if (late) return this.after(due, 3, 25);
    const latest = addDaysIso(due, -this.prng.int(0, 12));
    return this.between(addDaysIso(assignedOn, 30), latest);
  }

  /** An assignment date whose round-1 due date lies `minLeft`–`maxLeft` days after today. */
  assignmentDue(from: string, to: string, minLeft: number, maxLeft: number, period?: HandlingPeriod): string {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const assigned = this.between(from, to);
      const left = this.left(this.due(assigned, period));
      if (left >= minLeft && left <= maxLeft) return assigned;
    }
    throw new Error(`no assignment date in ${from}..${to} gives ${minLeft}..${maxLeft} days left`);
  }
}
