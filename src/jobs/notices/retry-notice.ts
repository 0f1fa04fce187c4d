import type { StoredNotice } from "../../store/outbox";
import { enqueueNotices } from "./enqueue";
import type { NoticeDeps } from "./notice-deps";

export type RetryResult =
  | { ok: true; notice: StoredNotice }
  | { ok: false; code: "not_found" | "already_sent" | "pending"; message: string };

/** Staff's retry of a 失败 notice: back to 待发送 and queued again; its earlier attempts stay logged. */
export async function retryNotice(
  deps: Pick<NoticeDeps, "noticeOutbox" | "noticesQueue">,
  id: number,
  nowMs: number,
): Promise<RetryResult> {
  const notice = await deps.noticeOutbox.get(id);
  if (!notice) return { ok: false, code: "not_found", message: `没有编号为 ${id} 的通知` };
  if (notice.status === "已发送")
    return { ok: false, code: "already_sent", message: "这条通知已经发送，不能重发" };
  if (!(await deps.noticeOutbox.resetForRetry(id)))
    return { ok: false, code: "pending", message: "这条通知正在等待发送，无需重试" };
  await enqueueNotices(deps, [id], nowMs);
  const updated = await deps.noticeOutbox.get(id);
  return { ok: true, notice: updated ?? notice };
}
