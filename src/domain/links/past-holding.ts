import { listItems } from "../../../sheets-schema/cells/list-cells";
import { nameKey } from "../directory";

/**
 * What a unit's link says of a suggestion it no longer holds: one the sync no longer sees in the
 * sheet (deleted, or its 编号 changed), or one now handled by other units (staff took the unit off
 * 主办单位/协办单位, after its 交办异议 or not). Said only to a unit the office's own records show
 * was once 主办 or 协办 of it (wasHolder): any other 编号, existing or not, gets the same refusal,
 * so a link still cannot be used to learn which suggestions exist or whose they are. Pure: the
 * records are read by the caller.
 */

/** The cells that name a suggestion's units, as the snapshots and the audit trail key them. */
const UNIT_COLUMNS = ["主办单位", "协办单位"] as const;

/** The suggestion as the sync last saw it (the snapshots store), or null when it never saw it. */
export interface LastSeen {
  readonly staffValues: Readonly<Record<string, string | number | boolean>>;
  /** When the sync found it gone from the sheet; null while the sheet holds it. */
  readonly removedAt: string | null;
}

/** What the office recorded of the suggestion: enough to tell whether the unit once held it. */
export interface PastRecords {
  readonly lastSeen: LastSeen | null;
  /** The audit trail's changes of it (staff edits seen by the sync, forms, the dashboard). */
  readonly changes: readonly { column: string; oldValue: string | null; newValue: string | null }[];
  /** The 交办异议 made to it (objections store), by any unit. */
  readonly objections: readonly { unit: string; decision: "upheld" | "reassigned" | null }[];
}

/** Whether a 主办单位 or 协办单位 cell names the unit (names matched as the checks match them). */
function names(cell: string | number | boolean | null | undefined, key: string): boolean {
  if (cell === null || cell === undefined) return false;
  return listItems(String(cell)).some((n) => nameKey(n) === key);
}

/**
 * Whether the unit was once 主办 or 协办 of the suggestion: it objected to its assignment, the
 * sheet named it when the sync last saw the row, or a change of 主办单位/协办单位 took it off (or put
 * it on). A unit named before 交办 and taken off before it counts too: the notice never went, yet the
 * suggestion was meant to be its own, so saying it went elsewhere tells nothing of other units.
 */
export function wasHolder(unit: string, past: PastRecords): boolean {
  const key = nameKey(unit.trim());
  if (past.objections.some((o) => nameKey(o.unit) === key)) return true;
  if (past.lastSeen && UNIT_COLUMNS.some((c) => names(past.lastSeen?.staffValues[c], key))) return true;
  return past.changes.some(
    (c) =>
      (UNIT_COLUMNS as readonly string[]).includes(c.column) &&
      (names(c.oldValue, key) || names(c.newValue, key)),
  );
}

/** Why the unit's link cannot open the suggestion any more: the HTTP status and what the page says. */
export interface NoLongerHeld {
  readonly status: 403 | 410;
  readonly code: "not_yours" | "not_in_ledger";
  readonly message: string;
}

/**
 * What the unit is told of a suggestion its link cannot open, or null when the unit never held it
 * or still is named in the sheet (the caller then refuses it as any other 编号). Gone from the sheet:
 * 410, as the dashboard's page of a vanished suggestion; still there without the unit: 403 (not the
 * unit's now), saying so.
 */
export function noLongerHeld(id: string, unit: string, past: PastRecords): NoLongerHeld | null {
  if (!wasHolder(unit, past)) return null;
  // No snapshot yet the unit objected: the records of a suggestion gone before snapshots were kept.
  if (!past.lastSeen || past.lastSeen.removedAt) {
    return {
      status: 410,
      code: "not_in_ledger",
      message: `编号 ${id} 的建议已不在台账中（可能已被删除或改了编号），如有疑问请联系代表工委。`,
    };
  }
  const key = nameKey(unit.trim());
  // The sheet still names the unit (its 交办日期 was cleared, say): nothing went elsewhere.
  if (UNIT_COLUMNS.some((c) => names(past.lastSeen?.staffValues[c], key))) return null;
  const upheldObjection = past.objections.some((o) => nameKey(o.unit) === key && o.decision === "reassigned");
  return {
    status: 403,
    code: "not_yours",
    message: upheldObjection
      ? `编号 ${id} 的建议已改由其他单位办理（交办异议已同意），本单位无需再办理。`
      : `编号 ${id} 的建议已改由其他单位办理，本单位无需再办理；如有疑问请联系代表工委。`,
  };
}
