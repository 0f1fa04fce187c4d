import { checkSheet, type SheetSwitch } from "../../domain/sync/switched-sheet";
import type { MetaStore } from "../../store/meta";
import { NOT_OF_A_SUGGESTION, type SnapshotStore } from "../../store/snapshots";
import { META_SPREADSHEET } from "./plan-run";

/**
 * 确认改用新表格: staff say the spreadsheet SPREADSHEET_ID names now is the same ledger as the one
 * D1's history is of (a copy, a move), and the sync's plan reads it from the next run on.
 */

/** The history's column the confirmation is kept under (suggestion '', as 清除个人信息's are). */
const SWITCH_COLUMN = "SPREADSHEET_ID";

/** The switch the sync holds for, or null: none (the same sheet, or nothing recorded yet). One query. */
export async function pendingSwitch(meta: MetaStore, configured: string): Promise<SheetSwitch | null> {
  const sheet = checkSheet(await meta.get(META_SPREADSHEET), configured);
  return sheet.kind === "switched" ? sheet.switched : null;
}

export type SwitchConfirmed =
  | { readonly ok: true; readonly switched: SheetSwitch }
  /** "none": no switch held (confirmed already, or pointed back); "changed": the page named another sheet. */
  | { readonly ok: false; readonly reason: "none" | "changed" };

/**
 * Records `seen`, the ID the page staff confirmed on showed, as the history's spreadsheet, when it is
 * still the one SPREADSHEET_ID names and the sync holds for it; then the confirmation in the history
 * (the office's, not a suggestion's: who, when, from which to which).
 */
export async function confirmSwitch(
  deps: { meta: MetaStore; snapshots: SnapshotStore },
  configured: string,
  seen: string,
  at: string,
  by: string,
): Promise<SwitchConfirmed> {
  const switched = await pendingSwitch(deps.meta, configured);
  if (!switched) return { ok: false, reason: "none" };
  if (seen !== switched.to) return { ok: false, reason: "changed" };
  // The switch first: a history entry must not tell of a confirmation that did not take.
  await deps.meta.set(META_SPREADSHEET, switched.to, at);
  await deps.snapshots.record(
    [
      {
        suggestionId: NOT_OF_A_SUGGESTION,
        column: SWITCH_COLUMN,
        oldValue: switched.from,
        newValue: switched.to,
        source: "dashboard",
        actor: by,
        note: "确认改用新表格：新表格与原表格是同一份台账（复制或迁移），沿用原有的建议历史",
      },
    ],
    at,
  );
  return { ok: true, switched };
}
