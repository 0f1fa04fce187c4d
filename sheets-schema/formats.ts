import { type ColumnDef, isDateColumn, type TabDef } from "./columns";

/** An RGB colour as the Sheets API takes it (0–1 per channel). */
export interface Rgb {
  red: number;
  green: number;
  blue: number;
}

/** Grey of system-owned columns: the colour of Sheets' "light grey 2". */
export const SYSTEM_GREY: Rgb = { red: 0.9372549, green: 0.9372549, blue: 0.9372549 };

/** Number format of a date column (yyyy-mm-dd; yyyy-mm-dd hh:mm for a date-time), or null. */
export function dateFormat(col: ColumnDef): { type: "DATE" | "DATE_TIME"; pattern: string } | null {
  if (!isDateColumn(col)) return null;
  const pattern = col.cell.numberFormat ?? "yyyy-mm-dd";
  return { type: col.cell.kind === "dateTime" ? "DATE_TIME" : "DATE", pattern };
}

/** True for the grey, warning-protected system columns of a staff tab (system tabs are protected whole). */
export function isSystemColumn(tab: TabDef, col: ColumnDef): boolean {
  return tab.owner === "staff" && col.owner === "system";
}

/**
 * The format a data cell of this column carries in a provisioned sheet (date format, grey system
 * column), or null for a plain cell. Rows the product adds get exactly this, so they look like the
 * rows `sheet:init` formatted.
 */
export function dataCellFormat(tab: TabDef, col: ColumnDef): Record<string, unknown> | null {
  const format: Record<string, unknown> = {};
  const date = dateFormat(col);
  if (date) format.numberFormat = date;
  if (isSystemColumn(tab, col)) format.backgroundColor = { ...SYSTEM_GREY };
  return Object.keys(format).length > 0 ? format : null;
}
