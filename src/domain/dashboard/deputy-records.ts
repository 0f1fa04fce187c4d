import type { DeputyRecord } from "../../../sheets-schema/tabs/directory";
import { type DirectoryEntry, nameKey } from "../directory";
import { isExcellent } from "../evaluation/excellent";
import { isFormerDeputy } from "../former-deputy";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { type CsvCell, toCsv } from "./csv";
import { byId, type SuggestionRef, suggestionRef, suggestionRows } from "./suggestion-ref";
import { isClosed, yearOfRow } from "./year-report";

/** One line of the deputies' records (代表履职档案). */
export interface DeputyRecordRow {
  readonly name: string;
  readonly delegation: string;
  readonly group: string;
  /** Suggestions this deputy led (领衔), whatever the review result. */
  readonly led: number;
  /** Suggestions this deputy co-signed (附议). */
  readonly coSigned: number;
  /** Led suggestions accepted (立案). */
  readonly ledAccepted: number;
  /**
   * Led suggestions 立案 and finished (已办结) as the year report judges one (carried-over.ts's
   * `finished`: by the latest rating and 落实情况), not by 台账状态: a suggestion marked 跨年督办 = 是
   * keeps that status once rated 满意, and it is finished all the same. As its 已办结 (`isClosed`): a
   * row with an 错误 in a counted field (an unreadable 答复日期) is in no figure.
   */
  readonly ledClosed: number;
  /** Led suggestions marked 优秀建议 = 是 (practice.md, Deputy records). */
  readonly excellent: number;
  /** Ratings this deputy gave on led suggestions (满意度 and 二次满意度 each count). */
  readonly ratingsGiven: number;
  /** Not in the 代表 tab (a name typed in the ledger only; also a 校验问题). */
  readonly unlisted: boolean;
  /** A deputy of a former term (代表's 备注 上届, isFormerDeputy); absent in records stored before it. */
  readonly former?: boolean;
}

export interface DeputyDetail {
  readonly row: DeputyRecordRow;
  readonly entry: DirectoryEntry<DeputyRecord> | null;
  readonly led: readonly SuggestionRef[];
  readonly coSigned: readonly SuggestionRef[];
  /** Led suggestions marked 优秀建议. */
  readonly excellent: readonly SuggestionRef[];
}

interface Tally {
  name: string;
  led: EvaluatedRow[];
  co: EvaluatedRow[];
}

/**
 * Which rows count: of the deputy with name key `name` alone when given (one page needs one), and
 * of the suggestions submitted in `year` (yearOfRow, as the year report counts them) when given.
 */
interface Only {
  readonly name?: string;
  readonly year?: number | null;
}

/** Each deputy's rows, as `only` narrows them; every deputy of the 代表 tab still has a line. */
function tallies(evaluation: EvaluatedLedger, only: Only = {}): Map<string, Tally> {
  const map = new Map<string, Tally>();
  const wanted = (key: string) => only.name === undefined || key === only.name;
  const year = only.year ?? null;
  for (const entry of evaluation.deputies.entries) {
    const key = nameKey(entry.name);
    if (wanted(key)) map.set(key, { name: entry.name, led: [], co: [] });
  }
  const at = (name: string): Tally | null => {
    const key = nameKey(name);
    if (!wanted(key)) return null;
    let tally = map.get(key);
    if (!tally) {
      tally = { name, led: [], co: [] };
      map.set(key, tally);
    }
    return tally;
  };
  for (const row of suggestionRows(evaluation)) {
    // The year is picked in this pass: no pass more over the rows for it.
    if (year !== null && yearOfRow(row) !== year) continue;
    if (row.record.leadDeputy) at(row.record.leadDeputy)?.led.push(row);
    const lead = nameKey(row.record.leadDeputy);
    const seen = new Set<string>();
    for (const co of row.record.coSigners) {
      const key = nameKey(co);
      // A co-signer written twice, or the lead again (a 校验问题), counts once and not as 附议.
      if (key === lead || seen.has(key)) continue;
      seen.add(key);
      at(co)?.co.push(row);
    }
  }
  return map;
}

function recordRow(evaluation: EvaluatedLedger, tally: Tally): DeputyRecordRow {
  const entry = evaluation.deputies.find(tally.name);
  const accepted = tally.led.filter((r) => r.record.review === "立案");
  return {
    name: tally.name,
    delegation: entry?.record.delegation ?? "",
    group: entry?.record.group ?? "",
    led: tally.led.length,
    coSigned: tally.co.length,
    ledAccepted: accepted.length,
    ledClosed: accepted.filter(isClosed).length,
    excellent: tally.led.filter((r) => isExcellent(r.record)).length,
    ratingsGiven: tally.led.reduce(
      (n, r) => n + (r.record.rating ? 1 : 0) + (r.record.secondRating ? 1 : 0),
      0,
    ),
    unlisted: !entry,
    former: isFormerDeputy(entry?.record.notes),
  };
}

/**
 * Every deputy of the 代表 tab in tab order, then names found only in the ledger; counting the
 * suggestions submitted in `year` only when given (null: every year).
 */
export function deputyRecords(evaluation: EvaluatedLedger, year: number | null = null): DeputyRecordRow[] {
  return [...tallies(evaluation, { year }).values()].map((t) => recordRow(evaluation, t));
}

/**
 * One deputy's record: suggestions led and co-signed (of `year` only when given). Null when the
 * name is nowhere (a deputy of the 代表 tab with nothing that year still has a record).
 */
export function deputyDetail(
  evaluation: EvaluatedLedger,
  name: string,
  year: number | null = null,
): DeputyDetail | null {
  const key = nameKey(name.trim());
  const tally = tallies(evaluation, { name: key, year }).get(key);
  if (!tally) return null;
  const today = evaluation.today;
  return {
    row: recordRow(evaluation, tally),
    entry: evaluation.deputies.find(tally.name) ?? null,
    led: tally.led.map((r) => suggestionRef(r, today)).sort(byId),
    coSigned: tally.co.map((r) => suggestionRef(r, today)).sort(byId),
    excellent: tally.led
      .filter((r) => isExcellent(r.record))
      .map((r) => suggestionRef(r, today))
      .sort(byId),
  };
}

/** The export's header: the records table's columns as the page heads them. */
export const DEPUTY_RECORDS_HEADER = [
  "姓名",
  "代表团",
  "专业小组",
  "领衔",
  "附议",
  "领衔立案",
  "领衔办结",
  "优秀建议",
  "测评",
  "不在代表表中",
] as const;

/** The records as a CSV file (UTF-8 with BOM): the header, then one line per deputy as the page lists them. */
export function deputyRecordsCsv(rows: readonly DeputyRecordRow[]): string {
  const lines: CsvCell[][] = rows.map((r) => [
    r.name,
    r.delegation,
    r.group,
    r.led,
    r.coSigned,
    r.ledAccepted,
    r.ledClosed,
    r.excellent,
    r.ratingsGiven,
    r.unlisted ? "是" : "",
  ]);
  return toCsv([DEPUTY_RECORDS_HEADER, ...lines]);
}
