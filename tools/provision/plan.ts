import { ALL_TABS, TAB_NAMES, type TabDef } from "../../sheets-schema";
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
import { planHeaders } from "./plan-headers";
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

/**
 * Compares the spreadsheet with the schema and lists what to change. Pure: the same snapshot always
 * gives the same plan. Nothing here deletes or renames a tab, moves a column or touches staff cells:
 * tabs are added, headers appended, formats, dropdowns and protections set, default rows appended.
 */
export function planProvisioning(
  snapshot: SpreadsheetSnapshot,
  tabs: readonly TabDef[] = ALL_TABS,
  defaults: DefaultRows = SCHEMA_DEFAULTS,
): Plan {
  const ids = newSheetIds(snapshot, tabs.length);
  const structure: Change[] = [];
  const notes: string[] = [];
  const layouts = new Map<string, TabLayout>();
  tabs.forEach((tab, i) => {
    const existing = snapshot.tabs.find((t) => t.title === tab.name);
    const planned = planHeaders(tab, existing, ids[i] ?? 1001 + i);
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
