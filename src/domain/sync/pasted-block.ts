import type { Problem } from "../problems";
import type { CellMap } from "./plan-history";
import { rowRuns, type SeenRow } from "./shifted-column";

/**
 * The staff columns a person writes suggestion by suggestion, in words of its own: the same text
 * landing on many of them at once is a paste or a fill-down, not work. Dropdowns, dates, names and
 * yes/no columns are left out: equal values there are normal (a batch 交办 on one day, 满意 rated
 * by many).
 */
export const FREE_TEXT_COLUMNS = ["标题", "内容摘要", "预审意见", "答复内容", "回访意见", "备注"] as const;

/**
 * The fewest rows of one chunk whose own text was replaced by one same text before it is taken for
 * a paste. A clerk putting two or three replies into a standard wording between two syncs (ten
 * minutes apart) is ordinary; a block pasted or filled down over a column covers many rows, and five
 * lost texts are already worth a look. It is a 提醒 only, said once: a miss costs more than a word.
 */
export const MIN_PASTED_ROWS = 5;

/** How much of the pasted text the 提醒 quotes: enough to recognise it, not a whole reply. */
const QUOTED_CHARS = 20;

/** A free-text column of a chunk where one text replaced others in many rows in one sync. */
export interface PastedBlock {
  readonly header: string;
  /** The text as read now (trimmed). */
  readonly text: string;
  /** Sheet rows, ascending. */
  readonly rows: readonly number[];
}

const textOf = (v: CellMap[string] | undefined): string => (v === undefined ? "" : String(v).trim());

/**
 * The free-text columns of a chunk's changed rows (the rows whose snapshot differed, as the chunk
 * holds them for shiftedColumns) where at least MIN_PASTED_ROWS rows went from a text of their own
 * to one same text. Only a row whose cell held a text before, and a different one, counts: filling
 * blank cells with a standard text is ordinary work. The texts replaced must not all be one text
 * either: a standard wording changed to another (待交办 → 已交办) is a deliberate edit, and nothing
 * of any one row is lost by it.
 */
export function pastedBlocks(
  rows: readonly SeenRow[],
  headers: readonly string[] = FREE_TEXT_COLUMNS,
): PastedBlock[] {
  if (rows.length < MIN_PASTED_ROWS) return [];
  const out: PastedBlock[] = [];
  for (const header of headers) {
    const byText = new Map<string, { rows: number[]; before: Set<string> }>();
    for (const row of rows) {
      const now = textOf(row.now[header]);
      const was = textOf(row.before[header]);
      if (!now || !was || now === was) continue;
      let group = byText.get(now);
      if (!group) {
        group = { rows: [], before: new Set() };
        byText.set(now, group);
      }
      group.rows.push(row.rowNumber);
      group.before.add(was);
    }
    for (const [text, group] of byText)
      if (group.rows.length >= MIN_PASTED_ROWS && group.before.size > 1)
        out.push({ header, text, rows: group.rows.sort((a, b) => a - b) });
  }
  return out;
}

/** The text on one line, cut to QUOTED_CHARS characters (not UTF-16 units) with "…". */
function quoted(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, " "));
  return chars.length > QUOTED_CHARS ? `${chars.slice(0, QUOTED_CHARS).join("")}…` : chars.join("");
}

/**
 * One 提醒 per pasted block, on its first row: which column and rows, the text, how to undo. Said by
 * the sync that saw the change alone (the snapshots take the new text after it), so run-chunk keeps
 * these out of the result a later sync may reuse.
 */
export function pastedBlockProblems(blocks: readonly PastedBlock[], tab: string): Problem[] {
  return blocks.flatMap((block) => {
    const first = block.rows[0];
    if (first === undefined) return [];
    return [
      {
        tab,
        row: first,
        column: block.header,
        level: "提醒",
        id: null,
        message:
          `疑似整块粘贴：${block.rows.length} 行的『${block.header}』（第 ${rowRuns(block.rows)} 行）` +
          `在同一次同步中被改成了相同的文字“${quoted(block.text)}”。` +
          "如系误操作，可用“撤销”或“文件 → 版本记录”恢复，原文也保存在看板各建议页的“变更与通知记录”中；" +
          "确系有意统一改写的，不必处理",
      },
    ];
  });
}
