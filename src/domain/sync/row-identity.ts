import { hash53 } from "../hash";

/** A raw row as values.batchGet returns it (UNFORMATTED_VALUE): trailing cells may be absent. */
export type RawRow = readonly unknown[];

/** How a planned write finds its row again: by a unique 编号, or (blank or duplicate 编号) by its content. */
export type RowKey = { kind: "id"; id: string } | { kind: "content"; fingerprint: string };

const ID_HEADER = "编号";

export function cellText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return "";
}

type IdentityColumn = { readonly header: string; readonly index: number };

/**
 * A row's content fingerprint: its staff-owned cells by header, 编号 left out (a row found by content
 * is one without a usable 编号, and stays the same row when a person numbers it). Two rows with the
 * same fingerprint are indistinguishable, and writes for them are held rather than guessed.
 *
 * Its callers list the staff columns each in its own order (the plan in the sheet's, the writer in
 * the schema's) and some name columns the sheet lacks: the fingerprint takes the columns the sheet
 * has, in the order of their headers, so that a row keyed by one is found by the other after staff
 * moved a column (before, a 主办单位 moved ahead of 标题 held every new row's 编号, run after run).
 */
export function fingerprint(row: RawRow, staffColumns: readonly IdentityColumn[]): string {
  const parts: string[] = [];
  for (const c of identityOrder(staffColumns))
    parts.push(`${c.header}=${identityText(cellText(row[c.index]))}`);
  return parts.join("\u0001");
}

/**
 * Cell texts longer than this enter a fingerprint as their length and hash: most cells are far
 * shorter, so a row's fingerprint is seldom hashed at all (only rows without a unique 编号 have one).
 */
const FINGERPRINT_TEXT_MAX = 1000;

/**
 * A cell's text as a fingerprint holds it. Every write planned for a row without a unique 编号
 * carries the row's fingerprint (twice), and a chunk's writes are kept in D1 until they are checked:
 * one cell pasted full (49,000 characters) made that record 1.2 MB, most of what D1 takes in one
 * value (2 MB, see d1-batch.ts; 1 MB in older documentation). A long text is kept as its length and
 * hash, marked by \u0002.
 */
function identityText(text: string): string {
  return text.length <= FINGERPRINT_TEXT_MAX ? text : `\u0002${text.length}:${hash53(text)}`;
}

// Called row by row with the same list: its canonical order is worked out once per list.
const canonical = new WeakMap<readonly IdentityColumn[], readonly IdentityColumn[]>();

function identityOrder(columns: readonly IdentityColumn[]): readonly IdentityColumn[] {
  let ordered = canonical.get(columns);
  if (!ordered) {
    ordered = columns
      .filter((c) => c.header !== ID_HEADER && c.index >= 0)
      .sort((a, b) => (a.header < b.header ? -1 : a.header > b.header ? 1 : 0));
    canonical.set(columns, ordered);
  }
  return ordered;
}

export function rowKeyString(key: RowKey): string {
  return key.kind === "id" ? `id:${key.id}` : `fp:${key.fingerprint}`;
}
