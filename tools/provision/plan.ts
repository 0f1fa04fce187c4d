import { ALL_TABS, lookAlikeTab, renamedTabAdvice, TAB_NAMES, type TabDef } from "../../sheets-schema";
import type { Change, Plan, TabLayout } from "./change";
import type { ValidationContext } from "./layout";
import {
  currentCategories,
  type DefaultRows,
  planDefaultSettings,
  planDefaultTemplates,
  SCHEMA_DEFAULTS,
} from "./plan-defaults";
import { planDateFormats, planHeaderStyle, planSystemGrey } from "./plan-format";
import { type HeaderOptions, planHeaders } from "./plan-headers";
import { planProtection } from "./plan-protection";
import { planValidation } from "./plan-validation";
import type { SpreadsheetSnapshot } from "./snapshot";

/** Sheet ids for new tabs: small, fixed and unused, so --check and a real run agree. */
function newSheetIds(snapshot: SpreadsheetSnapshot, count: number): number[] {
  const used = new Set(snapshot.tabs.map((t) => t.sheetId));
  const ids: number[] = [];
  for (let id = 1001; ids.length < count; id += 1) if (!used.has(id)) ids.push(id);
  return ids;
}

/** What a person allowed on the command line (`--add-missing-columns`, `--add-missing-tabs`). */
export interface PlanOptions extends HeaderOptions {
  /** Add a missing tab even where a tab whose title contains its name exists (renamed?). */
  readonly addMissingTabs?: boolean;
}

export const ADD_TABS_FLAG = "--add-missing-tabs";

/**
 * Compares the spreadsheet with the schema and lists what to change. Pure: the same snapshot always
 * gives the same plan. Nothing here deletes or renames a tab, moves a column or touches staff cells:
 * tabs are added, headers appended, formats, dropdowns and protections set, default rows appended.
 * A missing tab with a look-alike (承办单位（2026）for 承办单位) is not added but left to a person:
 * an empty tab in its place makes every reference to it fail.
 */
export function planProvisioning(
  snapshot: SpreadsheetSnapshot,
  tabs: readonly TabDef[] = ALL_TABS,
  defaults: DefaultRows = SCHEMA_DEFAULTS,
  options: PlanOptions = {},
): Plan {
  const ids = newSheetIds(snapshot, tabs.length);
  const structure: Change[] = [];
  const notes: string[] = [];
  const layouts = new Map<string, TabLayout>();
  const titles = snapshot.tabs.map((t) => t.title);
  const known = [...Object.values(TAB_NAMES), ...tabs.map((t) => t.name)];
  tabs.forEach((tab, i) => {
    const existing = snapshot.tabs.find((t) => t.title === tab.name);
    const renamed = existing || options.addMissingTabs ? null : lookAlikeTab(tab.name, titles, known);
    if (renamed !== null) {
      const advice = renamedTabAdvice(tab.name, renamed);
      notes.push(
        `${tab.name}: ${advice}（不要新建一张空表）；如果不是它，请加上 ${ADD_TABS_FLAG} 再运行 sheet:init`,
      );
      return;
    }
    const planned = planHeaders(tab, existing, ids[i] ?? 1001 + i, options);
    layouts.set(tab.name, planned.layout);
    structure.push(...planned.changes);
    notes.push(...planned.notes);
  });
  const ctx: ValidationContext = {
    locate: (tab, header) => layouts.get(tab)?.positions.get(header),
    categories: currentCategories(layouts.get(TAB_NAMES.settings)),
  };
  const content: Change[] = [];
  for (const layout of layouts.values()) {
    content.push(
      ...planHeaderStyle(layout),
      ...planDateFormats(layout),
      ...planSystemGrey(layout),
      ...planValidation(layout, ctx),
      ...planProtection(layout),
    );
    if (layout.tab.name === TAB_NAMES.settings) content.push(...planDefaultSettings(layout, defaults));
    if (layout.tab.name === TAB_NAMES.templates) content.push(...planDefaultTemplates(layout, defaults));
  }
  return { changes: [...structure, ...content], notes };
}
