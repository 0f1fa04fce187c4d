import type { LedgerStatus } from "../../../sheets-schema/enums";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
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
 * Carried over into later years (跨年督办): 跨年督办 = 是, the one rule for the year report's count
 * of the year's own (列入跨年督办), its table of earlier years' (附表) and 单位测评 (countsInYear).
 * practice.md carries over on that cell, and the cell is staff's: one filled 否 is a decision,
 * and a blank reads as 否 (the column's rule), so the figures cannot tell the two apart. Status
 * rule 8 (二次满意度 不满意 → 跨年督办) does not carry over on its own: such a row with the cell
 * blank gets a 提醒 asking staff to fill 是 or 否 (check-cross-year.ts). Nor does the status shown
 * today matter (a marked suggestion whose new reply awaits its rating shows 待测评, and it is still
 * carried over).
 */
export function isCrossYear(record: Pick<LedgerRecord, "crossYear">): boolean {
  return record.crossYear === true;
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
  return finishedRecord(row.record);
}

/** What `finished` reads of a suggestion. */
export type FinishedFields = Pick<
  LedgerRecord,
  "rating" | "secondRating" | "replyClass" | "secondRepliedOn" | "secondReplyClass" | "implementation"
>;

/** `finished`, of the record alone (as 单位测评's carried-over shares keep it). */
export function finishedRecord(r: Partial<FinishedFields>): boolean {
  const rating = r.secondRating ?? r.rating ?? "";
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
  if (row.blank || row.record.review !== "立案" || !isCrossYear(row.record)) return null;
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
