/**
 * The import as pure data: which row of the Excel sheet holds the headers, where each column goes,
 * every row's values and every cell that could not be read. No I/O: tests feed it grids.
 */
import { type ColumnDef, ledgerTab } from "../../sheets-schema";
import { convertCell, type LedgerValue, replyClassOpening, shown } from "./cells";
import { type DateId, fileWarnings, LISTED_BARE_IDS } from "./file-warnings";
import { contractHeaderFor, SYSTEM_HEADERS } from "./headers";
import { historyWarnings } from "./history";
import { exportOnlyHeader, isOwnExport, ownExportNote } from "./own-export";
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
  /** A date with a month and day but no year (1月5日): the report names these per column. */
  readonly yearless?: true;
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
  /**
   * Rows not imported, and why: a 合计 row, a 注：or 填表人 line, a row with no 编号, 标题 and 领衔代表
   * (only a 序号). None of them is a suggestion, and none could be told apart from the ledger's rows
   * on the next run, so each would be appended again by every run.
   */
  readonly skippedRows: readonly SkippedRow[];
  /** What else the file holds: other ledgers in the workbook, hidden columns. Nothing to fix. */
  readonly notes: readonly string[];
  /**
   * What the whole file means for the ledger and needs a person: columns it lacks (each row then
   * shows the same 错误 after the sync), 编号 it holds twice, 编号 that are running numbers only or
   * that Excel had made dates.
   */
  readonly warnings: readonly string[];
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

/** Spaces inside a word carry no meaning (合　计, 制 表 人: forms centre short words so), nor do full-width forms. */
const squeezed = (value: string) => value.normalize("NFKC").replace(/\s+/g, "");

/** A total: 合计, 总计 … alone or before a count, a colon or a bracket (总计划… is a title's start). */
const TOTAL_TEXT = /^(合计|总计|小计|共计|累计)(?=$|[^\u4e00-\u9fff]|[件条项个数])/;

/** A note or a signature under the table, its colon full-width or not: 注：…, 制表单位：…, 填表人：… */
const NOTE_TEXT =
  /^(注\d*|说明|备注|附注|制表单位|填表单位|填报单位|报送单位|单位负责人|填表人|填报人|制表人|审核人|审批人|负责人|联系人|联系电话|填表日期|填报日期|制表日期|填表|填报|制表|审核|签发):/;

/** A count standing where a title would (2件, 共15件): the figure of a total line, no suggestion. */
const COUNT_TEXT = /^(共|合计|总计|小计|共计)?\d+(件|条|项|个|份)?$/;

/** How many first texts (before the 标题: 序号, 编号, a merged 合计 over both) may say 合计 or 注：. */
const LEADING_TEXTS = 3;

export interface SkippedRow {
  /** Excel row number (1-based). */
  readonly row: number;
  /** The row's first text, as the report names the row by it. */
  readonly text: string;
  /** Why it is not imported, ending “不导入”: said of the import to come, true of a --dry-run too. */
  readonly why: string;
}

/**
 * A line under the table that is no suggestion: a total or a note among its first texts (序号 may
 * hold the count and 编号 say 合计), or one merged range across the row (a 填表人 line merged over the
 * table: Excel copies its text into every cell, so it would fill 编号, 标题 and 领衔代表 alike).
 */
function summaryLine(
  cells: readonly SourceCell[],
  titleColumn: number | undefined,
): Omit<SkippedRow, "row"> | null {
  const filled = cells.flatMap((cell, column) => (text(cell) === "" ? [] : [{ cell, column }]));
  const first = filled[0] ? text(filled[0].cell) : "";
  if (!first) return null;
  const leading = filled.filter((f, i) => i === 0 || titleColumn === undefined || f.column < titleColumn);
  for (const { cell } of leading.slice(0, LEADING_TEXTS)) {
    const typed = squeezed(text(cell));
    if (TOTAL_TEXT.test(typed)) return { text: text(cell), why: "像是合计行，不导入" };
    if (NOTE_TEXT.test(typed)) return { text: text(cell), why: "像是说明或签名行，不导入" };
  }
  const oneMergedRange = filled.length >= 3 && filled.every((f) => f.cell.merged && text(f.cell) === first);
  return oneMergedRange ? { text: first, why: "是横跨整行的合并单元格，像是说明或签名行，不导入" } : null;
}

/**
 * A row that is no suggestion by what it holds: no 编号, 标题 or 领衔代表 (a pre-numbered empty row, a
 * note in a column of its own), or a count for 标题 and no 领衔代表 (a total line's 2件). Imported, it
 * would be appended again by every run: nothing in it tells it from the ledger's rows.
 */
function noSuggestion(
  values: ReadonlyMap<string, LedgerValue>,
  columns: readonly PlannedColumn[],
): string | null {
  const title = String(values.get("标题") ?? "");
  if (title && !values.has("领衔代表") && COUNT_TEXT.test(squeezed(title)))
    return "标题只是件数，像是合计行，不导入";
  if (["编号", "标题", "领衔代表"].some((h) => values.has(h))) return null;
  const extras = new Set(columns.filter((c) => c.target === null).map((c) => c.header));
  const onlySequence = [...values.keys()].every((h) => extras.has(h) && squeezed(h) === "序号");
  if (onlySequence) return "只有序号，没有编号、标题和领衔代表，像是预先编好序号的空行，不导入";
  return "没有编号、标题和领衔代表，不导入：如是一条建议，请在 Excel 中补上标题和领衔代表后再导入";
}

function replyClassNote(reply: PlannedColumn | undefined, count: number): string[] {
  if (!reply || count === 0) return [];
  return [
    `文件中没有“答复类别”列：${count} 行的“${reply.header}”以 A类、B类、C类 或 D类 开头，导入时把这个类别写入“答复类别”，“${reply.header}”原样写入“答复内容”：导入后请核对`,
  ];
}

function fileNotes(sheet: SourceSheet, columns: readonly PlannedColumn[]): string[] {
  const hidden = columns.filter((c) => sheet.hiddenColumns?.has(c.source)).map((c) => c.header);
  return hidden.length > 0 ? [`Excel 中隐藏的列也导入了：${hidden.join("、")}（在表格中不会隐藏）`] : [];
}

export interface PlanOptions {
  /**
   * The local date the import runs (设置 时区): rows past their 办理期限 with no reply are counted
   * against it. Absent, the report counts nothing that depends on the day.
   */
  readonly today?: string;
}

/**
 * Imported rows the sheet's 筛选 hid: nothing to fix (staff filtered the list to look at part of
 * it), so a note, not the hidden rows' request to check each one for 撤回 or 并案.
 */
function filteredRowsNote(filtered: readonly number[]): string[] {
  if (filtered.length === 0) return [];
  const more = filtered.length > LISTED_BARE_IDS ? ` 等 ${filtered.length} 行` : " 行";
  return [
    `工作表设置了筛选，第 ${filtered.slice(0, LISTED_BARE_IDS).join("、")}${more}被筛选隐藏，也已导入（在表格中不会隐藏）`,
  ];
}

/** Imported rows Excel had hidden (a withdrawn or merged suggestion, most often): each one is named. */
function hiddenRowsWarning(hidden: readonly number[]): string[] {
  if (hidden.length === 0) return [];
  const more = hidden.length > LISTED_BARE_IDS ? ` 等 ${hidden.length} 行` : " 行";
  return [
    `第 ${hidden.slice(0, LISTED_BARE_IDS).join("、")}${more}在 Excel 中是隐藏的，也导入了（在表格中不会隐藏）：请核对，如是已撤回的建议，请在审查结果中填“撤回”；如是已并案的，请填“并案”并填写并入编号`,
  ];
}

export function planImport(
  sheet: SourceSheet,
  options: PlanOptions = {},
): ImportPlan | { readonly error: string } {
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
  // jianyi's own export (the ledger restored from it): its computed columns are not extra columns.
  const ownExport = isOwnExport((sheet.rows[headerIndex] ?? []).map(text));
  const computed: string[] = [];
  for (let c = 0; c < width; c++) {
    const header = headerName(sheet, headerIndex, c);
    if (!header) continue;
    const target = contractHeaderFor(text(sheet.rows[headerIndex]?.[c]));
    const exportOnly = ownExport ? exportOnlyHeader(text(sheet.rows[headerIndex]?.[c])) : null;
    if (target && SYSTEM_HEADERS.has(target)) {
      computed.push(header);
      skippedColumns.push({ header, why: `“${target}”由系统每次同步时计算，不导入` });
    } else if (exportOnly) {
      computed.push(header);
      skippedColumns.push({ header, why: `“${exportOnly}”是导出时计算的列，不导入` });
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
  const skippedRows: SkippedRow[] = [];
  const dateIds: DateId[] = [];
  const titleColumn = columns.find((c) => c.target === "标题")?.source;
  // Without a 答复类别 column, offices often open the reply with its class (办理结果 “A类（已解决）”).
  const replyColumn = columns.find((c) => c.target === "答复内容");
  const classFromReply = replyColumn !== undefined && !taken.has("答复类别");
  let classesTaken = 0;
  const hiddenRows: number[] = [];
  const filteredRows: number[] = [];
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const summary = summaryLine(cells, titleColumn);
    if (summary !== null) {
      skippedRows.push({ row: r + 1, ...summary });
      continue;
    }
    const values = new Map<string, LedgerValue>();
    const rowProblems: ImportProblem[] = [];
    const rowDateIds: DateId[] = [];
    for (const column of columns) {
      const source = cells[column.source]?.value ?? null;
      const converted = convertCell(source, column.target ? (BY_HEADER.get(column.target) ?? null) : null);
      if (converted.value !== "") values.set(column.target ?? column.header, converted.value);
      if (converted.problem) {
        const yearless = converted.yearless ? { yearless: converted.yearless } : {};
        rowProblems.push({
          row: r + 1,
          column: column.header,
          value: shown(source),
          why: converted.problem,
          ...yearless,
        });
      }
      if (column.target === "编号" && source instanceof Date)
        rowDateIds.push({ row: r + 1, id: shown(source) });
    }
    if (values.size === 0) continue;
    const why = noSuggestion(values, columns);
    if (why !== null) {
      const first = cells.map((cell) => shown(cell.value).trim()).find(Boolean) ?? "";
      skippedRows.push({ row: r + 1, text: first, why });
      continue;
    }
    problems.push(...rowProblems);
    dateIds.push(...rowDateIds);
    const replyClass = classFromReply ? replyClassOpening(values.get("答复内容")) : null;
    if (replyClass) {
      values.set("答复类别", replyClass);
      classesTaken += 1;
    }
    if (sheet.hiddenRows?.has(r)) hiddenRows.push(r + 1);
    if (sheet.filteredRows?.has(r)) filteredRows.push(r + 1);
    rows.push({ sourceRow: r + 1, values });
  }
  return {
    sheetName: sheet.name,
    headerRow: headerIndex + 1,
    columns,
    skippedColumns,
    rows,
    problems,
    skippedRows,
    notes: [
      ...(ownExport ? [ownExportNote(computed)] : []),
      ...fileNotes(sheet, columns),
      ...filteredRowsNote(filteredRows),
      ...replyClassNote(replyColumn, classesTaken),
    ],
    warnings: [
      ...hiddenRowsWarning(hiddenRows),
      ...fileWarnings(columns, rows, dateIds, { firstImport: !ownExport }),
      // What a first sync does with years of history: not so of the office's own ledger coming back.
      ...(ownExport ? [] : historyWarnings(rows, new Set(columns.map((c) => c.target)), options.today)),
    ],
  };
}

/**
 * The sheet to import and what to tell about the others: the one named, or the first visible sheet
 * whose headers are recognised. Hidden sheets (a template, a helper) are never taken unnamed; the
 * other sheets that hold a ledger (another year's, most often) are named in its notes, with how to
 * import them.
 */
export function planWorkbook(
  sheets: readonly SourceSheet[],
  sheetName?: string,
  options: PlanOptions = {},
): ImportPlan | { error: string } {
  if (sheetName) {
    const named = sheets.find((s) => s.name === sheetName);
    if (!named)
      return { error: `文件里没有名为“${sheetName}”的工作表；有：${sheets.map((s) => s.name).join("、")}` };
    return planImport(named, options);
  }
  const plans = sheets.map((sheet) => ({ sheet, plan: planImport(sheet, options) }));
  const ledgers = plans.filter((p) => !("error" in p.plan));
  const chosen = ledgers.find((p) => !p.sheet.hidden);
  if (!chosen || "error" in chosen.plan) {
    const hidden = ledgers.map((p) => p.sheet.name);
    if (hidden.length > 0)
      return { error: `只有隐藏的工作表（${hidden.join("、")}）认得出表头：确要导入，请用 --sheet 指定` };
    const first = plans.find((p) => "error" in p.plan)?.plan as { error: string } | undefined;
    return { error: first?.error ?? "文件里没有工作表" };
  }
  const others: string[] = [];
  const more = ledgers.filter((p) => p !== chosen && !p.sheet.hidden).map((p) => `“${p.sheet.name}”`);
  if (more.length > 0)
    others.push(
      `文件里还有工作表 ${more.join("、")} 也像台账：这次没有导入，请逐个用 --sheet <工作表名> 导入`,
    );
  const hidden = sheets.filter((s) => s.hidden).map((s) => `“${s.name}”`);
  if (hidden.length > 0)
    others.push(`隐藏的工作表 ${hidden.join("、")} 没有导入（如需要，请用 --sheet 指定）`);
  return { ...chosen.plan, notes: [...others, ...chosen.plan.notes] };
}
