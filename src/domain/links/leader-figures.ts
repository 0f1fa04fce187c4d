import { daysBetween } from "../deadlines";
import { formatRate, isCountedSuggestion, itemFacts } from "../statistics";
import { statisticsItemOf } from "../statistics-items";
import type { EvaluatedRow } from "../summary/evaluated";
import { AWAITING_REPLY } from "./row-actions";

/**
 * How a leader's (督办, 领办) suggestions are going, by the definitions of the unit's 办理情况
 * (unitFiguresOf, statistics.ts): 立案 suggestions with a 主办单位, a row with an 错误 in a counted
 * column left out and counted apart; 已答复 = round-1 replies, 满意率 = (满意 + 基本满意) ÷ rated on
 * the latest round's rating. 按期 and 逾期 split the round-1 replies by that round's 办理期限 (a
 * reply on the due day is on time), as the 已逾期 the leader's page showed before the reply.
 */
export interface LeaderFigures {
  /** Round-1 replies, and of them those on or before round 1's 办理期限 and those after it. */
  readonly replied: number;
  readonly onTime: number;
  readonly late: number;
  /** Rated on the latest round, and of them 满意 or 基本满意; the rate as the 统计 tab writes it. */
  readonly rated: number;
  readonly satisfactionRate: string;
  /** Replied and awaiting the deputy's rating (台账状态 待测评). */
  readonly awaitingRating: number;
  /** Left out of the figures above for an 错误 in a counted column (excludedNote). */
  readonly excluded: number;
}

/** The figures of a leader's listed suggestions (the rows as the link reads them). */
export function leaderFiguresOf(rows: readonly EvaluatedRow[], today: string): LeaderFigures {
  let replied = 0;
  let onTime = 0;
  let rated = 0;
  let satisfied = 0;
  let awaitingRating = 0;
  let excluded = 0;
  for (const row of rows) {
    if (!isCountedSuggestion(row.record)) continue;
    const item = statisticsItemOf(row);
    if (item.excluded) {
      excluded += 1;
      continue;
    }
    const facts = itemFacts(item, today);
    if (facts.replied) {
      replied += 1;
      if (item.firstDue && (row.record.repliedOn as string) <= item.firstDue) onTime += 1;
    }
    if (facts.rated) rated += 1;
    if (facts.satisfied) satisfied += 1;
    if (row.computed.status === "待测评") awaitingRating += 1;
  }
  return {
    replied,
    onTime,
    late: replied - onTime,
    rated,
    satisfactionRate: formatRate(satisfied, rated),
    awaitingRating,
    excluded,
  };
}

/**
 * The line a leader's page says of the figures, only the parts that have data: 已答复 3 件（按期 2
 * 件，逾期 1 件），满意率 50.0%（已测评 2 件），待测评 1 件. "" when there is nothing to say yet.
 */
export function leaderFiguresText(f: LeaderFigures): string {
  const parts: string[] = [];
  if (f.replied > 0) {
    const split = [f.onTime > 0 ? `按期 ${f.onTime} 件` : "", f.late > 0 ? `逾期 ${f.late} 件` : ""]
      .filter(Boolean)
      .join("，");
    parts.push(`已答复 ${f.replied} 件${split ? `（${split}）` : ""}`);
  }
  if (f.rated > 0) parts.push(`满意率 ${f.satisfactionRate}（已测评 ${f.rated} 件）`);
  if (f.awaitingRating > 0) parts.push(`待测评 ${f.awaitingRating} 件`);
  return parts.join("，");
}

/**
 * How an answered suggestion went, as a leader's list says it: the latest round's reply against its
 * 办理期限 and the deputy's rating of it — 逾期 8 天答复 · 基本满意, 按期答复 · 待测评, 按期二次答复 ·
 * 满意. Null while a reply is awaited (the card counts down instead) and for a suggestion without a
 * reply (withdrawn, merged, not yet 交办). The round-2 limit is read as the figures read it
 * (statisticsItemOf); a reply without a known limit says only that it was answered.
 */
export function replyOutcomeText(row: EvaluatedRow): string | null {
  const { record, computed } = row;
  if (AWAITING_REPLY.has(computed.status)) return null;
  const second = Boolean(record.reassignedOn && record.secondRepliedOn);
  const repliedOn = second ? record.secondRepliedOn : record.repliedOn;
  if (!repliedOn) return null;
  const item = statisticsItemOf(row);
  const due = second ? (item.secondDue ?? null) : item.firstDue;
  const reply = second ? "二次答复" : "答复";
  const when = !due
    ? `已${reply}`
    : repliedOn <= due
      ? `按期${reply}`
      : `逾期 ${daysBetween(due, repliedOn)} 天${reply}`;
  const rating = second ? record.secondRating : record.rating;
  const rated = rating ? rating : computed.status === "待测评" ? "待测评" : "";
  return rated ? `${when} · ${rated}` : when;
}
