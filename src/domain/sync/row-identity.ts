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

/**
 * A row's content fingerprint: its staff-owned cells by header, 编号 left out (a row found by content
 * is one without a usable 编号, and stays the same row when a person numbers it). Two rows with the
 * same fingerprint are indistinguishable, and writes for them are held rather than guessed.
 */
export function fingerprint(row: RawRow, staffColumns: readonly { header: string; index: number }[]): string {
  const parts: string[] = [];
  for (const c of staffColumns)
    if (c.header !== ID_HEADER) parts.push(`${c.header}=${cellText(row[c.index])}`);
  return parts.join("\u0001");
}

export function rowKeyString(key: RowKey): string {
  return key.kind === "id" ? `id:${key.id}` : `fp:${key.fingerprint}`;
}
