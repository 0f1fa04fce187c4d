/**
 * The import as pure data: which row of the Excel sheet holds the headers, where each column goes,
 * every row's values and every cell that could not be read. No I/O: tests feed it grids.
 */
import { type ColumnDef, ledgerTab } from "../../sheets-schema";
import { convertCell, type LedgerValue, shown } from "./cells";
import { contractHeaderFor, SYSTEM_HEADERS } from "./headers";
import type { SourceCell, SourceSheet } from "./workbook";

/** Headers are looked for in the first rows only (a title row and a two-row header fit easily). */
const HEADER_SCAN_ROWS = 10;

export interface PlannedColumn {
  /** 0-based column of the Excel sheet. */
  readonly source: number;
  /** The header as the Excel file has it (a merged group title joined in: 联系方式-电话). */
  readonly header: string;
  /** The contract header it fills, or null for a column kept as an extra column. */
  readonly target: string | null;
}

export interface ImportProblem {
  /** Excel row number (1-based), as staff see it in Excel. */
  readonly row: number;
  /** The Excel column's header. */
  readonly column: string;
  readonly value: string;
  readonly why: string;
}

export interface PlannedRow {
  readonly sourceRow: number;
  /** Values by contract header or extra column header. */
  readonly values: ReadonlyMap<string, LedgerValue>;
}

export interface ImportPlan {
  readonly sheetName: string;
  /** Excel row number of the header row. */
  readonly headerRow: number;
  readonly columns: readonly PlannedColumn[];
  /** Source columns not imported, and why (a column the sync computes, a second 主办单位 …). */
  readonly skippedColumns: readonly { readonly header: string; readonly why: string }[];
  readonly rows: readonly PlannedRow[];
  readonly problems: readonly ImportProblem[];
}

const BY_HEADER = new Map<string, ColumnDef>(ledgerTab.columns.map((c) => [c.header, c]));

function text(cell: SourceCell | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined || typeof value === "object") return "";
  return String(value).trim();
}

/** The row (0-based) whose cells name the most contract headers; ties go to the lower row. */
function headerRowIndex(sheet: SourceSheet): number | null {
  let best: { index: number; score: number } | null = null;
  sheet.rows.slice(0, HEADER_SCAN_ROWS).forEach((row, index) => {
    const targets = new Set(row.map((cell) => contractHeaderFor(text(cell))).filter(Boolean));
    if (targets.size >= 2 && (!best || targets.size >= best.score)) best = { index, score: targets.size };
  });
  return (best as { index: number } | null)?.index ?? null;
}

/** A merged group title right above a header (not a title spanning every column) names the group. */
function headerName(sheet: SourceSheet, row: number, column: number): string {
  const own = text(sheet.rows[row]?.[column]);
  const aboveRow = row > 0 ? sheet.rows[row - 1] : undefined;
  const above = aboveRow?.[column];
  if (!aboveRow || !above?.merged) return own;
  const group = text(above);
  const spansAll = aboveRow.every((cell) => !text(cell) || text(cell) === group);
  if (!group || group === own || spansAll || !own) return own || group;
  return `${group}-${own}`;
}

export function planImport(sheet: SourceSheet): ImportPlan | { readonly error: string } {
  const headerIndex = headerRowIndex(sheet);
  if (headerIndex === null) {
    return {
      error: `工作表“${sheet.name}”前 ${HEADER_SCAN_ROWS} 行里找不到表头（至少要认出两个，如 编号、标题、领衔代表、主办单位）：请检查表头，或用 --sheet 指定工作表`,
    };
  }
  const width = Math.max(...sheet.rows.slice(headerIndex).map((r) => r.length), 0);
  const columns: PlannedColumn[] = [];
  const skippedColumns: { header: string; why: string }[] = [];
  const taken = new Map<string, string>();
  for (let c = 0; c < width; c++) {
    const header = headerName(sheet, headerIndex, c);
    if (!header) continue;
    const target = contractHeaderFor(text(sheet.rows[headerIndex]?.[c]));
    if (target && SYSTEM_HEADERS.has(target)) {
      skippedColumns.push({ header, why: `“${target}”由系统每次同步时计算，不导入` });
    } else if (target && taken.has(target)) {
      columns.push({ source: c, header, target: null });
      skippedColumns.push({
        header,
        why: `与“${taken.get(target)}”都对应“${target}”：只有“${taken.get(target)}”写入“${target}”，这一列作为附加列保留`,
      });
    } else {
      if (target) taken.set(target, header);
      columns.push({ source: c, header, target });
    }
  }
  const rows: PlannedRow[] = [];
  const problems: ImportProblem[] = [];
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const values = new Map<string, LedgerValue>();
    for (const column of columns) {
      const source = cells[column.source]?.value ?? null;
      const converted = convertCell(source, column.target ? (BY_HEADER.get(column.target) ?? null) : null);
      if (converted.value !== "") values.set(column.target ?? column.header, converted.value);
      if (converted.problem) {
        problems.push({ row: r + 1, column: column.header, value: shown(source), why: converted.problem });
      }
    }
    if (values.size === 0) continue;
    if (!["编号", "标题", "领衔代表"].some((h) => values.has(h))) {
      const first = [...values.values()][0];
      problems.push({
        row: r + 1,
        column: "（整行）",
        value: String(first),
        why: "这一行没有编号、标题和领衔代表，可能是合计或说明文字；已照常导入，请核对后在表格中删除或补全",
      });
    }
    rows.push({ sourceRow: r + 1, values });
  }
  return { sheetName: sheet.name, headerRow: headerIndex + 1, columns, skippedColumns, rows, problems };
}
