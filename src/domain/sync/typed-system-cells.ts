import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerSystemColumns } from "../../../sheets-schema/tabs/ledger";
import { rawText } from "../dashboard/cell-text";
import type { Problem } from "../problems";
import type { CellMap, FieldChange } from "./plan-history";

/** A system cell of 建议台账 the sync just wrote over (a confirmed write): what it held, and what went in. */
export interface OverwrittenCell {
  id: string;
  rowNumber: number;
  header: string;
  /** The cell as the chunk read it, before the write. */
  before: unknown;
  /** What the sync wrote (a date as its day serial). */
  written: string | number;
}

/** The ledger's system columns holding a date (办理期限): a serial in the sheet, YYYY-MM-DD in a snapshot. */
export const SYSTEM_DATE_HEADERS: ReadonlySet<string> = new Set<string>(
  ledgerSystemColumns.filter((c) => c.cell.kind === "date").map((c) => c.header),
);

/** A system cell's value as text: a snapshot keeps dates as YYYY-MM-DD, the sheet as serials. */
const textOf = (header: string, value: unknown) => rawText(value, SYSTEM_DATE_HEADERS.has(header));

/**
 * Of the system cells a sync wrote over, those a person had typed into: the cell held something
 * other than what the sync last wrote there (`lastWritten`, the suggestion's snapshot) and other
 * than the new value. A value the rules moved (a due date passed, so 台账状态 changed) still held
 * what the sync wrote last time, so it is no person's edit. Where nothing is known of the last
 * write (a sheet's first sync, a new row, a write the sync could not make last time), nothing is
 * said: the cell is put right as before. A cell a person cleared is left unsaid too: nothing typed
 * is lost, and a column staff add back blank must not read as a dozen edits.
 */
export function typedOver(
  cells: readonly OverwrittenCell[],
  lastWritten: (id: string) => CellMap | null,
): OverwrittenCell[] {
  return cells.filter((cell) => {
    const last = lastWritten(cell.id)?.[cell.header];
    if (last === undefined) return false;
    const typed = textOf(cell.header, cell.before);
    return typed !== "" && typed !== textOf(cell.header, last) && typed !== textOf(cell.header, cell.written);
  });
}

/** Kept in the suggestion's history, so what the person typed is not lost with the cell. */
export const PUT_BACK_NOTE = "系统列，已按规则改回";

/** The history entries of cells put back: old = what the person typed, new = the system's value. */
export function putBackChanges(edits: readonly OverwrittenCell[]): FieldChange[] {
  return edits.map((e) => ({
    suggestionId: e.id,
    column: e.header,
    oldValue: textOf(e.header, e.before),
    newValue: textOf(e.header, e.written) || null,
    source: "system",
    actor: null,
    note: PUT_BACK_NOTE,
  }));
}

/** Where to write instead of each system column, as staff mean it there. */
const WHERE_INSTEAD: Record<string, string> = {
  台账状态: "请填写答复日期、答复类别等，状态由系统计算",
  办理期限: "延期请填『延期申请』，或按规定将办理时限改为 六个月",
  校验问题: "说明请写在『备注』",
};
const ELSEWHERE = "请在员工填写的列中修改，系统列不要手填";

/**
 * One 提醒 in 校验问题 per cell put back, for the run that put it back: the row, the column, what was
 * typed (kept in the suggestion's 变更与通知记录) and where to write instead.
 */
export function putBackProblems(edits: readonly OverwrittenCell[]): Problem[] {
  return edits.map((e) => {
    const now = textOf(e.header, e.written);
    return {
      tab: TAB_NAMES.ledger,
      row: e.rowNumber,
      column: e.header,
      level: "提醒",
      id: e.id,
      message:
        `『${e.header}』由系统按规则填写，这里手填的“${textOf(e.header, e.before)}”已改回` +
        `${now ? `“${now}”` : "空白"}（手填内容记在该建议的变更与通知记录中）：` +
        (WHERE_INSTEAD[e.header] ?? ELSEWHERE),
    };
  });
}
