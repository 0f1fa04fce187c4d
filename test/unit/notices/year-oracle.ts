import { buildCalendar } from "../../../src/domain/calendar";
import { addDaysIso } from "../../../src/domain/civil-date";
import { daysBetween, firstRoundDeadline, secondRoundDeadline } from "../../../src/domain/deadlines";
import { DIGEST_TO, type Story, YEAR_DEPUTIES } from "./year-ledger";

/**
 * The notices the spec's table asks for, computed forward day by day and independently of the
 * planner: each occurrence goes out at the first run on or after its day at which it still applies,
 * unless a later occurrence of the same notice fell due by then (only the latest is sent), or 30
 * days have passed. The 逾期催办 are spaced instead: each at least 逾期催办间隔天数 after the last
 * one sent (spaced).
 */
export interface OracleOptions {
  runDays: ReadonlySet<string>;
  reminderDays: readonly number[];
}

const HORIZON_DAYS = 30;
const calendar = buildCalendar();
const seen = (day: string | null, today: string) => day !== null && day <= today;

interface Occ {
  occ: string;
  due: string;
}

function sendDay(
  occs: readonly Occ[],
  i: number,
  applies: (day: string) => boolean,
  opts: OracleOptions,
  lastDay: string | null = null,
): string | null {
  const current = occs[i] as Occ;
  const next = occs[i + 1];
  for (let day = current.due; day <= addDaysIso(current.due, HORIZON_DAYS); day = addDaysIso(day, 1)) {
    if (day > "2026-12-31" || (lastDay && day > lastDay)) return null;
    if (next && next.due <= day) return null;
    if (opts.runDays.has(day) && applies(day)) return day;
  }
  return null;
}

function series(
  out: string[],
  opts: OracleOptions,
  label: (o: Occ) => string,
  recipients: readonly string[],
  occs: readonly Occ[],
  applies: (day: string) => boolean,
  lastDay: string | null = null,
) {
  for (let i = 0; i < occs.length; i += 1) {
    const day = sendDay(occs, i, applies, opts, lastDay);
    if (!day) continue;
    for (const to of recipients) out.push(`${day} ${label(occs[i] as Occ)} → ${to}`);
  }
}

/**
 * A series spaced from the last one sent (逾期催办): the first goes out at the first run on or after
 * `first`, each next at the first run at least `days` after the one before it, so a late one (after
 * missed runs or a holiday) moves the rest. Keyed `n<k>@<day>`, k the grid interval the day is in.
 */
function spaced(
  out: string[],
  opts: OracleOptions,
  label: (occ: string) => string,
  recipients: readonly string[],
  first: string,
  days: number,
  applies: (day: string) => boolean,
) {
  let last: string | null = null;
  for (let day = first; day <= "2026-12-31"; day = addDaysIso(day, 1)) {
    if (last !== null && daysBetween(last, day) < days) continue;
    if (!opts.runDays.has(day) || !applies(day)) continue;
    const occ = `n${Math.floor(daysBetween(first, day) / days) + 1}@${day}`;
    for (const to of recipients) out.push(`${day} ${label(occ)} → ${to}`);
    last = day;
  }
}

function every(first: string, days: number, until = "2026-12-31"): Occ[] {
  const out: Occ[] = [];
  for (let n = 1, due = first; due <= until; n += 1, due = addDaysIso(first, (n - 1) * days))
    out.push({ occ: `n${n}`, due });
  return out;
}

function handlingRound(
  out: string[],
  s: Story,
  round: 1 | 2,
  start: string,
  due: string,
  replied: string | null,
  o: OracleOptions,
) {
  const offsets = [...new Set(o.reminderDays)].sort((a, b) => b - a);
  const reminders = offsets
    .map((k) => ({ occ: `d${k}@${addDaysIso(due, -k)}`, due: addDaysIso(due, -k) }))
    .filter((x) => x.due > start);
  const open = (day: string) => !seen(replied, day);
  series(out, o, (x) => `到期提醒 ${s.id} r${round} ${x.occ}`, [s.leadUnit], reminders, open, due);
  // A 督办领导 who is no 代表 (孙副主任) is reached through the 周报接收人, recorded as theirs.
  const supervisor =
    s.supervisor && !YEAR_DEPUTIES.includes(s.supervisor) ? `周报接收人（代${s.supervisor}）` : s.supervisor;
  const escalate = supervisor ? [s.leadUnit, supervisor] : [s.leadUnit];
  // Each 逾期催办 at least 7 days (逾期催办间隔天数) after the one before, not on a fixed grid.
  const first = calendar.nextWorkingDay(due);
  spaced(out, o, (occ) => `逾期催办 ${s.id} r${round} ${occ}`, escalate, first, 7, open);
}

function replyRound(
  out: string[],
  s: Story,
  round: 1 | 2,
  replied: string,
  rated: string | null,
  o: OracleOptions,
) {
  // A reply date typed without its year is no date: the deputy is told once staff fix it, unless
  // the rating is in by then (the deputy has the reply; nothing asks for a rating given).
  const readableFrom = round === 1 ? addDaysIso(replied, s.replyTypoDays) : replied;
  series(
    out,
    o,
    () => `答复告知 ${s.id} r${round} -`,
    [s.deputy],
    [{ occ: "-", due: replied }],
    (day) => day >= readableFrom && !seen(rated, day),
  );
  const rate = [{ occ: "-", due: addDaysIso(replied, 30) }];
  series(
    out,
    o,
    () => `测评提醒 ${s.id} r${round} -`,
    [s.deputy],
    rate,
    (day) => !seen(rated, day),
  );
}

/** Expected "day type 编号 r<round> occurrence → recipient" lines for the year. */
export function expectedNotices(stories: readonly Story[], o: OracleOptions): string[] {
  const out: string[] = [];
  for (const s of stories) {
    if (s.byForm)
      series(
        out,
        o,
        () => `受理回执 ${s.id} r1 -`,
        [s.deputy],
        [{ occ: "-", due: s.submittedOn }],
        () => true,
      );
    if (s.review !== "立案" || !s.assignedOn) continue;
    const a1 = s.assignedOn;
    const d1 = firstRoundDeadline(a1, s.period, calendar).due;
    const units = [s.leadUnit, ...s.coUnits];
    series(
      out,
      o,
      () => `交办通知 ${s.id} r1 ${a1}`,
      units,
      [{ occ: a1, due: a1 }],
      (day) => !seen(s.repliedOn, day),
    );
    handlingRound(out, s, 1, a1, d1, s.repliedOn, o);
    if (s.repliedOn) replyRound(out, s, 1, s.repliedOn, s.ratedOn, o);
    if (s.reassignedOn) {
      const a2 = s.reassignedOn;
      const d2 = secondRoundDeadline(a2, 30, calendar).due;
      const open = (day: string) => !seen(s.secondRepliedOn, day);
      series(out, o, () => `二次交办通知 ${s.id} r2 -`, [s.leadUnit], [{ occ: "-", due: a2 }], open);
      handlingRound(out, s, 2, a2, d2, s.secondRepliedOn, o);
      if (s.secondRepliedOn) replyRound(out, s, 2, s.secondRepliedOn, s.secondRatedOn, o);
    }
    if (s.replyClass === "B" && s.repliedOn && s.rating && s.rating !== "不满意") {
      const followUps = every(addDaysIso(s.repliedOn, 90), 90);
      const track = (day: string) => seen(s.ratedOn, day) && !seen(s.implementedOn, day);
      series(out, o, (x) => `跟踪提醒 ${s.id} r1 ${x.occ}`, [s.leadUnit], followUps, track);
    }
  }
  const weeks: Occ[] = [];
  for (let monday = "2025-12-29"; monday <= "2026-12-31"; monday = addDaysIso(monday, 7)) {
    for (let k = 0; k < 7; k += 1) {
      const day = addDaysIso(monday, k);
      if (calendar.isWorkingDay(day)) {
        weeks.push({ occ: `w${day}`, due: day });
        break;
      }
    }
  }
  series(
    out,
    o,
    (x) => `督办周报 - r1 ${x.occ}`,
    DIGEST_TO,
    weeks,
    () => true,
  );
  return out.sort();
}
