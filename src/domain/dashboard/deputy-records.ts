import type { DeputyRecord } from "../../../sheets-schema/tabs/directory";
import { type DirectoryEntry, nameKey } from "../directory";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { byId, type SuggestionRef, suggestionRef, suggestionRows } from "./suggestion-ref";

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
  /** Led suggestions finished (已办结). */
  readonly ledClosed: number;
  /** Led suggestions marked 优秀建议 = 是 (practice.md, Deputy records). */
  readonly excellent: number;
  /** Ratings this deputy gave on led suggestions (满意度 and 二次满意度 each count). */
  readonly ratingsGiven: number;
  /** Not in the 代表 tab (a name typed in the ledger only; also a 校验问题). */
  readonly unlisted: boolean;
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

/** Each deputy's rows; of the deputy with name key `only` alone when given (one page needs one). */
function tallies(evaluation: EvaluatedLedger, only?: string): Map<string, Tally> {
  const map = new Map<string, Tally>();
  const wanted = (key: string) => only === undefined || key === only;
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
  return {
    name: tally.name,
    delegation: entry?.record.delegation ?? "",
    group: entry?.record.group ?? "",
    led: tally.led.length,
    coSigned: tally.co.length,
    ledAccepted: tally.led.filter((r) => r.record.review === "立案").length,
    ledClosed: tally.led.filter((r) => r.computed.status === "已办结").length,
    excellent: tally.led.filter((r) => r.record.excellent === true).length,
    ratingsGiven: tally.led.reduce(
      (n, r) => n + (r.record.rating ? 1 : 0) + (r.record.secondRating ? 1 : 0),
      0,
    ),
    unlisted: !entry,
  };
}

/** Every deputy of the 代表 tab in tab order, then names found only in the ledger. */
export function deputyRecords(evaluation: EvaluatedLedger): DeputyRecordRow[] {
  return [...tallies(evaluation).values()].map((t) => recordRow(evaluation, t));
}

/** One deputy's line of the records, as deputyRecords has it. Null when the name is nowhere. */
export function deputyRecordOf(evaluation: EvaluatedLedger, name: string): DeputyRecordRow | null {
  const key = nameKey(name.trim());
  const tally = tallies(evaluation, key).get(key);
  return tally ? recordRow(evaluation, tally) : null;
}

/** One deputy's record: suggestions led and co-signed. Null when the name is nowhere. */
export function deputyDetail(evaluation: EvaluatedLedger, name: string): DeputyDetail | null {
  const key = nameKey(name.trim());
  const tally = tallies(evaluation, key).get(key);
  if (!tally) return null;
  const today = evaluation.today;
  return {
    row: recordRow(evaluation, tally),
    entry: evaluation.deputies.find(tally.name) ?? null,
    led: tally.led.map((r) => suggestionRef(r, today)).sort(byId),
    coSigned: tally.co.map((r) => suggestionRef(r, today)).sort(byId),
    excellent: tally.led
      .filter((r) => r.record.excellent === true)
      .map((r) => suggestionRef(r, today))
      .sort(byId),
  };
}
