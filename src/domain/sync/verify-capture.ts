import type { CellScalar, PlacedWrite, PlannedWrite } from "./remap";
import { cellText, fingerprint, type RowKey, rowKeyString } from "./row-identity";

export interface CaptureLayout {
  idHeader: string;
  /** Staff-owned headers, in the order the writes' content keys were built with. */
  staffHeaders: readonly string[];
}

/** A value that was put back after a write had landed on the wrong row or column. */
export interface RestoredCell {
  /** 编号 of the row whose cell was overwritten, or null when it had none. */
  id: string | null;
  header: string;
  overwritten: CellScalar;
  restored: CellScalar | null;
}

export interface CaptureCheck {
  /** The capture is in the scratch tab (false: the batch never landed, everything is to be written again). */
  landed: boolean;
  confirmed: PlacedWrite[];
  /** What the next round must write, keyed by identity as the sheet holds it now. */
  next: PlannedWrite[];
  restored: RestoredCell[];
}

type Row = readonly unknown[];

function staffColumnsOf(header: readonly string[], layout: CaptureLayout) {
  return layout.staffHeaders.map((h) => ({ header: h, index: header.indexOf(h) }));
}

function keyMatches(key: RowKey, before: Row, header: readonly string[], layout: CaptureLayout): boolean {
  if (key.kind === "id") return cellText(before[header.indexOf(layout.idHeader)]) === key.id;
  return fingerprint(before, staffColumnsOf(header, layout)) === key.fingerprint;
}

/** How to find a captured row again now: by its 编号, else (or when that is ambiguous) by its content. */
function keysOfRow(after: Row, header: readonly string[], layout: CaptureLayout) {
  const content: RowKey = {
    kind: "content",
    fingerprint: fingerprint(after, staffColumnsOf(header, layout)),
  };
  const id = cellText(after[header.indexOf(layout.idHeader)]);
  return id ? { key: { kind: "id", id } as RowKey, fallbackKey: content } : { key: content };
}

/**
 * Checks one captured write: for every written row, the scratch copy shows what that row held at
 * the instant of the write. A value is confirmed when the row was the intended suggestion and the
 * column the intended header (and a blank-only cell was still blank). Anything else landed where a
 * sort, an inserted or deleted row, a moved column or a person's typing had just put something
 * else: that cell is put back to what it held, and the intended value is placed again by identity.
 */
export function verifyCapture(
  placed: readonly PlacedWrite[],
  rows: readonly number[],
  scratch: readonly Row[],
  nonce: string,
  layout: CaptureLayout,
  staffOwned: ReadonlySet<string>,
): CaptureCheck {
  const headerRow = scratch[0] ?? [];
  const width = Math.max(0, ...placed.map((p) => p.column + 1), headerRow.length - 1);
  if (!rows.length || !headerRow.some((cell) => cellText(cell) === nonce)) {
    return { landed: false, confirmed: [], next: placed.map((w) => w.planned), restored: [] };
  }
  const header = headerRow.slice(0, width).map((cell) => cellText(cell));
  const scratchRowOf = new Map(rows.map((row, i) => [row, i + 1]));
  const confirmed: PlacedWrite[] = [];
  const restores = new Map<string, PlannedWrite>();
  const intended = new Map<string, PlannedWrite>();
  const restored: RestoredCell[] = [];

  for (const [row, writes] of groupByRow(placed)) {
    const before = scratch[scratchRowOf.get(row) ?? -1] ?? [];
    // Only a cell to put back needs the row's keys as it stands now: none when every write landed.
    let rowKeys: ReturnType<typeof keysOfRow> | undefined;
    const keysNow = () => {
      if (rowKeys) return rowKeys;
      const after = [...before];
      for (const w of writes) after[w.column] = w.value;
      rowKeys = keysOfRow(after, header, layout);
      return rowKeys;
    };
    for (const w of writes) {
      const hit = header[w.column] ?? "";
      const belongs = keyMatches(w.key, before, header, layout);
      const old = cellText(before[w.column]);
      const blankKept = old === "" || !w.onlyIfBlank;
      const asComputed = w.expect === undefined || old === w.expect;
      if (belongs && hit === w.header && blankKept && asComputed) {
        confirmed.push({ ...w, was: old });
        continue;
      }
      if (old !== cellText(w.value) && hit) {
        const raw = before[w.column];
        const value: CellScalar =
          typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string" ? raw : "";
        const keys = keysNow();
        restores.set(`${rowKeyString(keys.key)}|${hit}`, {
          ...keys,
          header: hit,
          value,
          sourceRow: row,
        });
        if (staffOwned.has(hit)) {
          const id = cellText(before[header.indexOf(layout.idHeader)]);
          restored.push({ id: id || null, header: hit, overwritten: w.value, restored: old ? value : null });
        }
      }
      // A person numbered the row at that very moment: their 编号 stands, ours is dropped.
      const typedOver = belongs && hit === w.header && w.onlyIfBlank;
      if (!typedOver) intended.set(`${rowKeyString(w.key)}|${w.header}`, w.planned);
    }
  }
  // A cell both to be put back and intended gets the intended value; a line to add goes under
  // the text being put back (a person's note typed at that moment is kept).
  for (const [k, w] of intended) {
    const back = restores.get(k);
    restores.set(k, back && w.appendLine ? { ...w, base: cellText(back.value) } : w);
  }
  return { landed: true, confirmed, next: [...restores.values()], restored };
}

function groupByRow(placed: readonly PlacedWrite[]): Map<number, PlacedWrite[]> {
  const out = new Map<number, PlacedWrite[]>();
  for (const p of placed) {
    const list = out.get(p.row);
    if (list) list.push(p);
    else out.set(p.row, [p]);
  }
  return out;
}
