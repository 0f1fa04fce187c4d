import type { sheets_v4 } from "@googleapis/sheets";

/** An RGB colour as Sheets reports it (channels 0–1; a missing channel is 0). */
export interface Rgb {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
}

/** What provisioning needs to know about one cell of the header row or the first data row. */
export interface CellFacts {
  /** Displayed text, trimmed ("" for a blank cell). */
  readonly text: string;
  readonly bold: boolean;
  readonly background: Rgb | null;
  readonly numberFormat: { readonly type: string; readonly pattern: string } | null;
  readonly validation: sheets_v4.Schema$DataValidationRule | null;
}

export interface ProtectedRangeFacts {
  readonly id: number;
  readonly range: sheets_v4.Schema$GridRange;
  readonly warningOnly: boolean;
  readonly description: string;
}

/** One existing tab, as read by the three provisioning reads. */
export interface TabSnapshot {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly frozenRowCount: number;
  /** Row 1, cell by cell (trailing blank cells may be missing). */
  readonly header: readonly CellFacts[];
  /** Row 2: validation and formats are checked here, as a sample of the data rows. */
  readonly firstRow: readonly CellFacts[];
  /** Every value of the tab, header row first (only read for 设置 and 通知模板; else null). */
  readonly values: readonly (readonly unknown[])[] | null;
  readonly protectedRanges: readonly ProtectedRangeFacts[];
  readonly conditionalFormats: readonly sheets_v4.Schema$ConditionalFormatRule[];
}

export interface SpreadsheetSnapshot {
  readonly tabs: readonly TabSnapshot[];
}

export const BLANK_CELL: CellFacts = {
  text: "",
  bold: false,
  background: null,
  numberFormat: null,
  validation: null,
};

function rgbOf(color: sheets_v4.Schema$Color | undefined): Rgb | null {
  if (!color) return null;
  return { red: color.red ?? 0, green: color.green ?? 0, blue: color.blue ?? 0 };
}

function textOf(cell: sheets_v4.Schema$CellData): string {
  if (typeof cell.formattedValue === "string") return cell.formattedValue.trim();
  const value = cell.userEnteredValue;
  if (value?.stringValue != null) return value.stringValue.trim();
  if (value?.numberValue != null) return String(value.numberValue);
  return "";
}

/** The facts of one CellData of a spreadsheets.get grid. */
export function cellFacts(cell: sheets_v4.Schema$CellData | undefined): CellFacts {
  if (!cell) return BLANK_CELL;
  const format = cell.userEnteredFormat ?? {};
  const numberFormat = format.numberFormat;
  return {
    text: textOf(cell),
    bold: format.textFormat?.bold === true,
    background: rgbOf(format.backgroundColor),
    numberFormat: numberFormat
      ? { type: numberFormat.type ?? "", pattern: numberFormat.pattern ?? "" }
      : null,
    validation: cell.dataValidation ?? null,
  };
}

function rowFacts(grid: sheets_v4.Schema$GridData | undefined, rowIndex: number): CellFacts[] {
  const start = grid?.startRow ?? 0;
  const row = grid?.rowData?.[rowIndex - start];
  return (row?.values ?? []).map(cellFacts);
}

/**
 * Joins the metadata read (properties, protections, conditional formats), the grid read (rows 1–2 of
 * every tab) and the values read (设置, 通知模板) into one snapshot per tab.
 */
export function buildSnapshot(
  meta: sheets_v4.Schema$Spreadsheet,
  grid: sheets_v4.Schema$Spreadsheet | null,
  values: ReadonlyMap<string, unknown[][]>,
): SpreadsheetSnapshot {
  const gridById = new Map<number, sheets_v4.Schema$GridData | undefined>();
  for (const sheet of grid?.sheets ?? []) {
    gridById.set(sheet.properties?.sheetId ?? 0, sheet.data?.[0]);
  }
  const tabs = (meta.sheets ?? []).map((sheet): TabSnapshot => {
    const props = sheet.properties ?? {};
    const sheetId = props.sheetId ?? 0;
    const title = props.title ?? "";
    const gridData = gridById.get(sheetId);
    return {
      sheetId,
      title,
      rowCount: props.gridProperties?.rowCount ?? 1000,
      columnCount: props.gridProperties?.columnCount ?? 26,
      frozenRowCount: props.gridProperties?.frozenRowCount ?? 0,
      header: rowFacts(gridData, 0),
      firstRow: rowFacts(gridData, 1),
      values: values.get(title) ?? null,
      protectedRanges: (sheet.protectedRanges ?? []).map((pr) => ({
        id: pr.protectedRangeId ?? 0,
        range: pr.range ?? {},
        warningOnly: pr.warningOnly === true,
        description: pr.description ?? "",
      })),
      conditionalFormats: sheet.conditionalFormats ?? [],
    };
  });
  return { tabs };
}
