import { batchUpdate } from "./batch-update";
import { ownerContext } from "./context";
import type { HookAction } from "./faults-hooks";
import type { Store } from "./store";
import { readValueRange } from "./value-range-body";
import { appendValues } from "./values-append";
import { clearValues, updateValues } from "./values-write";

/**
 * Applies edits as a person in the Sheets UI would make them: typed input is USER_ENTERED by
 * default, protection does not stop the owner, and nothing is counted as an API call. Returns how
 * many cells' values were set or cleared.
 */
export function applyHumanEdits(store: Store, actions: HookAction[], nowMs: number): number {
  let cells = 0;
  for (const action of actions) {
    const ctx = ownerContext(nowMs);
    // The person editing owns the spreadsheet, so "not shared with the API caller" does not apply.
    const ss = store.spreadsheets.get(action.spreadsheetId);
    if (!ss) throw new Error(`No spreadsheet with id ${action.spreadsheetId}`);
    if (action.op === "batchUpdate") {
      store.replace(batchUpdate(ss, action.body, ctx).spreadsheet);
    } else if (action.op === "valuesClear") {
      clearValues(ss, action.range, ctx);
    } else {
      const input = readValueRange({ values: action.values }, "data");
      const option = action.valueInputOption ?? "USER_ENTERED";
      if (action.op === "valuesUpdate") updateValues(ss, action.range, input, option, ctx);
      else appendValues(ss, action.range, input, option, "OVERWRITE", ctx);
    }
    cells += ctx.stats.cellsWritten;
  }
  return cells;
}
