import type { sheets_v4 } from "@googleapis/sheets";
import type { TabDef } from "../../sheets-schema";
import { applyChanges } from "./apply";
import { describeChange, type Plan } from "./change";
import { type PlanOptions, planProvisioning } from "./plan";
import type { DefaultRows } from "./plan-defaults";
import { readSnapshot } from "./read-snapshot";
import type { SpreadsheetSnapshot } from "./snapshot";

export interface ProvisionResult {
  readonly plan: Plan;
  /** True when the changes were written (false for --check or when nothing differed). */
  readonly applied: boolean;
  /** batchUpdate sub-requests sent (0 when nothing was written). */
  readonly requestCount: number;
  /** The sheet as it was read before any change (the doctor takes 设置 from it: no second read). */
  readonly snapshot: SpreadsheetSnapshot;
}

/** Reads the spreadsheet (three reads), plans, and unless `check` applies the plan (one write). */
export async function provisionSpreadsheet(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  options: PlanOptions & {
    check?: boolean;
    /** Another layout than the schema's (tests lay out a sheet as an older release did). */
    schema?: { tabs: readonly TabDef[]; defaults: DefaultRows };
  } = {},
): Promise<ProvisionResult> {
  const snapshot = await readSnapshot(api, spreadsheetId);
  const plan = planProvisioning(snapshot, options.schema?.tabs, options.schema?.defaults, options);
  if (options.check || plan.changes.length === 0) return { plan, applied: false, requestCount: 0, snapshot };
  const requestCount = await applyChanges(api, spreadsheetId, plan.changes);
  return { plan, applied: true, requestCount, snapshot };
}

/** The report lines for a run: each change (or “no changes”), then the notes. */
export function reportLines(result: ProvisionResult, check: boolean): string[] {
  const { changes, notes } = result.plan;
  const lines: string[] = [];
  if (changes.length === 0 && notes.length === 0) {
    lines.push("表格与模板一致，无需更改 (no changes: the sheet matches the schema)");
  } else if (changes.length === 0) {
    lines.push(
      `没有可以自动完成的更改，但有 ${notes.length} 处需要人工处理 (nothing to change automatically)`,
    );
  } else {
    const head = check
      ? `表格与模板有 ${changes.length} 处不同 (${changes.length} differences from the schema):`
      : `已完成 ${changes.length} 项更改 (applied ${changes.length} changes):`;
    lines.push(head, ...changes.map((c) => `  ${describeChange(c)}`));
  }
  if (notes.length > 0) lines.push("请人工处理 (needs a person):", ...notes.map((n) => `  ${n}`));
  return lines;
}

/**
 * sheet:init's exit code: 1 when something is left to a person (whatever the mode: the sheet is not
 * laid out yet), or when --check found differences; else 0.
 */
export function exitCode(result: ProvisionResult, check: boolean): number {
  if (result.plan.notes.length > 0) return 1;
  return check && result.plan.changes.length > 0 ? 1 : 0;
}
