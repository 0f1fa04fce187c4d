import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../problems";

/**
 * Fewer rows than this without 编号, or fewer known 编号 gone, is ordinary work (a few new
 * suggestions, a few deleted ones), numbered and marked vanished as always.
 */
export const MIN_CLEARED_ROWS = 20;

/** What the sync's plan counts of the 编号 column (which it reads whole) and knows from D1. */
export interface IdColumnCount {
  /** Sheet rows 2 … the last with data (a blank row between counts too: rare, and only lowers the share). */
  readonly dataRows: number;
  /** Of those, rows with anything in 编号. */
  readonly numberedRows: number;
  /** Distinct 编号 the sheet holds. */
  readonly sheetIds: number;
  /** Suggestions present after the last sync that compared D1 with the sheet; 0 when none (a new office). */
  readonly presentBefore: number;
}

/**
 * What the last plan left when it held the ledger for a cleared 编号 column (null: it read the
 * ledger). While held no finish compares D1 with the sheet; the count is kept here all the same,
 * so the guard compares with the ledger as it was before the clearing whatever D1 says meanwhile.
 */
export interface IdHold {
  readonly presentBefore: number;
}

/** How many rows lack a 编号, and how many known 编号 at least are gone from the sheet. */
export interface ClearedIds {
  readonly blankRows: number;
  readonly missingIds: number;
  readonly presentBefore: number;
  readonly sheetIds: number;
  /**
   * Held only because an earlier sync held it: staff pasted some 编号 back (most rows numbered
   * again), yet at least MIN_CLEARED_ROWS rows are still blank and as many known 编号 still gone.
   */
  readonly partlyRestored: boolean;
}

/**
 * The 编号 column looks cleared by mistake: most rows with data have no 编号 (at least
 * MIN_CLEARED_ROWS), and most of the suggestions D1 knew are gone from the sheet (at least as many).
 * Numbering those rows would give every known suggestion a new 编号 and cut it loose from its
 * 沟通记录, 延期申请 and 协办意见, mark every old 编号 as vanished and send the day's notices again
 * under the new ones. A new office's first sync (D1 knows none) and new rows added below numbered
 * ones (the old 编号 still there) are not this. `missingIds` is a lower bound (the sheet's 编号 may
 * include ones D1 never saw), enough for "most".
 *
 * Once held (`hold`), "most" no longer has to be met: a column pasted back in part would otherwise
 * lift the guard and have its still-blank rows numbered anew, the very loss it exists to prevent.
 * It lifts when the 编号 are back, or fewer than MIN_CLEARED_ROWS rows are blank or known 编号 gone.
 */
export function clearedIdColumn(count: IdColumnCount, hold: IdHold | null = null): ClearedIds | null {
  const presentBefore = Math.max(count.presentBefore, hold?.presentBefore ?? 0);
  const blankRows = count.dataRows - count.numberedRows;
  const missingIds = presentBefore - count.sheetIds;
  if (blankRows < MIN_CLEARED_ROWS || missingIds < MIN_CLEARED_ROWS) return null;
  const most = blankRows * 2 > count.dataRows && missingIds * 2 > presentBefore;
  if (!most && !hold) return null;
  return { blankRows, missingIds, presentBefore, sheetIds: count.sheetIds, partlyRestored: !most };
}

/** The hold the plan stores (its text) for the next plan's clearedIdColumn. */
export const idHoldText = (cleared: ClearedIds): string =>
  JSON.stringify({ presentBefore: cleared.presentBefore } satisfies IdHold);

/** The stored hold, or null: none ("" once lifted), or unreadable (the plain rule then applies). */
export function idHoldOf(text: string | undefined): IdHold | null {
  if (!text) return null;
  try {
    const presentBefore = Number((JSON.parse(text) as Partial<IdHold>).presentBefore);
    return Number.isFinite(presentBefore) && presentBefore > 0 ? { presentBefore } : null;
  } catch {
    return null;
  }
}

/** Why the ledger was not synced, short (the run's message and the dashboard's banner). */
export function clearedIdsReason(cleared: ClearedIds): string {
  if (cleared.partlyRestored)
    return `编号列仍有 ${cleared.blankRows} 行为空、至少 ${cleared.missingIds} 个原编号尚未恢复，疑似只恢复了一部分，本次不编号（详见“校验问题”）`;
  return `编号列有 ${cleared.blankRows} 行为空，疑似被误清空，本次不编号（详见“校验问题”）`;
}

/** What the sync saw, first in the 错误: the column cleared, or pasted back in part. */
function seen(cleared: ClearedIds): string {
  const { blankRows, missingIds, presentBefore, sheetIds } = cleared;
  if (cleared.partlyRestored)
    return (
      `『${TAB_NAMES.ledger}』的编号列仍有 ${blankRows} 行为空（编号列被清空前系统存有 ${presentBefore} 条建议，现在编号列有 ${sheetIds} 个编号，` +
      `至少还有 ${missingIds} 个原编号没有恢复）：疑似编号列只恢复了一部分。`
    );
  return `『${TAB_NAMES.ledger}』的编号列有 ${blankRows} 行为空（上次同步后系统存有 ${presentBefore} 条建议，现在编号列只剩 ${sheetIds} 个编号）：疑似编号列被误清空。`;
}

/**
 * The one 错误 in 校验问题: what the sync saw, what it did not do, how to undo the clearing, and
 * how to number on purpose. The guard lifts by itself once the 编号 are back (or typed anew): it
 * never numbers rows D1 would take for its known suggestions.
 */
export function clearedIdsProblem(cleared: ClearedIds): Problem {
  const restore = cleared.partlyRestored
    ? "请把其余编号也恢复（用表格的“文件 → 版本记录”找回清空前的编号列，或把原编号逐一粘贴回去），全部恢复后下次同步即恢复正常。"
    : "请用表格的“文件 → 版本记录”恢复编号列（或把原编号粘贴回去），下次同步即恢复正常。";
  return {
    tab: TAB_NAMES.ledger,
    row: null,
    column: "编号",
    level: "错误",
    id: null,
    message:
      seen(cleared) +
      "本次同步暂不读取台账：不编号，也不把原编号记为消失，页面、统计和提醒沿用上次同步的数据。" +
      restore +
      "如确要给这些建议换新编号，请在编号列自己填写新编号，并把沟通记录、延期申请、协办意见中的编号一并改过来；" +
      "如这些行确是新建议、原有建议都已删除，同样请在编号列给它们填写新编号（不要沿用原有编号），同步后原有建议会记为消失，可在看板上确认删除",
  };
}

/** Rows of a 恢复's read of the ledger (row 1 the header) that hold data, and those of them without 编号. */
export interface IdsMissing {
  readonly dataRows: number;
  readonly blankRows: number;
}

/**
 * Most rows of the ledger, at least MIN_CLEARED_ROWS, hold data but no 编号 (the column cleared, or
 * many rows pasted in and not numbered yet), as the rows a 恢复 read show it; null otherwise. A row
 * put back then would be the one numbered row among unnumbered ones, and the sync holds the ledger
 * (clearedIdColumn) until the 编号 are back: 恢复 waits for them too.
 */
export function idsMissing(
  rows: readonly (readonly unknown[])[],
  header: readonly string[],
): IdsMissing | null {
  const idAt = header.indexOf("编号");
  if (idAt < 0) return null;
  let dataRows = 0;
  let blankRows = 0;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (!row.some((cell) => cell !== undefined && cell !== null && String(cell).trim() !== "")) continue;
    dataRows++;
    if (String(row[idAt] ?? "").trim() === "") blankRows++;
  }
  return blankRows >= MIN_CLEARED_ROWS && blankRows * 2 > dataRows ? { dataRows, blankRows } : null;
}

/** Why 恢复 of `what` (`编号 2026-040 `, `这 20 条建议`) waits while most rows have no 编号, and what helps. */
export function idsMissingRestoreMessage(missing: IdsMissing, what: string): string {
  return (
    `『${TAB_NAMES.ledger}』现有 ${missing.dataRows} 行数据，其中 ${missing.blankRows} 行的编号为空，编号列疑似被清空：` +
    `编号缺失期间系统不往台账补回行，${what}这次没有恢复。` +
    "请先用“撤销”或表格的“文件 → 版本记录”恢复编号列（或把原编号粘贴回去），下次同步后再点“恢复”；" +
    "如这些确是刚加的新行，等下次同步（每 10 分钟一次）给它们编号后再点“恢复”"
  );
}
