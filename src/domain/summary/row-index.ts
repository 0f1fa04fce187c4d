import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { mentionsOf } from "../links/recipient-rows";

/** How a part's index names a 编号 (recipients are named by mentionKey: "unit:区教育局"). */
export function idKey(id: string): string {
  return `id:${id}`;
}

/**
 * A stored part's index: each 编号 and each unit, deputy and leader a row concerns → the places of
 * the part's rows under it. D1 uses it to give a suggestion's page or a personal link's page only
 * its own rows.
 */
export function rowIndex(
  rows: readonly { readonly id: string | null; readonly record: LedgerRecord }[],
): Record<string, number[]> {
  const index = new Map<string, number[]>();
  rows.forEach((row, place) => {
    const keys = new Set(mentionsOf(row.record));
    if (row.id) keys.add(idKey(row.id));
    for (const key of keys) {
      const places = index.get(key);
      if (places) places.push(place);
      else index.set(key, [place]);
    }
  });
  return Object.fromEntries(index);
}

/**
 * The JSON path of a key in the index, for SQLite's json_each: a quoted label, which cannot hold a
 * double quote; null for such a key (the caller reads without the index).
 */
export function indexPath(key: string): string | null {
  return key.includes('"') ? null : `$."${key}"`;
}
