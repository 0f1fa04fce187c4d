import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import {
  DIFFERING_REPLY_DAYS,
  differingReplyProblems,
  REPLY_COLUMNS,
  type ReplyRow,
} from "../../domain/intake/differing-replies";
import { FORM_NAMES, isPracticeForm } from "../../domain/intake/inbox-forms";
import { KIND_LABELS } from "../../domain/links/capability";
import { REPLY_SETTLER, repliedLine } from "../../domain/links/objection-settling";
import { PRACTICE_TAB_OF } from "../../domain/links/practice-forms";
import { RELATION_LABELS, relationOf } from "../../domain/links/recipient-rows";
import type { Problem } from "../../domain/problems";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import type { FieldChange } from "../../domain/sync/plan-history";
import type { Inbox, InboxEntry, RepliedLately } from "../../store/inbox";
import type { Objection, Objections } from "../../store/objections";
import type { SnapshotStore } from "../../store/snapshots";
import type { IntakeMessage } from "../intake/accept-submission";
import { OBJECTED } from "../intake/apply-objections";
import { localDate } from "../local-time";

/**
 * Units' objections to their assignments staff have not decided (ledger.md 异议期限工作日): a 提醒 on
 * the suggestion until staff decide on the dashboard's overview (维持交办 or 已改交), or the sync
 * settles it (settleObjections: reassigned in the ledger, or round 1 replied).
 */
export function objectionProblems(open: readonly Objection[]): Problem[] {
  return open.map((o) => ({
    tab: TAB_NAMES.ledger,
    row: null,
    column: o.relation === "lead" ? "主办单位" : "协办单位",
    level: "提醒",
    id: o.suggestionId,
    message: `${o.unit}（${o.relation === "lead" ? "主办" : "协办"}）于 ${o.objectedOn} 对交办提出异议：${o.reason}${o.proposal ? `；建议改由${o.proposal}承办` : ""}。请在督办看板“待代表工委决定”中决定维持交办或改交`,
  }));
}

/** Who decides an objection the ledger already settled, as the history and the unit's page say it. */
export const SYNC_DECIDER = "同步（台账已改交）";

/**
 * Whether the ledger took the objecting unit off the part it objected to: not 主办单位 any more for
 * a lead unit's objection, not among 协办单位 for a co-unit's (either may have moved to the other).
 * 交办日期 alone says nothing: staff correct a mistyped day, or assign the same unit again in a new
 * round (二次交办 comes after its reply); the unit still handles the suggestion as before, so its
 * objection waits for staff's 维持交办 and the 交办异议处理结果 that follows.
 */
export function noLongerAssigned(o: Objection, row: EvaluatedRow): boolean {
  return relationOf(row, "unit", o.unit) !== o.relation;
}

/**
 * Open objections the ledger has settled, decided by the sync in one statement per kind (Free plan:
 * 50 D1 queries an invocation, and staff may reassign or enter replies in bulk) so they leave the
 * overview's 待代表工委决定 and 校验问题, with a line in the suggestion's history:
 * - 已改交: staff gave the part the unit objected to to another unit (noLongerAssigned);
 * - replied: round 1 has its reply (repliedLine), so there is nothing left to decide.
 * The rows are those the sync already holds (no query of its own). A suggestion gone from the ledger
 * leaves its objection to staff; one staff decided already is left as it is. Returns those still open.
 */
export async function settleObjections(
  deps: { objections: Pick<Objections, "decideMany">; snapshots: Pick<SnapshotStore, "record"> },
  open: readonly Objection[],
  rows: readonly EvaluatedRow[],
  at: string,
): Promise<Objection[]> {
  if (open.length === 0) return [];
  const wanted = new Set(open.map((o) => o.suggestionId));
  const byId = new Map<string, EvaluatedRow>();
  for (const row of rows) if (row.id && wanted.has(row.id)) byId.set(row.id, row);
  const reassigned: Objection[] = [];
  const replied = new Map<string, string>();
  for (const o of open) {
    const row = byId.get(o.suggestionId);
    if (row === undefined) continue;
    if (noLongerAssigned(o, row)) reassigned.push(o);
    else {
      const line = repliedLine(o, row);
      if (line) replied.set(o.submissionId, line);
    }
  }
  const [gone, answered] = await Promise.all([
    deps.objections.decideMany(
      reassigned.map((o) => o.submissionId),
      "reassigned",
      at,
      SYNC_DECIDER,
      null,
    ),
    deps.objections.decideMany([...replied.keys()], "replied", at, REPLY_SETTLER, null),
  ]);
  const still = open.filter((o) => !gone.has(o.submissionId) && !answered.has(o.submissionId));
  const historyLine = (o: Objection): string | null =>
    gone.has(o.submissionId)
      ? `台账已改交，${o.unit}不再${RELATION_LABELS.unit[o.relation]}，其异议随之了结`
      : answered.has(o.submissionId)
        ? (replied.get(o.submissionId) ?? null)
        : null;
  const changes: FieldChange[] = open.flatMap((o) => {
    const newValue = historyLine(o);
    return newValue
      ? [
          {
            suggestionId: o.suggestionId,
            column: OBJECTED,
            oldValue: null,
            newValue,
            source: "system",
            actor: null,
          },
        ]
      : [];
  });
  if (changes.length > 0) await deps.snapshots.record(changes, at);
  return still;
}

/** Entries younger than this are still the queue's business; older ones are queued again. */
const REQUEUE_AFTER_MS = 2 * 60_000;

/** Who sent an entry, as 校验问题 says it: a form, or a unit, deputy or leader through a link. */
function sender(e: InboxEntry): string {
  return e.actor ? `${KIND_LABELS[e.actor.kind]}${e.actor.name}通过个人链接提交的` : "表单提交的";
}

/** Form and link submissions that could not be placed, shown in 校验问题 so staff can act. */
export function inboxProblems(outstanding: readonly InboxEntry[]): Problem[] {
  return outstanding
    .filter((e) => e.status === "unmatched" || e.status === "failed")
    .map((e) => ({
      tab:
        e.form === "opinion"
          ? TAB_NAMES.opinions
          : isPracticeForm(e.form)
            ? PRACTICE_TAB_OF[e.form].name
            : TAB_NAMES.ledger,
      row: null,
      column: e.status === "unmatched" ? "编号" : null,
      level: "错误",
      id: e.suggestionId,
      message:
        e.status === "unmatched"
          ? `${sender(e)}${FORM_NAMES[e.form]}（提交号 ${e.submissionId}）所填编号 ${e.suggestionId} 不在台账中：请核对编号，台账中出现该编号后系统会自动补写`
          : `${sender(e)}${FORM_NAMES[e.form]}（提交号 ${e.submissionId}）尚未写入表格：${e.lastError ?? "写入失败"}；系统会继续重试`,
      // A submission that will never fit (a mistyped 编号, a superseded reply) would stay here for
      // good: staff may void it on the dashboard (校验问题 page), where it is kept but no longer tried.
      action: "discard" as const,
      submission: { form: e.form, submissionId: e.submissionId },
    }));
}

/** Queues again what is stored but not in the sheet yet, so nothing accepted is ever lost. */
export async function requeueOutstanding(
  queue: Queue<unknown>,
  outstanding: readonly InboxEntry[],
  nowMs: number,
): Promise<number> {
  const due = outstanding.filter((e) => nowMs - Date.parse(e.receivedAt) >= REQUEUE_AFTER_MS);
  for (let i = 0; i < due.length; i += 100) {
    const chunk = due.slice(i, i + 100);
    await queue.sendBatch(
      chunk.map((e) => ({ body: { form: e.form, submissionId: e.submissionId } satisfies IntakeMessage })),
    );
  }
  return due.length;
}

/** The most replies the finish reads for differingReplies: a county's busiest week is far fewer. */
const RECENT_REPLIES_LIMIT = 500;

/**
 * Replies written lately to suggestions that had two or more (one D1 statement, none of them
 * usually): what differingReplies compares, with staff's later edits of the reply columns.
 */
export function recentReplies(
  inbox: Pick<Inbox, "repliesTwiceSince">,
  nowMs: number,
): Promise<RepliedLately[]> {
  const since = new Date(nowMs - DIFFERING_REPLY_DAYS * 86_400_000).toISOString();
  return inbox.repliesTwiceSince(since, REPLY_COLUMNS, RECENT_REPLIES_LIMIT);
}

/**
 * The 提醒s of suggestions whose round got two or more different replies lately (differingReplyProblems),
 * on their rows as the sync read them (`rows`: at least those of the replies' 编号); `timeZone`:
 * 设置 时区, in which a reply's day is compared with 二次交办日期.
 */
export function differingReplies(
  replies: readonly RepliedLately[],
  rows: readonly EvaluatedRow[],
  timeZone: string,
): Problem[] {
  if (replies.length === 0) return [];
  const wanted = new Set(replies.map((r) => r.entry.suggestionId));
  const byId = new Map<string, ReplyRow>();
  for (const row of rows)
    if (row.id && wanted.has(row.id))
      byId.set(row.id, { rowNumber: row.rowNumber, reassignedOn: row.record.reassignedOn ?? null });
  return differingReplyProblems(
    replies.map(({ entry, staffEdits }) => ({
      submissionId: entry.submissionId,
      suggestionId: entry.suggestionId,
      cells: entry.cells,
      receivedAt: entry.receivedAt,
      receivedOn: localDate(Date.parse(entry.receivedAt), timeZone),
      linkSender: entry.actor?.name ?? null,
      staffEdits,
    })),
    byId,
  );
}
