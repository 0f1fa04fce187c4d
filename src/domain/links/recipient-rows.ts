import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { leaderNames, nameKey } from "../directory";
import type { EvaluatedRow } from "../summary/evaluated";
import type { LinkKind } from "./capability";

/**
 * How a suggestion concerns a link's recipient: a unit as 主办 (lead) or 协办 (co), a deputy as
 * 领衔 (lead) or 附议 (co), a leader as 督办领导 (supervisor) or 领办领导 (handling; practice.md).
 * Names match as the ledger's checks do (spaces and full-width parentheses ignored).
 */
export type Relation = "lead" | "co" | "supervisor" | "handling";

export interface RecipientRow {
  readonly row: EvaluatedRow;
  readonly relation: Relation;
}

export const RELATION_LABELS: Record<LinkKind, Partial<Record<Relation, string>>> = {
  unit: { lead: "主办", co: "协办" },
  deputy: { lead: "领衔", co: "附议" },
  leader: { supervisor: "督办", handling: "领办" },
};

/** How a part's index names a recipient: its kind and its name as the checks match it. */
export function mentionKey(kind: LinkKind, name: string): string {
  return `${kind}:${nameKey(name.trim())}`;
}

/**
 * Every recipient whose link may list this row (a superset of those relationOf relates to it),
 * as mentionKey: its units, deputies and leaders.
 */
export function mentionsOf(record: LedgerRecord): string[] {
  const keys: string[] = [];
  const add = (kind: LinkKind, name: string) => {
    if (name) keys.push(mentionKey(kind, name));
  };
  add("unit", record.leadUnit);
  for (const unit of record.coUnits) add("unit", unit);
  add("deputy", record.leadDeputy);
  for (const deputy of record.coSigners) add("deputy", deputy);
  for (const leader of leaderNames(record.supervisor)) add("leader", leader);
  for (const leader of leaderNames(record.handlingLeader)) add("leader", leader);
  return keys;
}

function listed(names: readonly string[], key: string): boolean {
  return names.some((n) => nameKey(n) === key);
}

/** How this row concerns the recipient, or null when it does not (the link may not see it). */
export function relationOf(row: EvaluatedRow, kind: LinkKind, recipient: string): Relation | null {
  const key = nameKey(recipient.trim());
  const { record } = row;
  switch (kind) {
    case "unit":
      if (record.leadUnit && nameKey(record.leadUnit) === key) return "lead";
      return listed(record.coUnits, key) ? "co" : null;
    case "deputy":
      if (record.leadDeputy && nameKey(record.leadDeputy) === key) return "lead";
      return listed(record.coSigners, key) ? "co" : null;
    case "leader":
      // A leader who both supervises and leads one suggestion sees it once, as its 督办领导 (who may
      // 催办); a cell naming two leaders (赵晓梅副主任、陈建平副主任) concerns each of them.
      if (listed(leaderNames(record.supervisor), key)) return "supervisor";
      return listed(leaderNames(record.handlingLeader), key) ? "handling" : null;
  }
}

/**
 * The suggestions a recipient may see, in 编号 order. Rows without a 编号 are left out (nothing can
 * be sent about them until the sync numbers them); so are rows a unit would see before 交办.
 */
export function recipientRows(
  rows: readonly EvaluatedRow[],
  kind: LinkKind,
  recipient: string,
): RecipientRow[] {
  const mine: RecipientRow[] = [];
  for (const row of rows) {
    if (row.blank || !row.id) continue;
    const relation = relationOf(row, kind, recipient);
    if (!relation) continue;
    if (kind === "unit" && !row.record.assignedOn) continue;
    mine.push({ row, relation });
  }
  return mine.sort((a, b) => ((a.row.id ?? "") < (b.row.id ?? "") ? -1 : 1));
}
