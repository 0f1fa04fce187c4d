import type { DeputyRecordRow } from "../dashboard/deputy-records";
import { isClosed, yearOfRow } from "../dashboard/year-report";
import { nameKey } from "../directory";
import { isExcellent } from "../evaluation/excellent";
import { isFormerDeputy } from "../former-deputy";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";

/**
 * The deputies' records (代表履职档案, deputyRecords) worked out part by part: each sync chunk
 * counts its own rows per deputy and year, and the finish adds the parts up in sheet order, then
 * orders and labels the lines by the 代表 tab: of every year, and of each year (/deputies?year=).
 */

/**
 * One deputy's counts in a part: the name as first typed there, then suggestions led, co-signed,
 * led and 立案, led and finished (立案, carried-over.ts), led and 优秀建议, and ratings given on
 * led ones. A tuple, not an object: a part of 100 rows names up to a few hundred deputies, and the
 * share is stored as JSON. Shares of an older build are lists of these (DeputiesPartBefore).
 */
export type DeputyShare = [
  name: string,
  led: number,
  coSigned: number,
  ledAccepted: number,
  ledClosed: number,
  excellent: number,
  ratingsGiven: number,
];

/**
 * A part's share of the deputies' records: every deputy its rows name, as first met there, and the
 * counts of each year's suggestions (年 of 提出日期, as the year report counts; "" for rows without
 * one). A year's counts are flat, seven numbers a deputy: the deputy's place in `names`, then a
 * DeputyShare's six counts; a name is stored once however many years a part spans.
 */
export interface DeputiesPart {
  readonly names: readonly string[];
  readonly years: Readonly<Record<string, readonly number[]>>;
}

/** A share stored by a build before the years: every year's counts together, per deputy. */
interface DeputiesPartBefore {
  readonly deputies: readonly DeputyShare[];
}

const LED = 1;
const CO_SIGNED = 2;
const LED_ACCEPTED = 3;
const LED_CLOSED = 4;
const EXCELLENT = 5;
const RATINGS_GIVEN = 6;
/** Numbers a deputy takes in a year's flat counts: its place, then the counts. */
const STRIDE = RATINGS_GIVEN + 1;

/** A deputy's share by name key, created (named as typed) when first met. */
function sharesByKey(): { at(name: string): DeputyShare; list: DeputyShare[] } {
  const byKey = new Map<string, DeputyShare>();
  const list: DeputyShare[] = [];
  return {
    list,
    at(name) {
      const key = nameKey(name);
      let share = byKey.get(key);
      if (!share) {
        share = [name, 0, 0, 0, 0, 0, 0];
        byKey.set(key, share);
        list.push(share);
      }
      return share;
    },
  };
}

/** Adds one suggestion (a row with a 编号) to the deputies it names, `shareOf` giving their shares. */
function count(row: EvaluatedRow, shareOf: (name: string) => DeputyShare): void {
  const { record } = row;
  if (record.leadDeputy) {
    const share = shareOf(record.leadDeputy);
    share[LED] += 1;
    if (record.review === "立案") {
      share[LED_ACCEPTED] += 1;
      // 办结 as the year report judges it (by the rating, not 台账状态; no 错误 in a counted field),
      // as deputyRecords counts.
      if (isClosed(row)) share[LED_CLOSED] += 1;
    }
    if (isExcellent(record)) share[EXCELLENT] += 1;
    share[RATINGS_GIVEN] += (record.rating ? 1 : 0) + (record.secondRating ? 1 : 0);
  }
  const lead = nameKey(record.leadDeputy);
  const seen = new Set<string>();
  for (const co of record.coSigners) {
    const key = nameKey(co);
    // A co-signer written twice, or the lead again (a 校验问题), counts once and not as 附议.
    if (key === lead || seen.has(key)) continue;
    seen.add(key);
    shareOf(co)[CO_SIGNED] += 1;
  }
}

/** The deputies' counts of one part's rows (suggestions with a 编号, as deputyRecords counts them). */
export function deputiesPart(rows: readonly EvaluatedRow[]): DeputiesPart {
  // Every deputy's place in the part, by first meeting; each year's shares, named by that place.
  const place = new Map<string, number>();
  const names: string[] = [];
  const byYear = new Map<string, ReturnType<typeof sharesByKey>>();
  for (const row of rows) {
    if (row.blank || !row.id) continue;
    const year = String(yearOfRow(row) ?? "");
    let ofYear = byYear.get(year);
    if (!ofYear) {
      ofYear = sharesByKey();
      byYear.set(year, ofYear);
    }
    const shares = ofYear;
    count(row, (name) => {
      const key = nameKey(name);
      if (!place.has(key)) {
        place.set(key, names.length);
        names.push(name);
      }
      return shares.at(name);
    });
  }
  const years: Record<string, number[]> = {};
  for (const [year, { list }] of byYear)
    years[year] = list.flatMap(([name, ...counts]) => [place.get(nameKey(name)) as number, ...counts]);
  return { names, years };
}

/**
 * Adds a part's counts to `totals`, deputies in the part's order: of `year` only, or (null) of every
 * year. False when the part is an older build's, which has no years (only null can be added up).
 */
function addPart(
  totals: ReturnType<typeof sharesByKey>,
  part: DeputiesPart | DeputiesPartBefore,
  year: number | null,
): boolean {
  if (!("names" in part)) {
    if (year !== null) return false;
    for (const share of part.deputies) addCounts(totals.at(share[0]), share, 0);
    return true;
  }
  if (year !== null) {
    // A year's deputies are in the order its rows first name them, as deputyRecords meets them.
    const flat = part.years[year] ?? [];
    for (let at = 0; at < flat.length; at += STRIDE)
      addCounts(totals.at(part.names[flat[at] as number] ?? ""), flat, at);
    return true;
  }
  const wanted = Object.keys(part.years);
  // One line per deputy of the part, summed over its years, then added in the order the part's rows
  // first name them (their places).
  const sums = new Map<number, DeputyShare>();
  for (const y of wanted) {
    const flat = part.years[y] ?? [];
    for (let at = 0; at < flat.length; at += STRIDE) {
      const i = flat[at] as number;
      let sum = sums.get(i);
      if (!sum) {
        sum = [part.names[i] ?? "", 0, 0, 0, 0, 0, 0];
        sums.set(i, sum);
      }
      addCounts(sum, flat, at);
    }
  }
  for (const i of [...sums.keys()].sort((a, b) => a - b)) {
    const sum = sums.get(i) as DeputyShare;
    addCounts(totals.at(sum[0]), sum, 0);
  }
  return true;
}

/** Adds the counts at `from` + LED … RATINGS_GIVEN of `counts` (a share, or a year's flat list). */
function addCounts(total: DeputyShare, counts: readonly unknown[], from: number): void {
  for (let i = LED; i <= RATINGS_GIVEN; i += 1)
    total[i] = (total[i] as number) + (counts[from + i] as number);
}

/**
 * The deputies' records from every part's share (in sheet order), as deputyRecords gives them:
 * every deputy of the 代表 tab in tab order, then names found only in the ledger as first typed.
 */
export function mergeDeputies(
  parts: readonly (DeputiesPart | DeputiesPartBefore)[],
  ledger: Pick<EvaluatedLedger, "deputies">,
): DeputyRecordRow[] {
  // Every year together: any part adds up.
  return recordsOf(parts, ledger, null) as DeputyRecordRow[];
}

/** mergeDeputies of `year` only when given; null when a part was stored by an older build (no years). */
function recordsOf(
  parts: readonly (DeputiesPart | DeputiesPartBefore)[],
  ledger: Pick<EvaluatedLedger, "deputies">,
  year: number | null,
): DeputyRecordRow[] | null {
  const totals = sharesByKey();
  for (const entry of ledger.deputies.entries) totals.at(entry.name);
  for (const part of parts) if (!addPart(totals, part, year)) return null;
  return totals.list.map(([name, led, coSigned, ledAccepted, ledClosed, excellent, ratingsGiven]) => {
    const entry = ledger.deputies.find(name);
    return {
      name,
      delegation: entry?.record.delegation ?? "",
      group: entry?.record.group ?? "",
      led,
      coSigned,
      ledAccepted,
      ledClosed,
      excellent,
      ratingsGiven,
      unlisted: !entry,
      former: isFormerDeputy(entry?.record.notes),
    };
  });
}

/**
 * Each year's records from the parts' shares, by year (the years some part counts, not ""), or null
 * when a part was stored by an older build without its years.
 */
export function mergeDeputyYears(
  parts: readonly (DeputiesPart | DeputiesPartBefore)[],
  ledger: Pick<EvaluatedLedger, "deputies">,
): Record<string, DeputyRecordRow[]> | null {
  const years = new Set<string>();
  for (const part of parts) {
    if (!("names" in part)) return null;
    for (const year of Object.keys(part.years)) if (year) years.add(year);
  }
  const out: Record<string, DeputyRecordRow[]> = {};
  for (const year of years) out[year] = recordsOf(parts, ledger, Number(year)) ?? [];
  return out;
}
