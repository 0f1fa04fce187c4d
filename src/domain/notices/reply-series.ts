import { addDaysIso } from "../civil-date";
import { daysBetween } from "../deadlines";
import type { EvaluatedRow } from "../summary/evaluated";
import { dueOnOrSeen } from "./catch-up";
import { type NoticeSeries, type Round, rated, roundsOf, roundView, type SeriesContext } from "./series";

/**
 * The round's reply date is before its 交办日期 (2025-03-05 typed for 2026-03-05): the same reading
 * of the same two cells as the 错误 staff are shown (notBefore in check-ledger-lifecycle.ts, ISO
 * dates compared as text). The deputy is neither told of the reply nor asked to rate it on a date
 * the ledger contradicts, nor is the unit followed up from it; all go once staff correct it, under
 * the same keys.
 */
function repliedBeforeAssigned(round: Round): boolean {
  return round.repliedOn !== null && round.repliedOn < round.start;
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

/**
 * 答复告知 (to the lead deputy once per round when its reply date appears), 测评提醒 (once per
 * round, 测评期限天数 after the reply), both only while the round's rating cell is blank and its
 * reply date is not before its 交办日期, and 跟踪提醒 of one suggestion (the same hold).
 */
export function replySeries(row: EvaluatedRow, ctx: SeriesContext): NoticeSeries[] {
  const id = row.id;
  const deputy = row.record.leadDeputy;
  const rounds = roundsOf(row);
  if (!id) return [];
  const out: NoticeSeries[] = [];
  for (const round of rounds) {
    if (!round.repliedOn || !deputy) continue;
    // Rated already (reply and rating entered before the run that would tell of the reply): the
    // deputy has the reply, and an 答复告知 would ask for a rating given. Like 测评提醒, none goes.
    // A rating typed as no choice (比较满意) is a rating too: staff correct the word, the deputy
    // is not asked again.
    if (rated(round) || repliedBeforeAssigned(round)) continue;
    const view = roundView(row, round, ctx);
    const recipients = [{ kind: "deputy", name: deputy }] as const;
    out.push(
      {
        type: "答复告知",
        suggestionId: id,
        round: round.round,
        // Due on 答复日期, or on the day the sync first saw it filled (typed late).
        occurrences: [
          {
            occurrence: "-",
            dueOn: dueOnOrSeen(round.repliedOn, row, [round.round === 2 ? "二次答复日期" : "答复日期"]),
          },
        ],
        lastDay: null,
        recipients,
        view,
      },
      {
        type: "测评提醒",
        suggestionId: id,
        round: round.round,
        occurrences: [{ occurrence: "-", dueOn: addDaysIso(round.repliedOn, ctx.settings.ratingDays) }],
        lastDay: null,
        recipients,
        view,
      },
    );
  }
  return [...out, ...followUpSeries(row, rounds, ctx)];
}
