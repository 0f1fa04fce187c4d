import type { DeputyRecordRow } from "../dashboard/deputy-records";
import { nameKey } from "../directory";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";

/**
 * The deputies' records (代表履职档案, deputyRecords) worked out part by part: each sync chunk
 * counts its own rows per deputy, and the finish adds the parts up in sheet order, then orders
 * and labels the lines by the 代表 tab.
 */

/**
 * One deputy's counts in a part: the name as first typed there, then suggestions led, co-signed,
 * led and 立案, led and 已办结, led and 优秀建议, and ratings given on led ones. A tuple, not an
 * object: a part of 100 rows names up to a few hundred deputies, and the share is stored as JSON.
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

/** A part's share of the deputies' records: every deputy its rows name, as first met there. */
export interface DeputiesPart {
  readonly deputies: readonly DeputyShare[];
}

const LED = 1;
const CO_SIGNED = 2;
const LED_ACCEPTED = 3;
const LED_CLOSED = 4;
const EXCELLENT = 5;
const RATINGS_GIVEN = 6;

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

/** The deputies' counts of one part's rows (suggestions with a 编号, as deputyRecords counts them). */
export function deputiesPart(rows: readonly EvaluatedRow[]): DeputiesPart {
  const shares = sharesByKey();
  for (const row of rows) {
    if (row.blank || !row.id) continue;
    const { record } = row;
    if (record.leadDeputy) {
      const share = shares.at(record.leadDeputy);
      share[LED] += 1;
      if (record.review === "立案") share[LED_ACCEPTED] += 1;
      if (row.computed.status === "已办结") share[LED_CLOSED] += 1;
      if (record.excellent === true) share[EXCELLENT] += 1;
      share[RATINGS_GIVEN] += (record.rating ? 1 : 0) + (record.secondRating ? 1 : 0);
    }
    const lead = nameKey(record.leadDeputy);
    const seen = new Set<string>();
    for (const co of record.coSigners) {
      const key = nameKey(co);
      // A co-signer written twice, or the lead again (a 校验问题), counts once and not as 附议.
      if (key === lead || seen.has(key)) continue;
      seen.add(key);
      shares.at(co)[CO_SIGNED] += 1;
    }
  }
  return { deputies: shares.list };
}

/**
 * The deputies' records from every part's share (in sheet order), as deputyRecords gives them:
 * every deputy of the 代表 tab in tab order, then names found only in the ledger as first typed.
 */
export function mergeDeputies(
  parts: readonly DeputiesPart[],
  ledger: Pick<EvaluatedLedger, "deputies">,
): DeputyRecordRow[] {
  const totals = sharesByKey();
  for (const entry of ledger.deputies.entries) totals.at(entry.name);
  for (const part of parts)
    for (const share of part.deputies) {
      const total = totals.at(share[0]);
      for (let i = LED; i <= RATINGS_GIVEN; i += 1) total[i] = (total[i] as number) + (share[i] as number);
    }
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
    };
  });
}
