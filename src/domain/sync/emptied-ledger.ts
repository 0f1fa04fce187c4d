import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../problems";
import { type IdColumnCount, type IdHold, MIN_CLEARED_ROWS } from "./cleared-ids";
import { NO_VERSION_ADVICE } from "./lost-ledger";

/**
 * Rows left, as a share of the suggestions the last sync found, below which the ledger looks
 * emptied by mistake (select all → Delete, then the header typed back; rows 2 … 1000 cleared):
 * under a fifth of them.
 */
const KEPT_SHARE_DIVISOR = 5;

/** How many rows the ledger holds now, against how many suggestions it held before. */
export interface EmptiedLedger {
  readonly dataRows: number;
  readonly presentBefore: number;
}

/**
 * The ledger's rows look deleted by mistake: the last sync found at least MIN_CLEARED_ROWS
 * suggestions, and fewer than a fifth of that many rows hold data now. Reading it would mark
 * every suggestion vanished, rewrite 统计 and the figures to nothing, and stop every notice
 * (the statutory 逾期催办 with them), with no word to staff. Held like a cleared 编号 column
 * (clearedIdColumn), against the count from before an earlier hold when there was one; it lifts
 * once the rows are back. A small office deleting its few rows, and deletions in steps that each
 * keep a fifth, are read as always.
 */
export function emptiedLedger(
  count: Pick<IdColumnCount, "dataRows" | "presentBefore">,
  hold: IdHold | null = null,
): EmptiedLedger | null {
  const presentBefore = Math.max(count.presentBefore, hold?.presentBefore ?? 0);
  if (presentBefore < MIN_CLEARED_ROWS || count.dataRows * KEPT_SHARE_DIVISOR >= presentBefore) return null;
  return { dataRows: count.dataRows, presentBefore };
}

/**
 * The count is of the suggestions the system keeps (present snapshots, META_PRESENT): one a 编号,
 * and none for a row whose 编号 another row repeats (kept only once it is its own). 概览's 建议总数
 * counts the last read's rows with a 编号, each row of a repeated 编号 included: 137 here beside
 * 139 there, both right. So the count says it is the system's, and the problem says why it can be
 * fewer; "上次同步时有 137 条建议" read as a miscount of the ledger's 139 rows.
 */
const kept = (presentBefore: number) => `上次同步后系统存有 ${presentBefore} 条建议`;

const seen = ({ dataRows, presentBefore }: EmptiedLedger) =>
  dataRows === 0
    ? `『${TAB_NAMES.ledger}』没有数据行（${kept(presentBefore)}）`
    : `『${TAB_NAMES.ledger}』只剩 ${dataRows} 行数据（${kept(presentBefore)}）`;

/** Why the ledger was not read, short (the run's message, the dashboard's banner and /healthz). */
export const emptiedLedgerReason = (emptied: EmptiedLedger): string =>
  `${seen(emptied)}，疑似被误删，本次不读取台账（详见“校验问题”）`;

/** The one 错误 in 校验问题: what the sync saw and did not do, how to undo it, how to delete on purpose. */
export function emptiedLedgerProblem(emptied: EmptiedLedger): Problem {
  return {
    tab: TAB_NAMES.ledger,
    row: null,
    column: null,
    level: "错误",
    id: null,
    message:
      `${seen(emptied)}：疑似台账内容被误删（例如全选后按了删除）。` +
      "本次同步暂不读取台账：不把建议记为消失，页面、统计和提醒沿用上次同步的数据。" +
      "请用“撤销”或表格的“文件 → 版本记录”恢复台账的各行，下次同步即恢复正常；" +
      `${NO_VERSION_ADVICE}。` +
      `如确要删除这些建议，请分几次删除，每次留下的行不少于系统存有的建议数的五分之一，并各同步一次（删除的建议会记为消失，可在看板上确认删除）；剩下不到 ${MIN_CLEARED_ROWS} 条时可一次删完。` +
      "（系统存有的建议按编号计，编号重复的行不另计，可能少于“概览”的“建议总数”）",
  };
}
