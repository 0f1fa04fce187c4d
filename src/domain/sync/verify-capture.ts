import { columnLetter } from "../../../sheets-schema/header-map";
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
  /** The column hit: its header, or `T 列（无表头）` for a column with none (one a person just inserted). */
  header: string;
  overwritten: CellScalar;
  restored: CellScalar | null;
  /**
   * Set when columns had moved (inserted, moved or deleted): the header the value was meant for, which
   * tells what happened and how to show the value (a date serial meant for 答复日期 is a date).
   */
  meantFor?: string;
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

/** A cell of a row: by header, or by its index when the column has no header. */
function cellKey(key: RowKey, header: string, column: number): string {
  return `${rowKeyString(key)}|${header || `#${column}`}`;
}

function scalar(raw: unknown): CellScalar {
  return typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string" ? raw : "";
}

/**
 * Checks one captured write: for every written row, the scratch copy shows what that row held at
 * the instant of the write. A value is confirmed when the row was the intended suggestion and the
 * column the intended header (and a blank-only cell was still blank). Anything else landed where a
 * sort, an inserted or deleted row, a moved or inserted column or a person's typing had just put
 * something else: that cell is put back to what it held (in a column with no header too), and the
 * intended value is placed again by identity.
 *
 * A cell that is put back and is also where the intended value goes (a suggestion's own 答复日期 that
 * received its 答复类别 when a column was inserted left of it) is no repair: it gets the intended value,
 * and the change is told from what the cell held before the first write, not the misplaced value.
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
  const restored = new Map<string, RestoredCell>();

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
        confirmed.push({ ...w, was: w.planned.was ?? old });
        continue;
      }
      if (old !== cellText(w.value)) {
        const value = scalar(before[w.column]);
        const keys = keysNow();
        const at = cellKey(keys.key, hit, w.column);
        restores.set(at, {
          ...keys,
          header: hit,
          ...(hit ? {} : { column: w.column }),
          value,
          sourceRow: row,
        });
        // The product's system columns are rewritten by every sync: only a person's cells are told.
        if (staffOwned.has(hit) || !hit) {
          const id = cellText(before[header.indexOf(layout.idHeader)]);
          restored.set(at, {
            id: id || null,
            header: hit || `${columnLetter(w.column)} 列（无表头）`,
            overwritten: w.value,
            restored: old ? value : null,
            ...(hit !== w.header ? { meantFor: w.header } : {}),
          });
        }
      }
      // A person numbered the row at that very moment: their 编号 stands, ours is dropped.
      const typedOver = belongs && hit === w.header && w.onlyIfBlank;
      if (!typedOver) intended.set(cellKey(w.key, w.header, w.column), w.planned);
    }
  }
  // A cell both to be put back and intended gets the intended value, its change told from what the
  // cell held first; a line to add goes under the text being put back (a person's note typed at that
  // moment is kept).
  for (const [k, w] of intended) {
    const back = restores.get(k);
    if (!back) {
      restores.set(k, w);
      continue;
    }
    restored.delete(k);
    const was = w.was ?? cellText(back.value);
    restores.set(k, w.appendLine ? { ...w, base: cellText(back.value), was } : { ...w, was });
  }
  return { landed: true, confirmed, next: [...restores.values()], restored: [...restored.values()] };
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
