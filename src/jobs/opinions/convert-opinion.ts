import type { OpinionHandling } from "../../../sheets-schema/enums";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { type DeputyRecord, deputiesTab } from "../../../sheets-schema/tabs/directory";
import { buildDirectory, type Directory } from "../../domain/directory";
import { type OpinionRow, opinionRows, suggestionFromOpinion } from "../../domain/evaluation/opinions";
import { readTab } from "../../domain/read-tab";
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

/** The 代表 tab as a directory: what a conversion checks the 接待代表 against. */
export function deputyDirectory(values: unknown): Directory<DeputyRecord> {
  return buildDirectory(readTab(deputiesTab, values), "代表");
}

/**
 * The 处理方式 of an opinion settled at the station: converting it would put a suggestion to assign
 * in the ledger and send the deputy a 受理回执 for something already answered.
 */
const ANSWERED_ON_THE_SPOT: OpinionHandling = "当场答复";

/**
 * Why an opinion cannot become a suggestion yet, said in the words of 民意, or null when it can.
 * An opinion already answered on the spot (处理方式 当场答复) is not one to convert at all.
 * The new ledger row's 领衔代表 is the 接待代表 and its 标题 the 内容 (acceptSubmission refuses a row
 * without them); a 接待代表 that 代表 lacks, or that only names deputies written apart (王伟(北关),
 * 王伟(文峰)), would make that 领衔代表 an 错误 and its 受理回执 unsendable. The 民意 page shows this
 * instead of the button and the post refuses with it, one check for both. When 代表 could not be
 * read the name is not checked, as the sync's check of 民意 does not.
 */
export function conversionRefusal(
  row: Pick<OpinionRow, "rowNumber" | "record">,
  deputies: Directory<DeputyRecord>,
): string | null {
  const at = `这条民意（第 ${row.rowNumber} 行）`;
  if (row.record.handling === ANSWERED_ON_THE_SPOT)
    return `${at}已当场答复（处理方式为 ${ANSWERED_ON_THE_SPOT}），不是待交办的建议：如确需作为建议交办，请先在『民意』中把处理方式改为 转化为建议，再转化`;
  const name = row.record.deputy.trim();
  if (!name) return `${at}没有接待代表：请先在『民意』中填写接待代表（转化后作为领衔代表），再转化`;
  if (!row.record.content.trim()) return `${at}没有内容：请先在『民意』中填写内容，再转化`;
  if (!deputies.available || deputies.find(name)) return null;
  const namesakes = deputies.namesakes(name);
  return namesakes.length > 0
    ? `${at}的接待代表“${name}”在『代表』表中有同名的 ${namesakes.join("、")}：请先在『民意』中把接待代表写明是哪一位（如 ${namesakes[0]}），再转化`
    : `${at}的接待代表“${name}”不在『代表』表中，转化后它将是建议的领衔代表：请先在『民意』中把接待代表改为『代表』表中的姓名（新代表请先添加到『代表』表），再转化`;
}

/**
 * “转化为建议” (practice.md, 民意): the opinion is found again in 民意 by what it says (rows may have
 * moved since the page was drawn), a new suggestion is stored in the D1 inbox under a submission
 * named by the opinion (a second click, or two staff at once, get the same 编号; the intake queue
 * then adds the ledger row exactly once, placed like any form's suggestion), and the opinion's
 * 建议编号 and 处理方式 are filled on the row that says the opinion, checked by reading the tab back
 * (place-conversion.ts). 代表 is read with 民意 (one call), as it is now rather than at the last
 * sync: a deputy just added there is found. Three Sheets calls when nothing moves, whatever the
 * tabs' size.
 */
export async function convertOpinion(
  deps: IntakeDeps & { sheets: SheetsClient },
  input: { key: string; row: number },
  today: string,
  nowMs: number,
): Promise<ConvertResult> {
  let values: unknown[][];
  let deputyValues: unknown[][];
  try {
    const [opinions, deputies] = await deps.sheets.batchGet([
      quoteSheet(TAB_NAMES.opinions),
      quoteSheet(TAB_NAMES.deputies),
    ]);
    values = (opinions?.values ?? []) as unknown[][];
    deputyValues = (deputies?.values ?? []) as unknown[][];
  } catch (error) {
    // 代表 is a tab every sheet has from the start: the one missing is (almost always) 民意.
    if (error instanceof SheetsError && error.httpStatus === 400)
      return {
        kind: "gone",
        message: `表格中没有工作表『${TAB_NAMES.opinions}』或『${TAB_NAMES.deputies}』：请运行 npm run sheet:init 补齐`,
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
  const refusal = conversionRefusal(found, deputyDirectory(deputyValues));
  if (refusal) return { kind: "gone", message: refusal };
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
