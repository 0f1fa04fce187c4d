/** The import's report, in Chinese: where each column went, what could not be read, what was written. */
import { YEARLESS_FIX } from "./cells";
import { normaliseHeader } from "./headers";
import type { AlreadyThere } from "./ledger-match";
import type { ImportPlan, ImportProblem } from "./plan";
import type { WriteOutcome } from "./write";

/** At most this many problems are listed one by one; the rest are counted. */
const LISTED_PROBLEMS = 200;

/** Rows named in a line for a whole column; the rest are counted. */
const LISTED_ROWS = 10;

/**
 * The problems as report lines: dates without a year (1月5日, typed on row after row of a year's
 * sheet) one line per column, with the count and the first rows, where its first cell stood; every
 * other problem on a line of its own.
 */
function problemLines(problems: readonly ImportProblem[]): string[] {
  const yearless = new Map<string, ImportProblem[]>();
  for (const p of problems) if (p.yearless) yearless.set(p.column, [...(yearless.get(p.column) ?? []), p]);
  const lines: string[] = [];
  for (const p of problems) {
    if (!p.yearless) {
      lines.push(`  第 ${p.row} 行 “${p.column}” 值“${p.value}”：${p.why}`);
      continue;
    }
    const group = yearless.get(p.column);
    if (group?.[0] !== p) continue;
    const rows = group.slice(0, LISTED_ROWS).map((g) => g.row);
    const more = group.length > LISTED_ROWS ? " 行等" : " 行";
    lines.push(
      `  “${p.column}” 有 ${group.length} 处只有月日、没有年份（第 ${rows.join("、")}${more}，如“${p.value}”）：${YEARLESS_FIX}`,
    );
  }
  return lines;
}

const shortened = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/**
 * A header or value typed with a line break in its cell (Alt+Enter: "办理\n期限") would spread one entry
 * over two lines that read as two; shown with a space instead, as Excel's wrapped cell reads.
 */
const oneLine = (line: string) => line.replace(/[^\S\r\n]*[\r\n]+\s*/g, " ");

export function planLines(plan: ImportPlan): string[] {
  const lines = [`工作表“${plan.sheetName}”，表头在第 ${plan.headerRow} 行，数据 ${plan.rows.length} 行`];
  lines.push("列的对应：");
  for (const column of plan.columns) {
    lines.push(
      column.target
        ? `  ${column.header} → ${column.target}${normaliseHeader(column.header) === column.target ? "" : "（同义表头）"}`
        : `  ${column.header} → 附加列“${column.header}”（追加在台账表头之后，原样保留）`,
    );
  }
  for (const skipped of plan.skippedColumns) lines.push(`  ${skipped.header}：${skipped.why}`);
  for (const skipped of plan.skippedRows)
    lines.push(`第 ${skipped.row} 行“${shortened(skipped.text)}”${skipped.why}`);
  for (const note of plan.notes) lines.push(note);
  for (const warning of plan.warnings) lines.push(warning);
  if (plan.problems.length === 0) {
    // Every cell read is no all-clear when the file as a whole will make rows fail (no 类别 column).
    lines.push(
      plan.warnings.length === 0
        ? "所有单元格都已读懂。"
        : `单元格都已读懂，但上面有 ${plan.warnings.length} 条提示需要处理。`,
    );
  } else {
    lines.push(`有 ${plan.problems.length} 处没能按该列要求读懂（所在行照常导入，值按原样写入或留空）：`);
    const listed = problemLines(plan.problems);
    lines.push(...listed.slice(0, LISTED_PROBLEMS));
    if (listed.length > LISTED_PROBLEMS) lines.push(`  ……另有 ${listed.length - LISTED_PROBLEMS} 条未列出`);
  }
  return lines.map(oneLine);
}

/** A row left out whose cells the plan listed as unreadable: none of them was written either. */
const unwritten = (a: AlreadyThere) =>
  a.unreadCells ? `；上面列出的该行 ${a.unreadCells} 处没读懂的值也没有写入` : "";

export function writeLines(outcome: WriteOutcome): string[] {
  const lines: string[] = [];
  for (const a of outcome.alreadyThere)
    lines.push(`  第 ${a.sourceRow} 行未重复导入：${a.why}${unwritten(a)}`);
  for (const c of outcome.conflicts) lines.push(`  第 ${c.sourceRow} 行没有导入：${c.why}${unwritten(c)}`);
  if (outcome.newColumns.length > 0) lines.push(`新增附加列：${outcome.newColumns.join("、")}`);
  if (outcome.appended > 0)
    lines.push(
      `已追加 ${outcome.appended} 行到建议台账（${outcome.updatedRange ?? ""}），原有各行未改动。下次同步时系统会补编号、算办理期限和台账状态。`,
    );
  // A row held back for a 编号 another suggestion has is a suggestion missing from the ledger.
  if (outcome.conflicts.length > 0)
    lines.push(
      `还有 ${outcome.conflicts.length} 行因编号与台账中另一条建议相同而没有导入（见上）：请逐条核对，改好编号后再运行一次导入（已导入的行不会重复导入）`,
    );
  else if (outcome.appended === 0 && outcome.alreadyThere.length > 0)
    lines.push(
      `文件中的 ${outcome.alreadyThere.length} 行都已在建议台账中（见上），这次没有再写入，建议台账未改动。`,
    );
  else if (outcome.appended === 0) lines.push("没有需要追加的行。");
  return lines.map(oneLine);
}
