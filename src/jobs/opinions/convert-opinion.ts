import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { opinionRows, suggestionFromOpinion } from "../../domain/evaluation/opinions";
import { quoteSheet } from "../../sheets/a1";
import { type SheetsClient, SheetsError } from "../../sheets/client";
import { acceptSubmission, type IntakeDeps } from "../intake/accept-submission";
import { placeConversion } from "./place-conversion";

export type ConvertResult =
  | { kind: "converted"; id: string; row: number }
  | { kind: "already"; id: string }
  | { kind: "gone"; message: string };

/** The inbox submission of a conversion: one per opinion, so a second click finds the first. */
export function conversionSubmissionId(key: string): string {
  return `opinion-${key}`;
}

/**
 * “转化为建议” (practice.md, 民意): the opinion is found again in 民意 by what it says (rows may have
 * moved since the page was drawn), a new suggestion is stored in the D1 inbox under a submission
 * named by the opinion (a second click, or two staff at once, get the same 编号; the intake queue
 * then adds the ledger row exactly once, placed like any form's suggestion), and the opinion's
 * 建议编号 and 处理方式 are filled on the row that says the opinion, checked by reading the tab back
 * (place-conversion.ts). Three Sheets calls when nothing moves, whatever the tab's size.
 */
export async function convertOpinion(
  deps: IntakeDeps & { sheets: SheetsClient },
  input: { key: string; row: number },
  today: string,
  nowMs: number,
): Promise<ConvertResult> {
  let values: unknown[][];
  try {
    values = ((await deps.sheets.get(quoteSheet(TAB_NAMES.opinions))).values ?? []) as unknown[][];
  } catch (error) {
    if (error instanceof SheetsError && error.httpStatus === 400)
      return {
        kind: "gone",
        message: `表格中没有工作表『${TAB_NAMES.opinions}』：请运行 npm run sheet:init 补齐`,
      };
    throw error;
  }
  const rows = opinionRows(values).filter((r) => r.key === input.key);
  // The row the page showed, or (moved meanwhile) the one row that says the same.
  const found = rows.find((r) => r.rowNumber === input.row) ?? (rows.length === 1 ? rows[0] : undefined);
  if (!found)
    return {
      kind: "gone",
      message:
        rows.length > 1
          ? "『民意』中有多行内容完全相同：请先删去重复的行，再转化"
          : "这条民意在表格中已被修改、移动或删除：请刷新页面，核对后再转化",
    };
  if (found.record.suggestionId) return { kind: "already", id: found.record.suggestionId };
  // A suggestion needs its 领衔代表 and 标题 (acceptSubmission refuses one without): said here in
  // the words of 民意, whose 接待代表 and 内容 they come from.
  const lacking = !found.record.deputy.trim()
    ? ["接待代表", "接待代表（转化后作为领衔代表）"]
    : !found.record.content.trim()
      ? ["内容", "内容"]
      : null;
  if (lacking)
    return {
      kind: "gone",
      message: `这条民意（第 ${found.rowNumber} 行）没有${lacking[0]}：请先在『民意』中填写${lacking[1]}，再转化`,
    };
  const cells = suggestionFromOpinion(found.record, today);
  const accepted = await acceptSubmission(
    deps,
    "suggestion",
    {
      submissionId: conversionSubmissionId(input.key),
      submittedAt: new Date(nowMs).toISOString(),
      answers: cells,
    },
    nowMs,
  );
  if (accepted.kind === "invalid") return { kind: "gone", message: accepted.message };
  const id = accepted.entry.suggestionId;
  const placed = await placeConversion(deps.sheets, values, input.key, id);
  if (!placed.placed)
    return {
      kind: "gone",
      message: `建议 ${id} 已登记，但『民意』正在被调整，未能写回建议编号：请稍后刷新页面再点一次转化（不会重复登记）`,
    };
  return { kind: "converted", id, row: placed.row };
}
