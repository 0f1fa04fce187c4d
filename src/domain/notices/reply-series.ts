import { addDaysIso } from "../civil-date";
import { daysBetween } from "../deadlines";
import type { EvaluatedRow } from "../summary/evaluated";
import { CATCH_UP_DAYS, dueOnOrSeen, replyCorrectedOn } from "./catch-up";
import { clearedRatingGraceEnd } from "./reply-cleared";
import { type NoticeSeries, type Round, rated, roundsOf, roundView, type SeriesContext } from "./series";

/**
 * The round's reply date is before its 交办日期 (2025-03-05 typed for 2026-03-05): the same reading
 * of the same two cells as the 错误 staff are shown (notBefore in check-ledger-lifecycle.ts, ISO
 * dates compared as text). The deputy is neither told of the reply nor asked to rate it on a date
 * the ledger contradicts, nor is the unit followed up from it; all go once staff correct it, under
 * the same keys: the deputy's from the day the sync saw the correction (replyCorrectedOn).
 */
function repliedBeforeAssigned(round: Round): boolean {
  return round.repliedOn !== null && round.repliedOn < round.start;
}

/**
 * The 测评提醒 of a round corrected out of a hold (replyCorrectedOn): 测评期限天数 after the day the
 * deputy was told, but no later than the last day a run still sees the correction (the notices run
 * asks the audit trail CATCH_UP_DAYS back), brought forward to a run day when rest days (a weekend, 春节)
 * fill the days between: counted from the date typed once the correction is out of sight, the reminder
 * would lie past the catch-up horizon and never go. A 测评期限天数 over CATCH_UP_DAYS is shortened so.
 */
function ratingDueAfterCorrection(toldOn: string, ctx: SeriesContext): string {
  const lastSeen = addDaysIso(toldOn, CATCH_UP_DAYS);
  const counted = addDaysIso(toldOn, ctx.settings.ratingDays);
  const runs = (day: string) => !ctx.settings.workingDaysOnly || ctx.calendar.isWorkingDay(day);
  let sentOn = counted;
  while (!runs(sentOn) && sentOn <= lastSeen) sentOn = addDaysIso(sentOn, 1);
  if (sentOn <= lastSeen) return counted;
  let due = counted;
  if (due > lastSeen) due = lastSeen;
  while (!runs(due) && due > toldOn) due = addDaysIso(due, -1);
  return due;
}

/**
 * The latest 跟踪提醒 due by today: every 跟踪提醒间隔天数 after the latest reply, while the
 * suggestion is 跟踪落实 (B class, satisfied, not 已落实). None while that reply is dated before its
 * round's 交办日期: counted from a year typed wrong (2025 for 2026) the unit would be followed up at
 * once, as if months had passed; the count starts from the date staff correct it to.
 */
function followUpSeries(row: EvaluatedRow, rounds: readonly Round[], ctx: SeriesContext): NoticeSeries[] {
  if (row.computed.status !== "跟踪落实" || !row.id) return [];
  const latest = [...rounds].reverse().find((r) => r.repliedOn);
  if (!latest?.repliedOn || repliedBeforeAssigned(latest)) return [];
  const interval = ctx.settings.followUpIntervalDays;
  const n = Math.floor(daysBetween(latest.repliedOn, ctx.today) / interval);
  if (n < 1) return [];
  return [
    {
      type: "跟踪提醒",
      suggestionId: row.id,
      round: latest.round,
      occurrences: [{ occurrence: `n${n}`, dueOn: addDaysIso(latest.repliedOn, n * interval) }],
      lastDay: null,
      recipients: [{ kind: "unit", name: row.record.leadUnit }],
      view: roundView(row, latest, ctx),
    },
  ];
}

/** The round a rating sent now would rate: the latest with a reply date, while its rating is blank. */
function roundAwaitingRating(rounds: readonly Round[]): Round | null {
  const latest = [...rounds].reverse().find((r) => r.repliedOn);
  return latest && !rated(latest) ? latest : null;
}

/**
 * 编号 of the rows whose deputy may have rated since the last sync (a round replied, its rating
 * blank): the only ones a notices run asks the inbox about (ratingSent of replySeries).
 */
export function ratingAwaitedIds(rows: readonly EvaluatedRow[]): string[] {
  return rows.flatMap((row) => (row.id && roundAwaitingRating(roundsOf(row)) ? [row.id] : []));
}

/**
 * 答复告知 (to the lead deputy once per round when its reply date appears), 测评提醒 (once per
 * round, 测评期限天数 after the reply), both only while the round's rating cell is blank (and not
 * seen cleared within the grace of reply-cleared.ts) and its reply date is not before its 交办日期,
 * and 跟踪提醒 of one suggestion (the same hold). A hold staff end by correcting the date makes
 * the 答复告知 due on the day the sync saw the correction, and the 测评提醒 测评期限天数 after it:
 * counted from the date typed, a hold longer than the catch-up window would leave the deputy asked
 * to rate a reply never told of.
 * `ratingSent`: a rating of the suggestion the ledger as of the last sync does not hold yet waits in
 * the inbox, or intake wrote it to the sheet since (awaitingSync, links/row-actions.ts). It rates the
 * round that ledger shows open, whose 答复告知 and 测评提醒 then wait: the deputy rated through her
 * link within seconds, and a run before the next sync must not ask her to rate. Held, not dropped:
 * were the rating voided (作废), both go as they would have.
 */
export function replySeries(row: EvaluatedRow, ctx: SeriesContext, ratingSent = false): NoticeSeries[] {
  const id = row.id;
  const deputy = row.record.leadDeputy;
  const rounds = roundsOf(row);
  if (!id) return [];
  const sentFor = ratingSent ? roundAwaitingRating(rounds) : null;
  const out: NoticeSeries[] = [];
  for (const round of rounds) {
    if (!round.repliedOn || !deputy) continue;
    // Rated already (reply and rating entered before the run that would tell of the reply): the
    // deputy has the reply, and an 答复告知 would ask for a rating given. Like 测评提醒, none goes.
    // A rating typed as no choice (比较满意) is a rating too: staff correct the word, the deputy
    // is not asked again. So for one she sent that the next sync will record.
    if (rated(round) || repliedBeforeAssigned(round) || round.round === sentFor?.round) continue;
    // Its rating seen cleared lately (reply-cleared.ts): staff have a few days to put it back before
    // the deputy who rated is asked to rate again; after them the deputy is asked as usual.
    if (clearedRatingGraceEnd(row, round.round, ctx.today)) continue;
    const view = roundView(row, round, ctx);
    const recipients = [{ kind: "deputy", name: deputy }] as const;
    const corrected = replyCorrectedOn(row, round.round, round.start);
    // Due on 答复日期, or on the day the sync first saw it filled (typed late), or saw it corrected.
    const typedOrSeen = dueOnOrSeen(round.repliedOn, row, [round.round === 2 ? "二次答复日期" : "答复日期"]);
    const toldOn = corrected && corrected > typedOrSeen ? corrected : typedOrSeen;
    // Corrected out of a hold, the deputy is asked to rate 测评期限天数 after being told of the reply.
    const ratingDue = corrected
      ? ratingDueAfterCorrection(toldOn, ctx)
      : addDaysIso(round.repliedOn, ctx.settings.ratingDays);
    out.push(
      {
        type: "答复告知",
        suggestionId: id,
        round: round.round,
        occurrences: [{ occurrence: "-", dueOn: toldOn }],
        lastDay: null,
        recipients,
        view,
      },
      {
        type: "测评提醒",
        suggestionId: id,
        round: round.round,
        occurrences: [{ occurrence: "-", dueOn: ratingDue }],
        lastDay: null,
        recipients,
        view,
      },
    );
  }
  return [...out, ...followUpSeries(row, rounds, ctx)];
}
