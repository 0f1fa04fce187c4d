import { listItems } from "../../../sheets-schema/cells/list-cells";
import { nameKey } from "../directory";
import type { LinkKind } from "./capability";
import type { ObjectionDecision } from "./objection-settling";

/**
 * What a link says of a suggestion its recipient no longer holds: one the sync no longer sees in
 * the sheet (deleted, or its 编号 changed), or one the ledger no longer names the recipient on (a
 * unit taken off 主办单位/协办单位, after its 交办异议 or not; a deputy or a leader taken off their
 * cells). Said only to a recipient the office's own records show was once named on it (wasHolder):
 * any other 编号, existing or not, gets the same refusal, so a link still cannot be used to learn
 * which suggestions exist or whose they are. Pure: the records are read by the caller.
 */

/** The cells that name a suggestion's recipients of each kind, as the snapshots and the audit trail key them. */
const COLUMNS: Record<LinkKind, readonly string[]> = {
  unit: ["主办单位", "协办单位"],
  deputy: ["领衔代表", "附议代表"],
  leader: ["督办领导", "领办领导"],
};

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
  readonly objections: readonly { unit: string; decision: ObjectionDecision | null }[];
}

/** Whether a 主办单位 or 协办单位 cell names the unit (names matched as the checks match them). */
function names(cell: string | number | boolean | null | undefined, key: string): boolean {
  if (cell === null || cell === undefined) return false;
  return listItems(String(cell)).some((n) => nameKey(n) === key);
}

/**
 * Whether the recipient was once named on the suggestion (a unit as 主办 or 协办, a deputy as 领衔
 * or 附议, a leader as 督办 or 领办): a unit objected to its assignment, the sheet named it when the
 * sync last saw the row, or a change of those cells took it off (or put it on). A unit named before
 * 交办 and taken off before it counts too: the notice never went, yet the suggestion was meant to be
 * its own, so saying it went elsewhere tells nothing of other units.
 */
export function wasHolder(kind: LinkKind, recipient: string, past: PastRecords): boolean {
  const key = nameKey(recipient.trim());
  const columns = COLUMNS[kind];
  if (kind === "unit" && past.objections.some((o) => nameKey(o.unit) === key)) return true;
  if (past.lastSeen && columns.some((c) => names(past.lastSeen?.staffValues[c], key))) return true;
  return past.changes.some(
    (c) => columns.includes(c.column) && (names(c.oldValue, key) || names(c.newValue, key)),
  );
}

/**
 * The refusals of a leader taken off a suggestion, by the cells he or she was taken off: each code
 * has its own heading (link-gate's LINK_ERROR_TITLES), which says what changed and blames no one.
 */
export const LEADER_CHANGED = {
  supervisor: "supervisor_changed",
  handling: "handling_leader_changed",
  both: "leaders_changed",
} as const;

type LeaderChanged = (typeof LEADER_CHANGED)[keyof typeof LEADER_CHANGED];

/** Why the link cannot open the suggestion any more: the HTTP status and what the page says. */
export interface NoLongerHeld {
  readonly status: 403 | 410;
  readonly code: "not_yours" | "not_in_ledger" | LeaderChanged;
  readonly message: string;
}

/**
 * What the recipient is told of a suggestion its link cannot open, or null when it was never named
 * on it or still is (the caller then refuses it as any other 编号). Gone from the sheet: 410, as the
 * dashboard's page of a vanished suggestion; still there without the recipient: 403, saying so (a
 * unit: handled by other units now).
 */
export function noLongerHeld(
  id: string,
  kind: LinkKind,
  recipient: string,
  past: PastRecords,
): NoLongerHeld | null {
  if (!wasHolder(kind, recipient, past)) return null;
  // No snapshot yet the unit objected: the records of a suggestion gone before snapshots were kept.
  if (!past.lastSeen || past.lastSeen.removedAt) {
    return {
      status: 410,
      code: "not_in_ledger",
      message: `编号 ${id} 的建议已不在台账中（可能已被删除或改了编号），如有疑问请联系代表工委。`,
    };
  }
  const key = nameKey(recipient.trim());
  // The sheet still names the recipient (a unit's 交办日期 was cleared, say): nothing went elsewhere.
  if (COLUMNS[kind].some((c) => names(past.lastSeen?.staffValues[c], key))) return null;
  if (kind === "leader") return { status: 403, ...leaderTakenOff(id, key, past) };
  return { status: 403, code: "not_yours", message: notNamedNow(id, kind, key, past) };
}

/** How a leader leads a suggestion named in each of the leader cells: 现由 X 督办 / 领办. */
const LEADER_VERBS: Readonly<Record<string, string>> = { 督办领导: "督办", 领办领导: "领办" };

/**
 * What a leader the ledger no longer names is told: which of 督办领导 and 领办领导 he or she was
 * taken off (the audit trail's changes of those cells that named him or her; both when it cannot
 * tell), who holds them now as the sync last saw the row (the snapshot the refusal read already),
 * that no more 催办 or notices of it come, and whom to ask.
 */
function leaderTakenOff(
  id: string,
  key: string,
  past: PastRecords,
): { code: LeaderChanged; message: string } {
  const named = COLUMNS.leader.filter((column) =>
    past.changes.some((c) => c.column === column && (names(c.oldValue, key) || names(c.newValue, key))),
  );
  const columns = named.length > 0 ? named : COLUMNS.leader;
  const holders = (column: string) => listItems(String(past.lastSeen?.staffValues[column] ?? ""));
  const filled = columns.filter((c) => holders(c).length > 0);
  const blank = columns.filter((c) => holders(c).length === 0);
  const now = [
    ...(filled.length > 0
      ? [`现由${filled.map((c) => `${holders(c).join("、")}${LEADER_VERBS[c]}`).join("、")}`]
      : []),
    ...(blank.length > 0 ? [`台账中暂未填写${blank.join("、")}`] : []),
  ];
  const code =
    columns.length > 1
      ? LEADER_CHANGED.both
      : columns[0] === "领办领导"
        ? LEADER_CHANGED.handling
        : LEADER_CHANGED.supervisor;
  return {
    code,
    message: `编号 ${id} 的建议已调整${columns.join("、")}，${now.join("，")}；您不再是该建议的${columns.join("、")}，不会再收到它的催办和通知。如有疑问，请联系代表工委。`,
  };
}

/** What a recipient the ledger no longer names is told. */
function notNamedNow(id: string, kind: LinkKind, key: string, past: PastRecords): string {
  if (kind === "deputy") return `编号 ${id} 的建议在台账中已不再列在您名下，如有疑问请联系代表工委。`;
  const upheldObjection = past.objections.some((o) => nameKey(o.unit) === key && o.decision === "reassigned");
  return upheldObjection
    ? `编号 ${id} 的建议已改由其他单位办理（交办异议已同意），本单位无需再办理。`
    : `编号 ${id} 的建议已改由其他单位办理，本单位无需再办理；如有疑问请联系代表工委。`;
}
