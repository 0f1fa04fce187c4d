import { actorLabel } from "../../domain/links/capability";
import type { FieldChange } from "../../domain/sync/plan-history";
import type { Inbox, InboxEntry } from "../../store/inbox";
import type { NewObjection, Objections } from "../../store/objections";
import type { SnapshotStore } from "../../store/snapshots";

export interface ObjectionApplyDeps {
  inbox: Inbox;
  objections: Objections;
  snapshots: Pick<SnapshotStore, "record">;
}

/** The history's column for an objection (a unit's 异议 to its assignment). */
export const OBJECTED = "交办异议";

/** The cells an objection's inbox entry holds (jobs/links: the unit page sends them). */
export interface ObjectionCells {
  编号: string;
  承办单位: string;
  承办身份: "主办" | "协办";
  交办日期: string;
  提出日期: string;
  异议期限: string;
  理由: string;
  建议承办单位: string;
}

function objectionOf(entry: InboxEntry): NewObjection {
  const text = (key: keyof ObjectionCells) => String(entry.cells[key] ?? "");
  const actor = entry.actor
    ? actorLabel({ kind: entry.actor.kind, recipient: entry.actor.name, id: entry.actor.linkId })
    : `提交号 ${entry.submissionId}`;
  return {
    submissionId: entry.submissionId,
    suggestionId: entry.suggestionId,
    unit: text("承办单位"),
    relation: text("承办身份") === "主办" ? "lead" : "co",
    assignedOn: text("交办日期"),
    objectedOn: text("提出日期"),
    deadline: text("异议期限"),
    reason: text("理由"),
    proposal: text("建议承办单位"),
    actor,
    receivedAt: entry.receivedAt,
  };
}

/** The history's line for an objection: who, as which unit, why, and whom it proposes. */
export function objectionLine(o: Pick<NewObjection, "unit" | "relation" | "reason" | "proposal">): string {
  const role = o.relation === "lead" ? "主办" : "协办";
  return `${o.unit}（${role}）对交办提出异议：${o.reason}${o.proposal ? `；建议改由${o.proposal}承办` : ""}`;
}

/**
 * Objections reach D1's `objections` (once each: the submission id is the key), where the dashboard
 * and the sync's 校验问题 show them to staff, who decide. The suggestion's history records each.
 */
export async function applyObjections(
  deps: ObjectionApplyDeps,
  entries: readonly InboxEntry[],
  at: string,
): Promise<InboxEntry[]> {
  const mine = entries.filter((e) => e.form === "objection");
  if (mine.length === 0) return [];
  const objections = mine.map(objectionOf);
  const recorded = await deps.objections.recordMany(objections);
  // Each objection once in the history: one a try before recorded is not told again.
  const changes: FieldChange[] = objections
    .filter((o) => recorded.has(o.submissionId))
    .map((objection) => ({
      suggestionId: objection.suggestionId,
      column: OBJECTED,
      oldValue: null,
      newValue: objectionLine(objection),
      source: "link",
      actor: objection.actor,
    }));
  if (changes.length > 0) await deps.snapshots.record(changes, at);
  await deps.inbox.mark(mine, "applied", at, null);
  return mine;
}
