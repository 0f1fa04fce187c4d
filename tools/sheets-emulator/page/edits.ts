import * as z from "zod";
import { cellsA1, quoteTitle } from "../a1";
import type { Emulator } from "../emulator";
import { ApiError } from "../errors";
import type { HookAction } from "../faults-hooks";
import { Evaluator } from "../formula-eval";
import { getCell } from "../grid";
import { assertCellLength, parseInput } from "../input-parse";
import { findSheetById, findSheetByTitle } from "../ranges";
import type { SheetModel, SpreadsheetModel } from "../types";
import { RuleBook, satisfies } from "./validation";

const index = z.number().int().min(0);
const editSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("set"), row: index, col: index, text: z.string() }),
  z.object({ kind: z.literal("paste"), row: index, col: index, rows: z.array(z.array(z.string())).min(1) }),
  z.object({ kind: z.literal("clear"), r0: index, r1: index, c0: index, c1: index }),
  z.object({ kind: z.literal("insertRows"), at: index, count: z.number().int().min(1).max(1000) }),
  z.object({ kind: z.literal("deleteRows"), start: index, end: index }),
  z.object({ kind: z.literal("sort"), col: index, descending: z.boolean() }),
  z.object({ kind: z.literal("addSheet") }),
  z.object({ kind: z.literal("renameSheet"), title: z.string() }),
]);
export const pageEditSchema = z.object({ gid: z.number().int(), edit: editSchema });
export type PageEdit = z.infer<typeof editSchema>;

/** A refusal shown to the person in the page, in the words Google Sheets uses where there are some. */
export class PageEditError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Sheets' own dialog when typed data breaks a strict rule ("There was a problem…"). */
function checkStrictRules(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  row: number,
  col: number,
  rows: string[][],
  nowMs: number,
) {
  const book = new RuleBook(ss, new Evaluator(ss, nowMs));
  for (const [i, line] of rows.entries()) {
    for (const [j, text] of line.entries()) {
      const rule = book.rules[book.of(getCell(sheet, row + i, col + j)?.dataValidation) ?? -1];
      if (!rule?.strict || text === "") continue;
      const parsed = parseInput(text, "USER_ENTERED");
      const isNumber = parsed !== "skip" && parsed.value?.numberValue !== undefined;
      if (!satisfies(rule, text.trim(), isNumber)) {
        const a1 = cellsA1(row + i, row + i + 1, col + j, col + j + 1);
        throw new PageEditError(`您在单元格 ${a1} 中输入的数据违反了为此单元格设置的数据验证规则。`);
      }
    }
  }
}

function nextSheetName(ss: SpreadsheetModel): string {
  let n = ss.sheets.length + 1;
  while (findSheetByTitle(ss, `工作表${n}`)) n += 1;
  return `工作表${n}`;
}

export interface PlannedEdit {
  actions: HookAction[];
  detail: string;
}

/** Turns one page edit into the same requests a person's edit in Google Sheets amounts to. */
export function planEdit(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  edit: PageEdit,
  nowMs: number,
): PlannedEdit {
  const id = ss.spreadsheetId;
  const at = (r0: number, r1: number, c0: number, c1: number) =>
    `${quoteTitle(sheet.title)}!${cellsA1(r0, r1, c0, c1)}`;
  const batch = (requests: unknown[], detail: string): PlannedEdit => ({
    actions: [{ op: "batchUpdate", spreadsheetId: id, body: { requests } }],
    detail,
  });
  const { rowCount, columnCount, frozenRowCount = 0 } = sheet.gridProperties;
  switch (edit.kind) {
    case "set":
    case "paste": {
      const rows = edit.kind === "set" ? [[edit.text]] : edit.rows;
      const row = edit.row;
      const col = edit.col;
      for (const line of rows) for (const text of line) assertCellLength(text);
      checkStrictRules(ss, sheet, row, col, rows, nowMs);
      const height = rows.length;
      const width = Math.max(...rows.map((line) => line.length));
      const actions: HookAction[] = [];
      // Pasting past the edge grows the sheet, as the Sheets UI does.
      if (row + height > rowCount || col + width > columnCount) {
        const requests = [];
        if (row + height > rowCount) {
          requests.push({
            appendDimension: { sheetId: sheet.sheetId, dimension: "ROWS", length: row + height - rowCount },
          });
        }
        if (col + width > columnCount) {
          requests.push({
            appendDimension: {
              sheetId: sheet.sheetId,
              dimension: "COLUMNS",
              length: col + width - columnCount,
            },
          });
        }
        actions.push({ op: "batchUpdate", spreadsheetId: id, body: { requests } });
      }
      const range = at(row, row + height, col, col + width);
      actions.push({
        op: "valuesUpdate",
        spreadsheetId: id,
        range,
        values: rows,
        valueInputOption: "USER_ENTERED",
      });
      return { actions, detail: `${edit.kind} ${range}` };
    }
    case "clear": {
      const range = at(edit.r0, edit.r1, edit.c0, edit.c1);
      return { actions: [{ op: "valuesClear", spreadsheetId: id, range }], detail: `clear ${range}` };
    }
    case "insertRows":
      return batch(
        [
          {
            insertDimension: {
              range: {
                sheetId: sheet.sheetId,
                dimension: "ROWS",
                startIndex: edit.at,
                endIndex: edit.at + edit.count,
              },
              inheritFromBefore: edit.at > 0,
            },
          },
        ],
        `insert ${edit.count} row(s) at row ${edit.at + 1}`,
      );
    case "deleteRows":
      if (edit.end <= edit.start) throw new PageEditError("请选择要删除的行。");
      if (edit.start === 0 && edit.end >= rowCount) throw new PageEditError("您无法删除工作表中的所有行。");
      return batch(
        [
          {
            deleteDimension: {
              range: {
                sheetId: sheet.sheetId,
                dimension: "ROWS",
                startIndex: edit.start,
                endIndex: edit.end,
              },
            },
          },
        ],
        `delete rows ${edit.start + 1}-${edit.end}`,
      );
    case "sort":
      // "Sort sheet" leaves the frozen header rows where they are.
      return batch(
        [
          {
            sortRange: {
              range: { sheetId: sheet.sheetId, startRowIndex: frozenRowCount, endRowIndex: rowCount },
              sortSpecs: [
                { dimensionIndex: edit.col, sortOrder: edit.descending ? "DESCENDING" : "ASCENDING" },
              ],
            },
          },
        ],
        `sort by column ${edit.col + 1} ${edit.descending ? "descending" : "ascending"}`,
      );
    case "addSheet": {
      const title = nextSheetName(ss);
      return batch([{ addSheet: { properties: { title } } }], `add sheet ${title}`);
    }
    case "renameSheet": {
      const title = edit.title.trim();
      if (title === "") throw new PageEditError("工作表名称不能为空。");
      const other = findSheetByTitle(ss, title);
      if (other && other !== sheet) throw new PageEditError(`已存在名为“${title}”的工作表。请输入其他名称。`);
      return batch(
        [{ updateSheetProperties: { properties: { sheetId: sheet.sheetId, title }, fields: "title" } }],
        `rename sheet ${sheet.title} to ${title}`,
      );
    }
  }
}

const TRANSLATIONS: [RegExp, string][] = [
  [/more than the maximum of 50000 characters/, "您输入的内容超出了单个单元格 50000 个字符的上限。"],
  [/exceeds grid limits/, "超出了工作表的范围。"],
];

/** Applies a page edit as a person's edit (no quota, logged as "human") and says what it added. */
export function applyPageEdit(
  em: Emulator,
  spreadsheetId: string,
  body: unknown,
): { gid: number; cells: number } {
  const ss = em.store.spreadsheets.get(spreadsheetId);
  if (!ss) throw new PageEditError("找不到这个表格。", 404);
  const parsed = pageEditSchema.safeParse(body);
  if (!parsed.success) throw new PageEditError(`无法识别的编辑：${z.prettifyError(parsed.error)}`);
  const sheet = findSheetById(ss, parsed.data.gid);
  if (!sheet) throw new PageEditError("找不到这个工作表，可能已被删除。", 404);
  let cells: number;
  try {
    const plan = planEdit(ss, sheet, parsed.data.edit, em.now());
    cells = em.applyPersonEdit(spreadsheetId, plan.actions, plan.detail);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const known = TRANSLATIONS.find(([pattern]) => pattern.test(e.message));
    throw new PageEditError(known ? known[1] : e.message);
  }
  const after = em.store.spreadsheets.get(spreadsheetId);
  const added = parsed.data.edit.kind === "addSheet" ? after?.sheets[after.sheets.length - 1] : undefined;
  return { gid: added?.sheetId ?? sheet.sheetId, cells };
}
