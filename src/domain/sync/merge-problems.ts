import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { type Problem, tabProblem } from "../problems";

/** A merge as spreadsheets.get gives it (0-based, end exclusive; a bound Google leaves out is open). */
export interface GridMerge {
  readonly startRowIndex?: number | null;
  readonly endRowIndex?: number | null;
  readonly startColumnIndex?: number | null;
  readonly endColumnIndex?: number | null;
}

/** Listed one by one up to this many; the rest are counted in one more line. */
const LISTED = 20;

/** What every listed merge's message says, and no other problem's (isMergeProblem). */
const MERGED = "合并成了一个单元格：";

/**
 * A merge's 提醒 among problems stored by an earlier run: a run works its merges out again every
 * time (they are read even when the ledger is not), so what it keeps of an earlier run leaves them out.
 */
export function isMergeProblem(problem: Problem): boolean {
  return problem.tab === TAB_NAMES.ledger && problem.row !== null && problem.message.includes(MERGED);
}

/**
 * What staff are told of merged cells among 建议台账's rows. A ledger is read row by row: a merged
 * cell keeps its content only in its first row and column, so the other rows of a 主办单位 merged
 * over three suggestions read blank (they fall back to 待交办), and a 台账状态 the sync writes into a
 * covered row is hidden under the first row's. Offices merge such cells out of habit (a unit's
 * suggestions under one 主办单位): each merge gets a 提醒 saying what it does and how to undo it.
 * The header row's merges are the header check's business (it reads the header as it is).
 */
export function mergeProblems(merges: readonly GridMerge[], header: readonly string[]): Problem[] {
  const inRows = merges
    .map((m) => ({
      r0: m.startRowIndex ?? 0,
      r1: m.endRowIndex ?? Number.POSITIVE_INFINITY,
      c0: m.startColumnIndex ?? 0,
      c1: m.endColumnIndex ?? header.length,
    }))
    .filter((m) => m.r1 > 1)
    .map((m) => ({ ...m, r0: Math.max(m.r0, 1) }))
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const named = (c: number) => `『${header[c] || `第${c + 1}列`}』`;
  const problems: Problem[] = inRows.slice(0, LISTED).map((m) => {
    const rows =
      m.r1 - m.r0 > 1 ? `第${m.r0 + 1}–${Number.isFinite(m.r1) ? m.r1 : "末"}行` : `第${m.r0 + 1}行`;
    const columns = m.c1 - m.c0 > 1 ? `${named(m.c0)}到${named(m.c1 - 1)}` : named(m.c0);
    const keeps = m.r1 - m.r0 > 1 ? `第${m.r0 + 1}行` : named(m.c0);
    return {
      tab: TAB_NAMES.ledger,
      row: m.r0 + 1,
      column: header[m.c0] || null,
      level: "提醒",
      id: null,
      message:
        `${rows}的${columns}${MERGED}合并后只有${keeps}的内容算数，被盖住的各格读作空白，系统写进去的办理期限、` +
        "台账状态也会被遮住。请选中它，取消合并（格式 → 合并单元格 → 取消合并），再把每一行、每一列的内容填完整",
    };
  });
  if (inRows.length > LISTED)
    problems.push(
      tabProblem(
        TAB_NAMES.ledger,
        "提醒",
        `另有 ${inRows.length - LISTED} 处合并的单元格未逐一列出：请在表中全选，取消合并`,
      ),
    );
  return problems;
}
