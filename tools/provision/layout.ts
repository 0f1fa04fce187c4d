import type { sheets_v4 } from "@googleapis/sheets";
import { type ColumnDef, columnLetter, isDateColumn, type TabDef } from "../../sheets-schema";
import { quoteTitle } from "./requests";

export { dateFormat, isSystemColumn } from "../../sheets-schema";

/** Where a referenced column ended up: tab title and 0-based column index after this run. */
export type ColumnLocator = (tab: string, header: string) => number | undefined;

/** What a dropdown needs to know beyond its own column. */
export interface ValidationContext {
  readonly locate: ColumnLocator;
  /** 设置 类别 as the sheet holds it now (the defaults when blank). */
  readonly categories: readonly string[];
}

/**
 * Staff columns with a dropdown get its validation; system columns are written by the sync, so a
 * dropdown only invites edits. Date columns and the list columns (附议代表, 协办单位) get none: Sheets
 * checks a whole cell, so a list of names fails a reference to one name, and DATE_IS_VALID fails the
 * text dates the sync reads (2026.3.2, 2026年3月2日). A non-strict rule still marks such a cell with
 * Sheets' red "invalid" corner, which staff learn to ignore (real ones too); 校验问题 checks them.
 */
export function wantsValidation(tab: TabDef, col: ColumnDef): boolean {
  return (
    tab.owner === "staff" && col.owner === "staff" && col.dropdown !== undefined && col.cell.kind !== "list"
  );
}

/**
 * A rule earlier releases of sheet:init set that marks values the product accepts: DATE_IS_VALID on a
 * date column, ONE_OF_RANGE on a list column. Cleared on the next run (and listed by --check); any
 * other rule on a column without a dropdown is staff's own and left alone.
 */
export function isOutdatedValidation(
  col: ColumnDef,
  rule: sheets_v4.Schema$DataValidationRule | null,
): boolean {
  const type = rule?.condition?.type;
  if (type === "DATE_IS_VALID") return isDateColumn(col);
  return type === "ONE_OF_RANGE" && col.cell.kind === "list";
}

/** The help text Sheets shows when a validated cell is selected: the column's note and rules. */
export function helpText(col: ColumnDef): string {
  return [col.note, ...col.rules].join("；");
}

/** The header cell's note: what the column means and the rules staff should follow. */
export function headerNote(col: ColumnDef): string {
  const owner = col.owner === "system" ? "（系统自动填写，请勿修改）" : "";
  return [`${col.note}${owner}`, ...col.rules.map((rule) => `· ${rule}`)].join("\n");
}

const listValues = (values: readonly string[]) => values.map((value) => ({ userEnteredValue: value }));

/**
 * The data validation of a staff column, or null when it has none. References to another tab use
 * ONE_OF_RANGE on that column's current letter. 类别 is a ONE_OF_LIST of the categories 设置 holds
 * now (see README: a re-run of sheet:init refreshes it), not strict, because the sync checks it
 * against 设置.
 */
export function validationRule(
  tab: TabDef,
  col: ColumnDef,
  ctx: ValidationContext,
): sheets_v4.Schema$DataValidationRule | null {
  if (!wantsValidation(tab, col)) return null;
  const inputMessage = helpText(col);
  const dropdown = col.dropdown;
  if (!dropdown) return null;
  if (dropdown.source === "values") {
    const condition = { type: "ONE_OF_LIST", values: listValues(dropdown.values) };
    return { condition, inputMessage, strict: true, showCustomUi: true };
  }
  if (dropdown.source === "setting") {
    const condition = { type: "ONE_OF_LIST", values: listValues(ctx.categories) };
    return { condition, inputMessage, strict: false, showCustomUi: true };
  }
  const index = ctx.locate(dropdown.tab, dropdown.header);
  if (index === undefined) return null;
  const letter = columnLetter(index);
  const formula = `=${quoteTitle(dropdown.tab)}!$${letter}$2:$${letter}`;
  const condition = { type: "ONE_OF_RANGE", values: [{ userEnteredValue: formula }] };
  // A 编号 may be typed before its ledger row: that only warns.
  const strict = col.cell.kind !== "id";
  return { condition, inputMessage, strict, showCustomUi: true };
}

function normalised(rule: sheets_v4.Schema$DataValidationRule | null) {
  if (!rule) return null;
  return JSON.stringify([
    rule.condition?.type ?? "",
    (rule.condition?.values ?? []).map((v) => v.userEnteredValue ?? ""),
    rule.strict === true,
    rule.showCustomUi === true,
    rule.inputMessage ?? "",
  ]);
}

/** Equal as Sheets stores them (false flags are left out of responses). */
export function sameValidation(
  a: sheets_v4.Schema$DataValidationRule | null,
  b: sheets_v4.Schema$DataValidationRule | null,
): boolean {
  return normalised(a) === normalised(b);
}
