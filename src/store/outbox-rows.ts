import type { Channel, NoticeState, NoticeType } from "../../sheets-schema/enums";

/** A `notices` row as D1 returns it. */
export interface NoticeRow {
  id: number;
  idempotency_key: string;
  type: NoticeType;
  suggestion_id: string | null;
  round: number;
  occurrence: string;
  recipient: string;
  channel: Channel;
  address: string;
  title: string;
  body: string;
  due_on: string;
  planned_at: string;
  status: NoticeState;
  attempts: number;
  sent_at: string | null;
  finished_at: string | null;
  last_error: string | null;
  logged_to_sheet: number;
  enqueued_at: string | null;
}

/** One notice of the outbox. */
export interface StoredNotice {
  id: number;
  key: string;
  type: NoticeType;
  suggestionId: string | null;
  round: number;
  occurrence: string;
  recipient: string;
  channel: Channel;
  address: string;
  title: string;
  body: string;
  dueOn: string;
  plannedAt: string;
  status: NoticeState;
  attempts: number;
  sentAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  loggedToSheet: boolean;
  enqueuedAt: string | null;
}

export function toStoredNotice(r: NoticeRow): StoredNotice {
  return {
    id: r.id,
    key: r.idempotency_key,
    type: r.type,
    suggestionId: r.suggestion_id,
    round: r.round,
    occurrence: r.occurrence,
    recipient: r.recipient,
    channel: r.channel,
    address: r.address,
    title: r.title,
    body: r.body,
    dueOn: r.due_on,
    plannedAt: r.planned_at,
    status: r.status,
    attempts: r.attempts,
    sentAt: r.sent_at,
    finishedAt: r.finished_at,
    lastError: r.last_error,
    loggedToSheet: r.logged_to_sheet === 1,
    enqueuedAt: r.enqueued_at,
  };
}
