import { LEDGER_STATUSES } from "../../../sheets-schema/enums";
import { byCodePoint } from "../compare-text";
import {
  type DigestFigures,
  type DigestItem,
  type DigestList,
  digestFigures,
  shortList,
} from "../notices/digest";
import { noticeRows } from "../notices/plan";
import { type StatisticsRow, Tally } from "../statistics";
import type { EvaluatedRow } from "../summary/evaluated";

/**
 * One part's share of the 督办周报's figures (a plain JSON value, stored with the part): the digest
 * of its own rows without the office-wide total, which only the whole 统计 has. Each list keeps what
 * shortList keeps (its first DIGEST_LIST_MAX by due date, the 重点建议 after them) and the whole
 * count, as the merged list does.
 */
export type DigestPart = Omit<DigestFigures, "total">;

/** What the part's digest is worked out with: a part has no office-wide total (the merge takes it). */
const NO_TOTAL: StatisticsRow = new Tally().row("合计");

/**
 * The part's share of the digest. `duplicated`: the 编号 more than one row holds anywhere in the
 * ledger (a notice names none of them, so neither do the digest's lists; 台账状态 counts them, as the
 * overview does).
 */
export function digestPart(rows: readonly EvaluatedRow[], duplicated: ReadonlySet<string>): DigestPart {
  const { total: _total, ...share } = digestFigures(noticeRows(rows, duplicated), NO_TOTAL, rows);
  return share;
}

/** digest.ts's order of a list: by due date, then by 编号 (a notice row's 编号 is unique). */
function byDue(a: DigestItem, b: DigestItem): number {
  return byCodePoint(a.dueDate, b.dueDate) || byCodePoint(a.id, b.id);
}

function mergeList(lists: readonly DigestList[]): DigestList {
  return {
    count: lists.reduce((n, list) => n + list.count, 0),
    // Each share kept its first DIGEST_LIST_MAX and the 重点建议 after them: every one the whole
    // ledger's list keeps is among them (a part's DIGEST_LIST_MAXth falls no earlier than the whole's).
    shown: shortList(lists.flatMap((list) => list.shown).sort(byDue), (item) => item.isKey === true),
  };
}

/**
 * The digest's figures as the finish stores them (digestFigures of the rows a notice may name, the
 * ledger's rows counted) from every part's share and 统计's office-wide `total`.
 */
export function mergeDigest(parts: readonly DigestPart[], total: StatisticsRow): DigestFigures {
  const counts = new Map<string, number>();
  for (const part of parts)
    for (const [status, n] of part.counts) counts.set(status, (counts.get(status) ?? 0) + n);
  return {
    ...digestFigures([], total),
    counts: LEDGER_STATUSES.map((status) => [status, counts.get(status) ?? 0] as const).filter(
      ([, n]) => n > 0,
    ),
    overdue: mergeList(parts.map((part) => part.overdue)),
    dueSoon: mergeList(parts.map((part) => part.dueSoon)),
    unrated: mergeList(parts.map((part) => part.unrated)),
    // A share an older build stored has none (its counts left them out too).
    unlisted: parts.reduce((n, part) => n + (part.unlisted ?? 0), 0),
  };
}
