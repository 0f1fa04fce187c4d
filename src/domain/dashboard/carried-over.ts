import type { LedgerStatus } from "../../../sheets-schema/enums";
import type { EvaluatedRow } from "../summary/evaluated";

/** A suggestion of an earlier year under cross-year supervision, as the year report lists it. */
export interface CarriedOverItem {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  readonly leadDeputy: string;
  readonly leadUnit: string;
  readonly status: LedgerStatus | "";
  /** The latest round's reply class, or "". */
  readonly replyClass: string;
  readonly implementation: string;
  /**
   * The latest round's rating, or "": with 落实情况, what `open` is worked out from, so the report
   * shows it beside 办理情况 (absent in an item stored by an older build).
   */
  readonly rating?: string;
  /** Not finished yet (see `finished`). */
  readonly open: boolean;
}

export interface CarriedOver {
  /** Last year's and, still open, earlier years' suggestions under 跨年督办, oldest first. */
  readonly items: readonly CarriedOverItem[];
  readonly open: number;
  readonly finished: number;
}

/**
 * In cross-year supervision, by the ledger's own definition: marked 跨年督办 = 是, or still 不满意
 * after the second round (status rules 8 and 9 of ledger.md), whatever its status shows today (a
 * marked suggestion whose new reply awaits its rating shows 待测评, and it is still carried over).
 */
export function isCrossYear(row: EvaluatedRow): boolean {
  return row.record.crossYear === true || row.record.secondRating === "不满意";
}

/** The latest round's rating (满意度, or 二次满意度 once given), "" without one. */
const latestRating = (row: EvaluatedRow): string => row.record.secondRating ?? row.record.rating ?? "";

/**
 * Finished: the latest rating is 满意 or 基本满意 and the latest reply is not a B still short of 已落实.
 * The status cannot tell (a suggestion marked 跨年督办 = 是 keeps that status once rated, and the
 * mark stays: it is what counts the suggestion in a later year's 单位测评), so the report's tables
 * show the rating and 落实情况 this is worked out from, not the status.
 */
export function finished(row: EvaluatedRow): boolean {
  const r = row.record;
  const rating = latestRating(row);
  if (rating !== "满意" && rating !== "基本满意") return false;
  const replyClass = r.secondRepliedOn && r.secondReplyClass ? r.secondReplyClass : r.replyClass;
  return replyClass !== "B" || r.implementation === "已落实";
}

/**
 * The row as the year report would list it among the suggestions carried over into a later year: a
 * 立案 suggestion of a known year in cross-year supervision; null for any other row.
 */
export function carriedOverItem(
  row: EvaluatedRow,
  yearOf: (row: EvaluatedRow) => number | null,
): CarriedOverItem | null {
  if (row.blank || row.record.review !== "立案" || !isCrossYear(row)) return null;
  const from = yearOf(row);
  if (from === null) return null;
  const r = row.record;
  return {
    id: row.id ?? "",
    year: from,
    title: r.title,
    leadDeputy: r.leadDeputy,
    leadUnit: r.leadUnit,
    status: row.computed.status,
    replyClass: (r.secondRepliedOn && r.secondReplyClass) || r.replyClass || "",
    implementation: r.implementation ?? "",
    rating: latestRating(row),
    open: !finished(row),
  };
}

/**
 * Of the candidates (carriedOverItem of rows in sheet order), those carried into `year`: last year's
 * all, earlier years' still open; oldest first, then by 编号.
 */
export function carriedOverOf(candidates: readonly CarriedOverItem[], year: number): CarriedOver {
  const items = candidates.filter((i) => i.year < year && (i.year >= year - 1 || i.open));
  items.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const open = items.filter((i) => i.open).length;
  return { items, open, finished: items.length - open };
}

/**
 * The suggestions carried over into `year`: 立案 suggestions of earlier years in cross-year
 * supervision, all of last year's (finished ones too: the report says how many were finished) and
 * those of earlier years still open (a suggestion finished long ago is no longer carried). The
 * ledger keeps no date of finishing, so "finished" is as of today, not as of the year's end.
 */
export function carriedOverInto(
  rows: readonly EvaluatedRow[],
  year: number,
  yearOf: (row: EvaluatedRow) => number | null,
): CarriedOver {
  const candidates: CarriedOverItem[] = [];
  for (const row of rows) {
    const item = carriedOverItem(row, yearOf);
    if (item) candidates.push(item);
  }
  return carriedOverOf(candidates, year);
}
