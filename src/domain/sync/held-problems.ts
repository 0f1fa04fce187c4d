import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../problems";
import { CELL_FILLED, type PlannedWrite } from "./remap";

/** How every held row's 提醒 begins, and the advice only a row held by the sheet itself gets. */
const HELD_LEAD = "本次同步没能写入这一行的";
const ROW_TO_CHECK =
  "。若每次同步都出现，请检查该行是否有合并或受保护的单元格，或同步时是否正在排序、移动这一行";

/**
 * What staff are told of system cells a sync could not write (their row was moved, edited, or
 * could not be told apart at the instant of the write): one 提醒 per row in 校验问题, naming the
 * cells, so that a status the sheet shows out of date is not hidden in the run's log. The writes
 * are tried again by the next sync; a row held run after run (a merged or protected cell, a column
 * staff keep moving) then stays listed until it is mended.
 *
 * A row held only because Google kept answering errors is told without that advice: there is
 * nothing in the sheet to mend, and staff would look for a merged cell that is not there.
 *
 * Not told: a new 编号 dropped because a person typed one into that cell meanwhile (that row is
 * numbered, by the person, as they meant).
 */
export function heldWriteProblems(
  held: readonly { write: PlannedWrite; reason: string; serviceFailure?: true }[],
  idOfRow: (sourceRow: number) => string | null,
): Problem[] {
  const byRow = new Map<number, { headers: string[]; reasons: string[]; rowToCheck: boolean }>();
  for (const { write, reason, serviceFailure } of held) {
    if (write.onlyIfBlank && reason === CELL_FILLED) continue;
    const entry = byRow.get(write.sourceRow) ?? { headers: [], reasons: [], rowToCheck: false };
    if (!serviceFailure) entry.rowToCheck = true;
    if (!entry.headers.includes(write.header)) entry.headers.push(write.header);
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    byRow.set(write.sourceRow, entry);
  }
  return [...byRow].map(([row, { headers, reasons, rowToCheck }]) => ({
    tab: TAB_NAMES.ledger,
    row,
    column: headers[0] ?? null,
    level: "提醒",
    id: idOfRow(row),
    message:
      `${HELD_LEAD}${headers.map((h) => `『${h}』`).join("")}（${reasons.join("；")}），` +
      "表格里显示的可能不是最新结果，下次同步会再写" +
      (rowToCheck ? ROW_TO_CHECK : ""),
  }));
}

/**
 * A row's 提醒 from heldWriteProblems held only by Google's failures (nothing in the sheet to
 * mend): /problems folds these under one line, since a refused sync can hold every row at once.
 */
export const heldByGoogleOnly = (p: Problem): boolean =>
  p.level === "提醒" &&
  p.tab === TAB_NAMES.ledger &&
  p.message.startsWith(HELD_LEAD) &&
  !p.message.endsWith(ROW_TO_CHECK);
