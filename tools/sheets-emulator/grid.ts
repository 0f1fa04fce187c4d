import type {
  CellModel,
  DimensionPropsModel,
  GridPropertiesModel,
  JsonObject,
  RowModel,
  SheetModel,
} from "./types";

export const DEFAULT_ROW_COUNT = 1000;
export const DEFAULT_COLUMN_COUNT = 26;

export function newSheet(
  sheetId: number,
  title: string,
  grid?: Partial<GridPropertiesModel>,
  extra: JsonObject = {},
): SheetModel {
  return {
    sheetId,
    title,
    gridProperties: {
      ...grid,
      rowCount: grid?.rowCount ?? DEFAULT_ROW_COUNT,
      columnCount: grid?.columnCount ?? DEFAULT_COLUMN_COUNT,
    },
    extra,
    rows: [],
    protectedRanges: [],
    conditionalFormats: [],
    merges: [],
    rowProps: [],
    columnProps: [],
    groups: [],
  };
}

/** Fills in what sheets saved by an older emulator lack (the state file keeps version 1). */
export function upgradeSheet(sheet: SheetModel): SheetModel {
  sheet.merges ??= [];
  sheet.rowProps ??= [];
  sheet.columnProps ??= [];
  sheet.groups ??= [];
  return sheet;
}

type Props = (DimensionPropsModel | null)[];

function spliceProps(
  props: Props,
  at: number,
  removed: number,
  added: number,
  template?: DimensionPropsModel,
) {
  if (at >= props.length && template === undefined) return;
  while (props.length < at) props.push(null);
  const fresh = new Array<DimensionPropsModel | null>(added)
    .fill(null)
    .map(() => (template ? { ...template } : null));
  props.splice(at, removed, ...fresh);
}

export function getCell(sheet: SheetModel, r: number, c: number): CellModel | undefined {
  return sheet.rows[r]?.[c] ?? undefined;
}

/** A cell that holds nothing at all (no value, format, validation or note) is stored as a hole. */
export function isBlankCell(cell: CellModel | undefined): boolean {
  return (
    cell === undefined ||
    (cell.userEnteredValue === undefined &&
      cell.userEnteredFormat === undefined &&
      cell.dataValidation === undefined &&
      cell.note === undefined)
  );
}

export function hasValue(cell: CellModel | undefined): boolean {
  return cell?.userEnteredValue !== undefined;
}

export function setCell(sheet: SheetModel, r: number, c: number, cell: CellModel | undefined): void {
  if (isBlankCell(cell)) {
    const row = sheet.rows[r];
    if (row && c < row.length) row[c] = null;
    return;
  }
  let row = sheet.rows[r];
  if (!row) {
    while (sheet.rows.length < r) sheet.rows.push(null);
    row = [];
    sheet.rows[r] = row;
  }
  while (row.length < c) row.push(null);
  row[c] = cell ?? null;
}

/** Applies `change` to a copy of the cell and stores the result (holes appear when it ends up blank). */
export function updateCell(sheet: SheetModel, r: number, c: number, change: (cell: CellModel) => void): void {
  const cell: CellModel = { ...(getCell(sheet, r, c) ?? {}) };
  change(cell);
  setCell(sheet, r, c, cell);
}

/** The last row index + 1 that holds any cell (0 when the sheet is empty). */
export function dataRowExtent(sheet: SheetModel): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) {
    const row = sheet.rows[r];
    if (row?.some((cell) => !isBlankCell(cell ?? undefined))) return r + 1;
  }
  return 0;
}

export function dataColumnExtent(sheet: SheetModel): number {
  let max = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length - 1; c >= max; c--) {
      if (!isBlankCell(row[c] ?? undefined)) {
        max = c + 1;
        break;
      }
    }
  }
  return max;
}

/** The pixel size a new row/column takes from its neighbour (visibility is not inherited). */
function sizeOf(props: Props, index: number): DimensionPropsModel | undefined {
  const size = props[index]?.pixelSize;
  return size === undefined ? undefined : { pixelSize: size };
}

/**
 * Inserts empty rows at `at`. `inheritFrom` names the row (index before the insertion) whose
 * formats and pixel size the new rows take, as Sheets does for inserted rows; undefined for none.
 */
export function insertRows(sheet: SheetModel, at: number, count: number, inheritFrom?: number): void {
  const source = inheritFrom === undefined ? undefined : sheet.rows[inheritFrom];
  const formats = source?.map((cell) => (cell?.userEnteredFormat ? cell.userEnteredFormat : undefined));
  if (at < sheet.rows.length || formats?.some((f) => f)) {
    while (sheet.rows.length < at) sheet.rows.push(null);
    const fresh = Array.from({ length: count }, (): RowModel | null =>
      formats?.some((f) => f)
        ? formats.map((f) => (f ? { userEnteredFormat: structuredClone(f) } : null))
        : null,
    );
    sheet.rows.splice(at, 0, ...fresh);
  }
  spliceProps(
    sheet.rowProps,
    at,
    0,
    count,
    inheritFrom === undefined ? undefined : sizeOf(sheet.rowProps, inheritFrom),
  );
  sheet.gridProperties.rowCount += count;
}

export function deleteRows(sheet: SheetModel, at: number, count: number): void {
  if (at < sheet.rows.length) sheet.rows.splice(at, count);
  spliceProps(sheet.rowProps, at, count, 0);
  sheet.gridProperties.rowCount -= count;
}

/** Inserts empty columns at `at`; `inheritFrom` as for insertRows. */
export function insertColumns(sheet: SheetModel, at: number, count: number, inheritFrom?: number): void {
  for (const row of sheet.rows) {
    if (!row) continue;
    const format = inheritFrom === undefined ? undefined : row[inheritFrom]?.userEnteredFormat;
    if (at >= row.length && !format) continue;
    while (row.length < at) row.push(null);
    const fresh = Array.from({ length: count }, (): CellModel | null =>
      format ? { userEnteredFormat: structuredClone(format) } : null,
    );
    row.splice(at, 0, ...fresh);
  }
  spliceProps(
    sheet.columnProps,
    at,
    0,
    count,
    inheritFrom === undefined ? undefined : sizeOf(sheet.columnProps, inheritFrom),
  );
  sheet.gridProperties.columnCount += count;
}

export function deleteColumns(sheet: SheetModel, at: number, count: number): void {
  for (const row of sheet.rows) {
    if (row && at < row.length) row.splice(at, count);
  }
  spliceProps(sheet.columnProps, at, count, 0);
  sheet.gridProperties.columnCount -= count;
}

/** Shrinking the grid drops whatever lay outside it, as the Sheets UI does. */
export function resizeGrid(sheet: SheetModel, rowCount: number, columnCount: number): void {
  if (sheet.rows.length > rowCount) sheet.rows.length = rowCount;
  for (const row of sheet.rows) {
    if (row && row.length > columnCount) row.length = columnCount;
  }
  if (sheet.rowProps.length > rowCount) sheet.rowProps.length = rowCount;
  if (sheet.columnProps.length > columnCount) sheet.columnProps.length = columnCount;
  sheet.gridProperties.rowCount = rowCount;
  sheet.gridProperties.columnCount = columnCount;
}

/** Grows the grid so that (rows × cols) fits; used by append, which may extend the sheet. */
export function ensureGrid(sheet: SheetModel, rows: number, cols: number): void {
  if (rows > sheet.gridProperties.rowCount) sheet.gridProperties.rowCount = rows;
  if (cols > sheet.gridProperties.columnCount) sheet.gridProperties.columnCount = cols;
}
