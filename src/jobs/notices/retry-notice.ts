import { channelName } from "../../../sheets-schema/enums";
import { maskSecret } from "../../channels/robot-address";
import type { LedgerContext } from "../../domain/ledger-context";
import { baseKeyOf } from "../../domain/notices/keys";
import { noticeLabel } from "../../domain/notices/notice-label";
import {
  digestTarget,
  publicAddress,
  type Resolved,
  resolveRecipient,
} from "../../domain/notices/recipients";
import type { AddressChange, StoredNotice } from "../../store/outbox";
import { baseTabsContext } from "../ledger-view";
import { enqueueNotices } from "./enqueue";
import type { NoticeDeps } from "./notice-deps";

/** The notice as /notices lists it (its row id is shown nowhere); a digest's address masked. */
const labelOf = (notice: StoredNotice) => noticeLabel({ ...notice, recipient: maskSecret(notice.recipient) });

export type RetryResult =
  | {
      ok: true;
      /** The notice queued: the one retried, or its copy over the recipient's new 通知渠道. */
      notice: StoredNotice;
      /** The recipient's address is still the one this notice failed at (staff may not have synced). */
      sameAddress: boolean;
      /** What staff are told, in Chinese. */
      message: string;
    }
  | {
      ok: false;
      code: "not_found" | "already_sent" | "pending" | "unreachable" | "notified";
      message: string;
    };

/**
 * How the notice's recipient is reached now, from the small tabs the sync keeps in D1: a unit, else
 * a leader (then a deputy, then the 周报接收人, as planning looks them up); the digest's 周报接收人
 * by the address it names.
 */
function currentRecipient(notice: StoredNotice, context: LedgerContext): Resolved {
  const book = {
    units: context.units,
    deputies: context.deputies,
    leaders: context.leaders,
    digestRecipients: context.settings.digestRecipients,
  };
  if (notice.type === "督办周报") {
    const address = context.settings.digestRecipients.find((a) => publicAddress(a) === notice.recipient);
    return address
      ? { ok: true, name: notice.recipient, keyName: notice.recipient, targets: [digestTarget(address)] }
      : { ok: false, name: notice.recipient, reason: "已不在『设置』的周报接收人中" };
  }
  if (context.units.find(notice.recipient))
    return resolveRecipient({ kind: "unit", name: notice.recipient }, book);
  return resolveRecipient({ kind: "leader", name: notice.recipient }, book);
}

/** How many 待发送 notices one run checks against the tabs (more wait for the next run). */
const WAITING_CHECKED = 500;

/**
 * A waiting notice's move to the address its recipient has now on its channel (staff corrected a
 * 机器人地址 or 邮箱 after it was planned), or null: same address, another channel now (a 失败
 * notice's retry handles that), or a recipient the tabs no longer reach. Digests and stand-in
 * copies are left alone: their address is whom they are for.
 */
export function addressChange(notice: StoredNotice, context: LedgerContext): AddressChange | null {
  if (notice.status !== "待发送" || notice.type === "督办周报") return null;
  const resolved = currentRecipient(notice, context);
  if (!resolved.ok || resolved.standIn) return null;
  const target = resolved.targets.find((t) => t.channel === notice.channel);
  if (!target || target.address === notice.address) return null;
  const what = notice.channel === "email" ? "邮箱" : "机器人地址";
  return {
    id: notice.id,
    from: notice.address,
    to: target.address,
    note: `未投递：${notice.recipient}的${what}已改为 ${maskSecret(target.address)}（原为 ${maskSecret(notice.address)}），此后发往新地址`,
  };
}

/**
 * The hourly tick's check of what is still waiting (the one-invocation daily run makes it too): a
 * notice planned before staff corrected its recipient's address goes to the new one (instead of
 * retrying the old one until it is 失败), and is queued now, ahead of new notices. Two D1 reads and
 * one batch, however many wait; a notice being delivered right now keeps its address (the outbox
 * skips a held one).
 */
export async function readdressWaiting(
  deps: Pick<NoticeDeps, "noticeOutbox" | "noticesQueue" | "tabCache">,
  nowMs: number,
): Promise<number[]> {
  const waiting = await deps.noticeOutbox.waiting(WAITING_CHECKED);
  if (waiting.length === 0) return [];
  const context = await baseTabsContext(deps.tabCache);
  const changes = waiting.flatMap((n) => addressChange(n, context) ?? []);
  // Claims are stamped with the consumers' clock; a forced run may play another day.
  const moved = await deps.noticeOutbox.readdress(changes, new Date(nowMs).toISOString(), Date.now());
  await enqueueNotices(deps, moved, nowMs);
  return moved;
}

/**
 * A 待发送 notice's retry: refused unless its recipient's address changed since it was planned;
 * then it goes to the new address, queued now (its old message finds it sent, or retries it there).
 */
async function retryWaiting(
  deps: Pick<NoticeDeps, "noticeOutbox" | "noticesQueue" | "tabCache">,
  notice: StoredNotice,
  nowMs: number,
): Promise<RetryResult> {
  const label = labelOf(notice);
  const pending = { ok: false, code: "pending", message: `${label}正在等待发送，无需重试` } as const;
  const change = addressChange(notice, await baseTabsContext(deps.tabCache));
  if (!change) return pending;
  const moved = await deps.noticeOutbox.readdress([change], new Date(nowMs).toISOString(), Date.now());
  if (moved.length === 0)
    return {
      ok: false,
      code: "pending",
      message: `${label}此刻正在按原地址发送：请稍后刷新，若仍未送达再重试`,
    };
  await enqueueNotices(deps, moved, nowMs);
  return {
    ok: true,
    notice: (await deps.noticeOutbox.get(notice.id)) ?? { ...notice, address: change.to },
    sameAddress: false,
    message: `${label}尚未送达，已改按新地址重新排队发送`,
  };
}

/**
 * Staff's retry of a 失败 notice, to its recipient as the tabs say now: back to 待发送 at the
 * current address of its channel (a corrected 机器人地址 or 邮箱 is used), or, when the recipient's
 * 通知渠道 changed, the same notice queued over the new channel (the outbox's unique key keeps it to
 * one). Its earlier attempts stay logged. Not when another channel's notice of it was sent or is
 * on its way: the recipient counts as notified. A 待发送 notice is retried only when its
 * recipient's address changed since it was planned (retryWaiting).
 */
export async function retryNotice(
  deps: Pick<NoticeDeps, "noticeOutbox" | "noticesQueue" | "tabCache">,
  id: number,
  nowMs: number,
): Promise<RetryResult> {
  const notice = await deps.noticeOutbox.get(id);
  if (!notice) return { ok: false, code: "not_found", message: `没有编号为 ${id} 的通知` };
  // Every answer names the notice as the list does: staff may have pressed 重试 on any row.
  const label = labelOf(notice);
  if (notice.status === "已发送")
    return { ok: false, code: "already_sent", message: `${label}已经发送，不能重发` };
  if (notice.status === "待发送") return retryWaiting(deps, notice, nowMs);
  const [context, siblings] = await Promise.all([
    baseTabsContext(deps.tabCache),
    deps.noticeOutbox.withBaseKey(baseKeyOf(notice.key)),
  ]);
  const notified = siblings.find((n) => n.id !== id && n.status !== "失败");
  if (notified)
    return {
      ok: false,
      code: "notified",
      message: `${label}无需重试：同一通知已通过${channelName(notified.channel)}${notified.status === "已发送" ? "送达" : "排队发送"}`,
    };
  const resolved = currentRecipient(notice, context);
  if (!resolved.ok)
    return {
      ok: false,
      code: "unreachable",
      message: `${label}暂不能重试：${maskSecret(resolved.name)}${resolved.reason}。请先在表格中改正，等下一次同步（约 10 分钟）后再重试`,
    };
  const target = resolved.targets.find((t) => t.channel === notice.channel) ?? resolved.targets[0];
  if (!target) throw new Error("a resolved recipient has a target");
  let queued =
    target.channel === notice.channel ? notice : siblings.find((n) => n.channel === target.channel);
  if (queued) {
    if (!(await deps.noticeOutbox.resetForRetry(queued.id, target.address)))
      return { ok: false, code: "pending", message: `${label}正在等待发送，无需重试` };
  } else {
    const [inserted] = await deps.noticeOutbox.insert(
      [
        {
          key: `${baseKeyOf(notice.key)}|${target.channel}`,
          type: notice.type,
          suggestionId: notice.suggestionId,
          round: notice.round,
          occurrence: notice.occurrence,
          recipient: notice.recipient,
          recipientKind: "unit", // not stored; the outbox keeps no kind
          channel: target.channel,
          address: target.address,
          title: notice.title,
          body: notice.body,
          dueOn: notice.dueOn,
        },
      ],
      new Date(nowMs).toISOString(),
    );
    // The daily run queued it over the new channel a moment ago (its key is unique).
    if (inserted === undefined)
      return { ok: false, code: "pending", message: `${label}已按接收方的新渠道排队发送，无需重试` };
    queued = { ...notice, id: inserted };
  }
  await enqueueNotices(deps, [queued.id], nowMs);
  const updated = (await deps.noticeOutbox.get(queued.id)) ?? queued;
  const sameAddress = updated.id === notice.id && target.address === notice.address;
  const message =
    updated.id !== notice.id
      ? `${maskSecret(notice.recipient)}的通知渠道已改为${channelName(target.channel)}：${label}已改由${channelName(target.channel)}重新排队发送`
      : sameAddress
        ? `${label}已重新排队发送，但接收方的地址仍是上次发送失败的那个：若已在表格中改正，请等下一次同步（约 10 分钟）后再重试；未改正的，这次多半仍会失败`
        : `${label}已按接收方的新地址重新排队发送`;
  return { ok: true, notice: updated, sameAddress, message };
}
