import { type RecipientRow, recipientRows } from "../../../src/domain/links/recipient-rows";
import { mergedAdvice, replyCheck } from "../../../src/domain/links/row-actions";
import { storedRows } from "../../../src/domain/summary/ledger-summary";
import { loadRow } from "../../../src/domain/summary/summary-row";
import { SuggestionView } from "../../../src/http/links/suggestion-view";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt } from "../notices/helpers";

/** A unit's personal link pages rendered as its routes render them, over a small ledger of its own. */

export const TODAY = "2026-05-20";
export const UNIT = "司法局";
export const FRAME = {
  who: UNIT,
  purpose: "答复代表建议",
  lastDay: "2026-12-31",
  asOf: null,
  home: "/l/t",
  readOnly: false,
};

/** A suggestion of UNIT, assigned 2026-03-02, with these cells. */
export const unitRow = (cells: LedgerCells): LedgerCells => ({
  标题: `关于${cells.编号}的建议`,
  领衔代表: "张明",
  主办单位: UNIT,
  交办日期: "2026-03-02",
  ...cells,
});

/** UNIT's rows of the ledger, as its link reads them from D1 on TODAY. */
export function unitRows(rows: readonly LedgerCells[]): RecipientRow[] {
  return recipientRows(storedRows(evaluateAt([...rows], TODAY, [], [])).map(loadRow), "unit", UNIT);
}

/** A component's markup (called as a function it gives the element JSX would; these files are not TSX). */
export async function text(element: unknown): Promise<string> {
  return String(await (element as { toString(): string | Promise<string> }).toString());
}

/** The suggestion's page on UNIT's link, with the reply form's check as the route makes it. */
export function suggestionPage(
  rows: readonly LedgerCells[],
  id: string,
  mergedInto: { id: string } | null = null,
): Promise<string> {
  const item = unitRows(rows).find((m) => m.row.id === id) as RecipientRow;
  return text(
    SuggestionView({
      frame: FRAME,
      kind: "unit",
      base: "/l/t",
      today: TODAY,
      timeZone: "Asia/Shanghai",
      item,
      whole: null,
      letters: [],
      // As the route says it of a suggestion UNIT is not on (the link cannot open it).
      mergedInto: mergedInto
        ? { id: mergedInto.id, title: "", href: null, advice: mergedAdvice("unit", null, "") }
        : null,
      action: {
        check: replyCheck(item.row, item.relation, false, TODAY),
        path: `/l/t/s/${id}/reply`,
        state: { nonce: "n", values: {}, errors: [] },
      },
      sent: [],
      objections: [],
      done: null,
    }),
  );
}
