/** Reads an .xlsx file (exceljs) into a plain grid, one value per cell, merged cells resolved. */
import ExcelJS from "exceljs";
import { sourceFileProblem } from "./source-file";

/** A cell as the import sees it: a formula's cached result, rich text as its text. */
export type SourceValue = string | number | boolean | Date | null | { readonly error: string };

export interface SourceCell {
  readonly value: SourceValue;
  /** Part of a merged range (its value is the range's, as Excel shows it). */
  readonly merged: boolean;
}

export interface SourceSheet {
  readonly name: string;
  /** Hidden in Excel (a template or helper sheet, most often): never imported unless named. */
  readonly hidden?: boolean;
  /** 0-based columns hidden in Excel (a helper column): imported, and said so. */
  readonly hiddenColumns?: ReadonlySet<number>;
  /** 0-based rows hidden in Excel (a withdrawn or merged suggestion, most often): imported, and said so. */
  readonly hiddenRows?: ReadonlySet<number>;
  /**
   * 0-based rows hidden inside the sheet's 筛选 (AutoFilter) range: filtered out, most likely, not
   * hidden by hand (the file keeps no difference). Imported, and said so apart from hiddenRows.
   */
  readonly filteredRows?: ReadonlySet<number>;
  /** rows[r][c], 0-based; row r is Excel row r + 1. */
  readonly rows: readonly (readonly SourceCell[])[];
}

function plain(value: ExcelJS.CellValue): SourceValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : plain(result);
  }
  if ("hyperlink" in value) return String((value as { text?: unknown }).text ?? value.hyperlink);
  return null;
}

/**
 * The 1-based rows an AutoFilter covers (its ref, `A1:K16`), null when the sheet has none. exceljs
 * reads only the ref, not the filter's criteria: a filter with none hides nothing, so a row hidden in
 * its range is still most likely filtered out (staff filter to hide rows, rarely hide them by hand too).
 */
function filterRows(filter: ExcelJS.AutoFilter | null | undefined): [number, number] | null {
  if (!filter) return null;
  // Read from a file it is the ref's text; set in code, its two corners.
  const [from, to] = typeof filter === "string" ? filter.split(":") : [filter.from, filter.to];
  const rowOf = (end: string | { row: number } | undefined) =>
    typeof end === "object" ? end.row : Number(/\d+$/.exec((end ?? "").replace(/\$/g, ""))?.[0] ?? 0);
  const first = rowOf(from);
  if (!first) return null;
  return [first, rowOf(to) || first];
}

function readSheet(sheet: ExcelJS.Worksheet): SourceSheet {
  const rows: SourceCell[][] = [];
  const hiddenRows = new Set<number>();
  const filteredRows = new Set<number>();
  const filter = filterRows(sheet.autoFilter);
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.hidden) (filter && r > filter[0] && r <= filter[1] ? filteredRows : hiddenRows).add(r - 1);
    const cells: SourceCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push({ value: plain(cell.value), merged: cell.isMerged });
    }
    rows.push(cells);
  }
  const hiddenColumns = new Set<number>();
  for (let c = 1; c <= width; c++) if (sheet.getColumn(c).hidden) hiddenColumns.add(c - 1);
  return {
    name: sheet.name,
    hidden: sheet.state !== "visible",
    hiddenColumns,
    hiddenRows,
    filteredRows,
    rows,
  };
}

/**
 * Every worksheet of the workbook, in tab order. A file that is no .xlsx (missing, a CSV, an old
 * .xls) is refused with what to do (sourceFileProblem); a zip exceljs still cannot read is said to be
 * damaged, without the library's English text, which staff cannot act on.
 */
export async function readWorkbook(file: string): Promise<SourceSheet[]> {
  const problem = await sourceFileProblem(file);
  if (problem) throw new Error(problem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new Error(
      `无法读取 ${file}：文件已损坏，或不是 Excel 的 .xlsx 文件：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入`,
    );
  }
  return workbook.worksheets.map(readSheet);
}
