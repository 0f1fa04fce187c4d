import type { sheets_v4 } from "@googleapis/sheets";
import {
  type ColumnDef,
  columnLetter,
  type Dropdown,
  isDateColumn,
  TAB_NAMES,
  type TabDef,
} from "../../sheets-schema";
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
 * The list columns that name deputies or units. sheets-schema declares no dropdown for them (it
 * leaves list cells without one), but staff pick those names as often as the lead's: a non-strict
 * reference dropdown helps without rejecting a cell holding several names.
 */
const LIST_REFERENCES: Readonly<Record<string, Dropdown>> = {
  附议代表: { source: "column", tab: TAB_NAMES.deputies, header: "姓名" },
  协办单位: { source: "column", tab: TAB_NAMES.units, header: "单位名称" },
};

function dropdownOf(tab: TabDef, col: ColumnDef): Dropdown | undefined {
  return col.dropdown ?? (tab.name === TAB_NAMES.ledger ? LIST_REFERENCES[col.header] : undefined);
}

/** Staff columns get dropdowns; system columns are written by the sync, so a dropdown only invites edits. */
export function wantsValidation(tab: TabDef, col: ColumnDef): boolean {
  return (
    tab.owner === "staff" &&
    col.owner === "staff" &&
    (dropdownOf(tab, col) !== undefined || isDateColumn(col))
  );
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
 * ONE_OF_RANGE on that column's current letter; list columns (附议代表, 协办单位) hold several names,
 * so they warn instead of rejecting. 类别 is a ONE_OF_LIST of the categories 设置 holds now (see
 * README: a re-run of sheet:init refreshes it), not strict, because the sync checks it against 设置.
 */
export function validationRule(
  tab: TabDef,
  col: ColumnDef,
  ctx: ValidationContext,
): sheets_v4.Schema$DataValidationRule | null {
  if (!wantsValidation(tab, col)) return null;
  const inputMessage = helpText(col);
  const dropdown = dropdownOf(tab, col);
  if (!dropdown) {
    return { condition: { type: "DATE_IS_VALID" }, inputMessage, strict: false };
  }
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
  // A list holds several names, and a 编号 may be typed before its ledger row: those only warn.
  const strict = col.cell.kind !== "list" && col.cell.kind !== "id";
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
