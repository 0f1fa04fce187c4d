/** D1 caps the statements of one batch; big syncs write their snapshots in chunks of this size. */
const BATCH_SIZE = 400;

export async function runInChunks(db: D1Database, statements: D1PreparedStatement[]): Promise<void> {
  for (let i = 0; i < statements.length; i += BATCH_SIZE) {
    await db.batch(statements.slice(i, i + BATCH_SIZE));
  }
}

/**
 * Characters of rows one statement carries (jsonRowSlices): well under D1's 2 MB for a value, so a
 * chunk of long cells still fits.
 */
const SLICE_CHARS = 500_000;

/**
 * Rows as JSON arrays of arrays, each bound to one statement that reads them with `json_each` and
 * `jsonCell`: a hundred rows are one statement, not a hundred. D1 allows 50 queries per invocation on
 * Workers Free (whether a batch's statements count one by one is not stated), and each statement is
 * D1's work besides (bench/clock-floor.ts: a batch of 100 one-row INSERTs against one INSERT of the
 * same rows). Rows are cut into slices of about SLICE_CHARS, in order.
 */
export function jsonRowSlices(rows: readonly (readonly unknown[])[]): string[] {
  const slices: string[] = [];
  let slice: string[] = [];
  let chars = 0;
  for (const row of rows) {
    const text = JSON.stringify(row);
    if (slice.length > 0 && chars + text.length > SLICE_CHARS) {
      slices.push(`[${slice.join(",")}]`);
      slice = [];
      chars = 0;
    }
    slice.push(text);
    chars += text.length + 1;
  }
  if (slice.length > 0) slices.push(`[${slice.join(",")}]`);
  return slices;
}

/**
 * Cell `i` of a jsonRowSlices row, in a statement that reads the slice as `json_each(?n) AS e`
 * (ORDER BY e.key keeps the rows in order): JSON strings come back as TEXT, numbers as INTEGER or
 * REAL, null as NULL.
 */
export function jsonCell(i: number): string {
  return `json_extract(e.value, '$[${i}]')`;
}

/** Cells 0 … width − 1 of a jsonRowSlices row, as a SELECT list (see jsonCell). */
export function jsonCells(width: number): string {
  return Array.from({ length: width }, (_, i) => jsonCell(i)).join(", ");
}
