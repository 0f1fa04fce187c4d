import { lookAlikeTab, renamedTabAdvice } from "../../../sheets-schema/look-alikes";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";

const LEDGER = TAB_NAMES.ledger;

/** Where staff learn to rebuild the ledger from the dashboard's export when no version is left. */
export const LOST_LEDGER_GUIDE = "部署指南“整张台账丢失时”一节";

/** The way back when Google's versions cannot give the ledger back: the dashboard's own export. */
export const NO_VERSION_ADVICE = `没有可用的版本时，按${LOST_LEDGER_GUIDE}，用看板“导出台账（CSV）”导出的台账恢复`;

/**
 * 建议台账 is not in the spreadsheet: the tab named when one looks like it (renamed), else how to get
 * it back. Unlike a small tab, a new empty ledger is the wrong fix: every suggestion would read as
 * removed from it. Said alike in 校验问题, on the dashboard's banner and by /healthz.
 */
export function missingLedgerReason(titles: readonly string[] = []): string {
  const renamed = lookAlikeTab(LEDGER, titles);
  if (renamed !== null) return `${renamedTabAdvice(LEDGER, renamed)}，改好之前本次不同步台账`;
  return (
    `找不到工作表『${LEDGER}』，本次没有同步台账：如果是误删或改了表名，请用“撤销”或“文件 → 版本记录”恢复` +
    `（Google 表格保留着历史版本），或把表名改回『${LEDGER}』；不要新建一张空表，那会让系统以为所有建议都已从台账中删除。` +
    NO_VERSION_ADVICE
  );
}

/**
 * The ledger as the last plan found it when it held it as lost: the tab missing, or (almost) all of
 * its rows gone. `present`: the suggestions the last read ledger held (what the pages still show).
 */
export interface LedgerHold {
  readonly kind: "missing" | "emptied";
  readonly rows: number;
  readonly present: number;
}

/** The hold as D1's meta keeps it ("" while the ledger is read). */
export const ledgerHoldText = (hold: LedgerHold | null): string => (hold ? JSON.stringify(hold) : "");

/** The stored hold, or null when there is none or it cannot be read. */
export function ledgerHoldOf(text: string | null | undefined): LedgerHold | null {
  if (!text) return null;
  try {
    const hold = JSON.parse(text) as Partial<LedgerHold>;
    if (hold.kind !== "missing" && hold.kind !== "emptied") return null;
    return { kind: hold.kind, rows: Number(hold.rows) || 0, present: Number(hold.present) || 0 };
  } catch {
    return null;
  }
}

/**
 * Why 恢复 cannot help while the ledger is held as lost, and what does: a suggestion restored one by
 * one into a missing tab fails, into an emptied one it is one row of a ledger still lost; and the
 * sync, holding the last read, sees no suggestion as vanished, so "still in the ledger" would be false.
 */
export function heldLedgerRestoreMessage(hold: LedgerHold): string {
  const last = hold.present > 0 ? `，系统存有 ${hold.present} 条` : "";
  const seen =
    hold.kind === "missing"
      ? `找不到工作表『${LEDGER}』`
      : hold.rows === 0
        ? `『${LEDGER}』现在没有数据行`
        : `『${LEDGER}』现在只剩 ${hold.rows} 行数据`;
  const restore =
    hold.kind === "missing"
      ? "请先用“撤销”或表格的“文件 → 版本记录”恢复整张表（不要新建空表）"
      : "请先用表格的“文件 → 版本记录”恢复整张表";
  return (
    `${seen}（同步已暂停${last}），逐条恢复补不回整张台账：${restore}；` +
    `没有可用版本时，按${LOST_LEDGER_GUIDE}用导出的台账恢复。台账恢复后，下次同步（每 10 分钟一次）即恢复正常`
  );
}
