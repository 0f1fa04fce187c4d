import { channelName } from "../../../sheets-schema/enums";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import type { Deadline } from "../deadlines";
import type { EvaluatedRow } from "../summary/evaluated";
import type { FieldChange } from "../sync/plan-history";
import { LEDGER_DATE_HEADERS, rawText } from "./cell-text";
import { deadlineProvisional } from "./suggestion-ref";

/** A notice of the outbox, as the dashboard shows it. */
export interface NoticeEntry {
  readonly id: number;
  readonly type: string;
  readonly suggestionId: string | null;
  readonly recipient: string;
  readonly channel: string;
  readonly title: string;
  readonly dueOn: string;
  readonly plannedAt: string;
  readonly status: string;
  readonly attempts: number;
  readonly sentAt: string | null;
  readonly lastError: string | null;
}

export interface Milestone {
  readonly date: string;
  readonly label: string;
  /** A 办理期限 that may still move (deadlineProvisional): shown （暂定）, as its notices say it. */
  readonly provisional?: true;
}

/** A round's 办理期限 as a milestone, marked when it is 暂定 (left out otherwise, as on most rows). */
function dueMilestone(deadline: Pick<Deadline, "due" | "explanation">, label: string): Milestone {
  return deadlineProvisional(deadline)
    ? { date: deadline.due, label, provisional: true }
    : { date: deadline.due, label };
}

export interface TimelineEvent {
  /** ISO timestamp (UTC) the change was seen or the notice sent / planned. */
  readonly at: string;
  readonly kind: "change" | "notice";
  readonly title: string;
  readonly lines: readonly string[];
}

const MILESTONES: readonly [keyof LedgerRecord, string][] = [
  ["submittedOn", "提出"],
  ["assignedOn", "交办"],
  ["repliedOn", "答复"],
  ["ratedOn", "测评"],
  ["reassignedOn", "二次交办"],
  ["secondRepliedOn", "二次答复"],
];

/** The lifecycle dates of a suggestion (提 → 交 → 办 → 评), with its due dates, in date order. */
export function milestones(row: EvaluatedRow): Milestone[] {
  const record = row.record as unknown as Record<string, unknown>;
  const list: Milestone[] = [];
  for (const [key, label] of MILESTONES) {
    const date = record[key];
    if (typeof date === "string" && date) list.push({ date, label });
  }
  if (row.firstDeadline) list.push(dueMilestone(row.firstDeadline, "首轮办理期限"));
  if (row.secondDeadline) list.push(dueMilestone(row.secondDeadline, "二次办理期限"));
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function shownValue(column: string, value: string | null): string {
  if (value === null || value === "") return "（空）";
  const number = Number(value);
  if (LEDGER_DATE_HEADERS.has(column) && /^\d+$/.test(value)) return rawText(number, true);
  return value;
}

/** The audit trail's column for a leader's 催办 (src/jobs/links/urge.ts). */
export const URGED = "催办";

const SOURCE_TITLES: Record<NonNullable<FieldChange["source"]>, string> = {
  sheet: "表格中修改",
  form: "表单提交",
  link: "个人链接",
  dashboard: "看板操作",
  system: "系统修复",
};

/**
 * Who made a change, as the history says it: a staff edit in the sheet, a form, a unit, deputy or
 * leader through their personal link (`个人链接（承办单位 区教育局 · 链接 Ab3dE9Kq）`), a person on
 * the dashboard, the system.
 */
function changeTitle(change: FieldChange): string {
  const source = change.source ?? "sheet";
  const who = change.actor ? `（${source === "form" ? `提交号 ${change.actor}` : change.actor}）` : "";
  return `${SOURCE_TITLES[source]}${who}`;
}

/**
 * The history of a suggestion: every change the audit trail holds, one event per moment and
 * source (staff edits the sync saw, form submissions, dashboard actions with who did them, the
 * system's own repairs with why), and the notices sent or planned for it, oldest first.
 */
export function buildTimeline(
  changes: readonly (FieldChange & { seenAt: string })[],
  /** A 失败 one with reachedBy got to its recipient by that channel (notice-outbox-view's list). */
  notices: readonly (NoticeEntry & { readonly reachedBy?: string | null })[],
): TimelineEvent[] {
  const grouped = new Map<string, { at: string; title: string; lines: string[] }>();
  for (const change of changes) {
    const title = changeTitle(change);
    const key = `${change.seenAt}|${title}`;
    const event = grouped.get(key) ?? { at: change.seenAt, title, lines: [] };
    // A leader's 催办 press is an event, not a cell: it says whom the reminder went to.
    event.lines.push(
      change.column === URGED
        ? `催办 → ${change.newValue ?? ""}`
        : `${change.column}：${shownValue(change.column, change.oldValue)} → ${shownValue(change.column, change.newValue)}`,
    );
    if (change.note && !event.lines.includes(change.note)) event.lines.push(change.note);
    grouped.set(key, event);
  }
  const events: TimelineEvent[] = [...grouped.values()].map(({ at, title, lines }) => ({
    at,
    kind: "change",
    title,
    lines,
  }));
  for (const n of notices) {
    const failed =
      n.status === "失败" && n.reachedBy ? `失败（已由${channelName(n.reachedBy)}送达）` : n.status;
    const state = n.status === "失败" && n.lastError ? `${failed}：${n.lastError}` : failed;
    events.push({
      at: n.sentAt ?? n.plannedAt,
      kind: "notice",
      title: `${n.type} → ${n.recipient}`,
      lines: [
        `${n.title}`,
        `渠道 ${channelName(n.channel)}，${state}${n.attempts > 1 ? `（已尝试 ${n.attempts} 次）` : ""}`,
      ],
    });
  }
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
