/**
 * What the whole file means for the ledger and needs a person (ImportPlan.warnings): columns it lacks,
 * columns its rows need, 编号 it holds twice, 编号 without a year, made dates by Excel or written as a
 * year and a number.
 */
import { type ColumnDef, ledgerTab, parseCell } from "../../sheets-schema";
import { isBareSequenceNumber, yearDigitsWidth } from "./cells";
import type { PlannedColumn, PlannedRow } from "./plan";

const BY_HEADER = new Map<string, ColumnDef>(ledgerTab.columns.map((c) => [c.header, c]));

/** Contract columns whose absence from the file makes every imported row say so after the sync. */
const MISSING_COLUMN_NOTES: readonly (readonly [string, string])[] = [
  ["标题", "各行没有标题，同步后每行都会报“标题未填写”：请在表格中补上"],
  ["领衔代表", "各行没有领衔代表，同步后每行都会报错：请在表格中补上"],
  ["提出日期", "各行没有提出日期，同步后每行都会报“提出日期未填写”的错误：请在表格中补上"],
  [
    "审查结果",
    "各行都按“待审查”处理，不计入办理统计、不算办理期限；如这些建议都已立案，请在表格中把审查结果填为“立案”",
  ],
];

/**
 * Contract columns the sync asks for only on some rows (ledger.md: 类别 once 立案, 并入编号 with 并案,
 * 答复类别 with a 答复日期, 答复内容 with class C; a reply needs the 交办日期 it counts from). A file
 * without the column but with such rows gives each of them the same 错误 after the sync.
 */
const CONDITIONAL_COLUMNS: readonly {
  readonly header: string;
  /** The column whose value makes `header` required, and the value (any, when absent). */
  readonly when: string;
  readonly is?: string;
  readonly rows: string;
  readonly what: string;
  /** Said of the rows counted when the import filled `header` on some rows from another column. */
  readonly stillWithout?: string;
}[] = [
  {
    header: "类别",
    when: "审查结果",
    is: "立案",
    rows: "审查结果为立案",
    what: "同步后每行都会报“审查结果为立案，类别必填”的错误；请在表格中补上类别（从『设置』的类别中选）",
  },
  {
    header: "并入编号",
    when: "审查结果",
    is: "并案",
    rows: "审查结果为并案",
    what: "同步后每行都会报“并入编号必填”的错误；请在表格中补上所并入建议的编号",
  },
  {
    header: "交办日期",
    when: "答复日期",
    rows: "已有答复日期",
    what: "同步后每行都会报“没有交办日期”的错误，不计入办理统计；请在表格中补上交办日期",
  },
  {
    header: "答复类别",
    when: "答复日期",
    rows: "已有答复日期",
    what: "同步后每行都会报“答复类别必填”的错误，不计入办理统计；请在表格中补上答复类别（A、B、C 或 D）",
    stillWithout: "，答复内容开头又没有写明类别",
  },
  {
    header: "答复内容",
    when: "答复类别",
    is: "C",
    rows: "答复类别为 C",
    what: "同步后每行都会报“答复内容必填”的错误；请在表格中补上答复内容，写明暂时无法解决的原因",
  },
];

/**
 * Rows whose `header` reads (by the contract's rules: “ 立案 ”, “c类”) as `is`, or is filled at all,
 * and that still lack `missing` (a 答复类别 the import took from the 答复内容 is there).
 */
function rowsWith(
  rows: readonly PlannedRow[],
  header: string,
  is: string | undefined,
  missing: string,
): number {
  const cell = BY_HEADER.get(header)?.cell;
  if (!cell) return 0;
  let count = 0;
  for (const row of rows) {
    if (row.values.has(missing)) continue;
    const read = parseCell(cell, row.values.get(header));
    if (!read.blank && !read.error && (is === undefined || read.value === is)) count += 1;
  }
  return count;
}

/** At most this many running-number 编号 are named; the rest are counted. */
export const LISTED_BARE_IDS = 10;

/** A 编号 cell Excel holds as a date (Dec-26, 2026-12 typed into a General cell), as the import reads it. */
export interface DateId {
  readonly row: number;
  readonly id: string;
}

/**
 * Most 编号 are a year and a number (2025001): the 编号格式 the sync numbers new suggestions by is
 * `{年}-{序号:3}` unless staff change it, so the next would be 2025-001 beside 2025001.
 */
function yearDigitsWarning(ids: readonly { id: string; width: number }[]): string {
  const widths = new Map<number, number>();
  for (const { width } of ids) widths.set(width, (widths.get(width) ?? 0) + 1);
  const width = [...widths].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 3;
  const first = ids[0]?.id ?? "";
  const examples = ids
    .slice(0, 2)
    .map((i) => i.id)
    .join("、");
  return `编号多为年份加序号的纯数字（如 ${examples}，共 ${ids.length} 个），与『设置』中编号格式的默认值“{年}-{序号:3}”不同：请在首次同步前把『设置』的编号格式改为“{年}{序号:${width}}”，系统给新建议编的号才会接着这些编号往下编（不改，系统按默认格式给新建议编出的是“${first.slice(0, 4)}-”开头带横线的号，与 ${first} 这些编号不是一种写法）`;
}

export function fileWarnings(
  columns: readonly PlannedColumn[],
  rows: readonly PlannedRow[],
  dateIds: readonly DateId[],
  /** False for jianyi's own export: its 编号 were numbered under the office's 编号格式 already. */
  { firstImport = true }: { readonly firstImport?: boolean } = {},
): string[] {
  const warnings: string[] = [];
  const mapped = new Set(columns.map((c) => c.target));
  for (const [header, what] of MISSING_COLUMN_NOTES)
    if (!mapped.has(header)) warnings.push(`文件中没有“${header}”列：${what}`);
  for (const need of CONDITIONAL_COLUMNS) {
    if (mapped.has(need.header)) continue;
    if (!mapped.has(need.when)) {
      // The 审查结果 line above tells staff to fill in 立案: what a 立案 row then needs is said with it,
      // or following that advice gives every row a new 错误.
      if (need.when === "审查结果" && need.is === "立案" && rows.length > 0)
        warnings.push(`文件中没有“${need.header}”列：如按上面的提示把审查结果填为“立案”，${need.what}`);
      continue;
    }
    const count = rowsWith(rows, need.when, need.is, need.header);
    const filled = need.stillWithout && rows.some((r) => r.values.has(need.header)) ? need.stillWithout : "";
    if (count > 0)
      warnings.push(`文件中没有“${need.header}”列，而有 ${count} 行${need.rows}${filled}：${need.what}`);
  }
  const rowsOf = new Map<string, number[]>();
  const bare: string[] = [];
  const yearDigits: { id: string; width: number }[] = [];
  for (const row of rows) {
    const id = String(row.values.get("编号") ?? "").trim();
    if (id) rowsOf.set(id, [...(rowsOf.get(id) ?? []), row.sourceRow]);
    if (id && isBareSequenceNumber(id)) bare.push(`${id}（第 ${row.sourceRow} 行）`);
    const width = yearDigitsWidth(id);
    if (width !== null) yearDigits.push({ id, width });
  }
  if (firstImport && yearDigits.length * 2 > rowsOf.size) warnings.push(yearDigitsWarning(yearDigits));
  for (const [id, at] of rowsOf)
    if (at.length > 1)
      warnings.push(
        `编号“${id}”在文件中出现 ${at.length} 次（第 ${at.join("、")} 行）：都会导入，同步后会报编号重复，请核对后改正其中一行`,
      );
  if (bare.length > 0) {
    const more = bare.length > LISTED_BARE_IDS ? `等 ${bare.length} 个` : "";
    warnings.push(
      `编号 ${bare.slice(0, LISTED_BARE_IDS).join("、")}${more}只有序号，没有年份：导入后请核对，或清空编号由系统按编号格式重新编号`,
    );
  }
  // Excel turns 2026-12 or Dec-26 typed into a General cell into a date; read back it is 2026-12-01,
  // a 编号 no one typed, and units would get notices about it.
  if (dateIds.length > 0) {
    const listed = dateIds.slice(0, LISTED_BARE_IDS).map((d) => `${d.id}（第 ${d.row} 行）`);
    const more = dateIds.length > LISTED_BARE_IDS ? `等 ${dateIds.length} 个` : "";
    warnings.push(
      `编号 ${listed.join("、")}${more}在 Excel 中是日期单元格，多半是输入的编号被 Excel 自动转成了日期：请在 Excel 中把这些单元格设为“文本”格式，重新输入编号后再导入；已导入的，请在表格中改正编号`,
    );
  }
  return warnings;
}
