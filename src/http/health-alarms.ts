import { submissionRef } from "../domain/intake/inbox-forms";
import type { Env } from "../env";
import { createInbox, WAITING_MINUTES } from "../store/inbox";
import type { SyncHold } from "./readiness";

/**
 * Trouble with Google that has lasted and needs a person: /healthz answers 503 for it, so an
 * uptime monitor goes red. A blip the next sync mends raises none (it is said beside 就绪).
 */
export interface Alarm {
  /** "sync": syncs kept failing; "submissions": accepted form submissions kept out of the sheet. */
  readonly what: "sync" | "submissions";
  /** When it began (ISO): the first failed sync in a row, the oldest waiting submission's arrival. */
  readonly since: string;
  /** Failed syncs in a row, or submissions waiting. */
  readonly count: number;
  /** What is wrong and what to do, in Chinese. */
  readonly message: string;
}

/** The sync's hold as an alarm once its failures in a row span SYNC_FAILING_MINUTES. */
export function syncAlarm(hold: SyncHold | null): Alarm | null {
  if (hold?.state !== "failed" || !hold.failing?.sustained) return null;
  return { what: "sync", since: hold.failing.since, count: hold.failing.runs, message: hold.message };
}

const WAITING_FIX =
  "提交已保存在系统中，对方无需重新提交，每次同步都会重试写入；请在看板『校验问题』页（/problems）查看这些提交和失败原因：" +
  "Google 一直拒绝写入时，请在 Google Cloud 控制台“API 和服务”→ Google Sheets API →“配额”查看用量，并确认服务账号是表格的编辑者";

/**
 * Submissions the senders were told were received and that have waited longer than /problems lets
 * them before listing them (WAITING_MINUTES): one indexed query, the oldest entry and the count.
 */
export async function waitingAlarm(env: Env, nowMs: number): Promise<Alarm | null> {
  const before = new Date(nowMs - WAITING_MINUTES * 60_000).toISOString();
  const oldest = await createInbox(env.DB).oldestWaiting(before);
  if (!oldest) return null;
  const { entry, count } = oldest;
  const waitedMinutes = Math.floor((nowMs - Date.parse(entry.receivedAt)) / 60_000);
  // Every try Google failed is counted on the entry with its cause (apply-inbox), so the alarm
  // names what keeps them out: Google's per-minute limit, its 5xx, a lost connection.
  const why = entry.lastError
    ? `已尝试写入 ${entry.attempts} 次，最近一次失败：${entry.lastError}`
    : "还没有一次写入它们";
  return {
    what: "submissions",
    since: entry.receivedAt,
    count,
    message:
      `有 ${count} 份已收到的表单提交超过 ${WAITING_MINUTES} 分钟仍未写入表格` +
      `（最早一份 ${waitedMinutes} 分钟前收到，${submissionRef(entry)}）：${why}。${WAITING_FIX}`,
  };
}
