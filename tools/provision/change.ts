import type { sheets_v4 } from "@googleapis/sheets";
import type { TabDef } from "../../sheets-schema";
import type { TabSnapshot } from "./snapshot";

/** One difference between the sheet and the schema, and the batchUpdate requests that remove it. */
export interface Change {
  readonly tab: string;
  /** What staff read in the report, e.g. 缺少表头“办理期限”. */
  readonly zh: string;
  readonly en: string;
  /** New tabs and grid growth go first in the batch, so the other requests can refer to them. */
  readonly structural: boolean;
  readonly requests: readonly sheets_v4.Schema$Request[];
}

/** The result of planning: changes to make, and things only a person can decide (not changed). */
export interface Plan {
  readonly changes: readonly Change[];
  readonly notes: readonly string[];
}

/** A tab as it will be once the plan is applied: where every known header sits. */
export interface TabLayout {
  readonly tab: TabDef;
  readonly sheetId: number;
  readonly rowCount: number;
  /** The tab as read (a blank stand-in for a tab this run adds). */
  readonly snapshot: TabSnapshot;
  readonly isNew: boolean;
  /** Header text → 0-based column index after this run. */
  readonly positions: ReadonlyMap<string, number>;
  /** Headers this run writes (new tab, blank header row, or appended). */
  readonly written: ReadonlySet<string>;
}

export function change(
  tab: string,
  zh: string,
  en: string,
  requests: readonly sheets_v4.Schema$Request[],
  structural = false,
): Change {
  return { tab, zh, en, requests, structural };
}

/** The line printed for a change: “建议台账: 缺少表头“办理期限” (missing header 办理期限)”. */
export function describeChange(c: Change): string {
  return `${c.tab}: ${c.zh} (${c.en})`;
}
