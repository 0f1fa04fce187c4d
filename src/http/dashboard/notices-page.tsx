import type { FC } from "hono/jsx";
import { channelName, NOTICE_STATES } from "../../../sheets-schema/enums";
import { maskSecret } from "../../channels/robot-address";
import type { NoticeEntry } from "../../domain/dashboard/timeline";
import { CATCH_UP_DAYS } from "../../domain/notices/catch-up";
import { noticeLabel } from "../../domain/notices/notice-label";
import type { UnsentNotice } from "../../jobs/notices/run-daily";
import { href, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Badge, Card, Empty, Kpi, Pager, StatusBadge, shownOfTotal } from "./ui";

/** How many notices one page lists (newest first); the pager reaches the others. */
export const NOTICES_PAGE_SIZE = 200;

/** What /notices lists: a 状态 and a search (编号 or recipient, from its first character). */
export interface NoticesFilter {
  status: string | null;
  text: string;
}

/** The list's address at `page`, its filters kept. */
export function noticesHref(filter: NoticesFilter, page = 1): string {
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.text) query.set("q", filter.text);
  if (page > 1) query.set("page", String(page));
  const q = query.toString();
  return q ? `/notices?${q}` : "/notices";
}

/** What the list says when nothing matches: a search is told how it reads the text. */
function emptyText(filter: NoticesFilter): string {
  if (!filter.text) return "没有通知。";
  return `没有编号或接收方以“${filter.text}”开头的通知${filter.status ? `（状态：${filter.status}）` : ""}：搜索按名称从第一个字查找，请输入单位全称或其开头（如“区教育局”而不是“教育局”）、代表姓名或编号。`;
}

/** The 重试 just done. */
export interface Retried {
  readonly id: number;
  /** The copy queued over the recipient's new 通知渠道. */
  readonly via: number | null;
  /** It went to the address it had failed at. */
  readonly unchanged: boolean;
  /** The retried notice and its copy when older than the notices listed (read by id), to name them. */
  readonly older: readonly NoticeEntry[];
}

/**
 * The retried notice and its copy (via), as the list names them, from the list or, older than it,
 * as read by id (“所重试的通知” only for an id that names no notice).
 */
function retriedText(retried: Retried, notices: readonly NoticeEntry[]): string {
  const find = (id: number | null) => [...notices, ...retried.older].find((n) => n.id === id);
  const shown = find(retried.id);
  const what = shown ? noticeLabel({ ...shown, recipient: maskSecret(shown.recipient) }) : "所重试的通知";
  if (retried.via !== null) {
    const via = find(retried.via);
    return `接收方的通知渠道已改：${what}已按新渠道${via ? `（${channelName(via.channel)}）` : ""}重新排队发送。`;
  }
  if (retried.unchanged)
    return `${what}已重新排队发送，但接收方的地址仍是上次发送失败的那个：若已在表格中改正机器人地址或邮箱，请等下一次同步（约 10 分钟）后再重试；未改正的，这次多半仍会失败。`;
  return `${what}已按接收方现在的地址重新排队发送。`;
}

/** A notice as the list shows it: a 失败 one may have reached its recipient by another channel. */
export type ListedNotice = NoticeEntry & {
  /** The channel whose notice of the same base key was sent (notice-outbox-view's reachedBy). */
  readonly reachedBy?: string | null;
};

/** The 状态 of a 失败 notice whose recipient got it by another channel: reached, not a failure. */
export const reachedStatus = (reachedBy: string) => `失败（已由${channelName(reachedBy)}送达）`;

/** What such a row tells staff: the recipient has it, and the channel that failed is still to mend. */
export function reachedNote(channel: string, reachedBy: string): string {
  const what = channel === "email" ? "邮箱" : "机器人地址";
  return `${channelName(channel)}发送失败，已由${channelName(reachedBy)}送达，无需重试；请检查${what}，以后的通知仍会发往它`;
}

/** What staff change in the sheet so that the notice can go: the reason names the tab to fix. */
export function unsentFix(notice: Pick<UnsentNotice, "recipient" | "reason">): string {
  const tab = /『(.+?)』/.exec(notice.reason)?.[1] ?? "承办单位";
  if (notice.reason.startsWith("不在"))
    return `在『${tab}』表中添加“${notice.recipient}”，或在台账中改正这个名称`;
  return `在『${tab}』表中为“${notice.recipient}”填写正确的邮箱或机器人地址（以 https:// 开头），并在通知渠道中选上它`;
}

/**
 * The notices the latest daily run could not send, their recipient having no usable channel: they
 * are in no outbox count and no 通知记录 row, so the page says so, with what to fix.
 */
export const UnsentNotices: FC<{ unsent: readonly UnsentNotice[]; withId?: boolean }> = ({
  unsent,
  withId = true,
}) => (
  <>
    <div class="alert danger">
      <p>
        最近一次每日通知任务发现以下通知的接收方没有可用的通知渠道：这些通知没有发出，发件箱的计数和『通知记录』中都没有它们。请按“怎么改”在表格中改正（同见
        <a href="/problems">校验问题</a>
        ），同步后，下一次每日通知会补发其中仍在 {CATCH_UP_DAYS} 天补发期内的。
      </p>
    </div>
    <table>
      <thead>
        <tr>
          <th>检查日期</th>
          {withId ? <th>编号</th> : null}
          <th>类型</th>
          <th>接收方</th>
          <th>原因</th>
          <th>怎么改</th>
        </tr>
      </thead>
      <tbody>
        {unsent.map((n) => (
          <tr>
            <td class="nowrap">{n.checkedOn}</td>
            {withId ? (
              <td class="nowrap">
                {n.suggestionId ? <a href={href.suggestion(n.suggestionId)}>{n.suggestionId}</a> : "—"}
              </td>
            ) : null}
            <td class="nowrap">{n.type}</td>
            <td>{n.recipient}</td>
            <td>
              {n.recipient}
              {n.reason}
            </td>
            <td>{unsentFix(n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
);

/** The title of the list of notices that could not go, as both pages head it. */
export const unsentTitle = (unsent: readonly UnsentNotice[]) =>
  `未能发出：没有可用的通知渠道（${unsent.length} 条）`;

export const NoticesPage: FC<{
  notices: readonly ListedNotice[];
  counts: Readonly<Record<string, number>>;
  /** Of counts' 失败, those whose recipient got the same notice by another channel: no 重试 needed. */
  reachedElsewhere?: number;
  /** What the latest daily run could not send (no usable channel): not in the outbox, so not in counts. */
  unsent: readonly UnsentNotice[];
  status: string | null;
  /** The search typed (编号 or recipient); "" or absent for none. */
  text?: string;
  /** Which page of how many, of how many notices (absent: the notices given are all there are). */
  paging?: { page: number; pages: number; total: number };
  /** The notice just put back in the queue by the 重试 button. */
  retried: Retried | null;
  frame: PageFrame;
}> = ({
  notices,
  counts,
  reachedElsewhere = 0,
  unsent,
  status,
  text = "",
  paging = { page: 1, pages: 1, total: notices.length },
  retried,
  frame,
}) => (
  <Layout title="通知" nav="notices" frame={frame}>
    <h1>通知发件箱</h1>
    <p class="sub">交办通知、到期提醒、逾期催办等每一条通知及其发送结果。发送失败的可在此重试。</p>
    {retried === null ? null : (
      <div class={`alert ${retried.unchanged ? "warn" : "ok"}`}>{retriedText(retried, notices)}</div>
    )}
    <div class="kpis">
      {NOTICE_STATES.map((s) =>
        s === "失败" ? (
          // The failures staff must act on: one whose recipient was reached otherwise is not.
          <Kpi
            label={s}
            value={Math.max(0, (counts[s] ?? 0) - reachedElsewhere)}
            tone="danger"
            note={reachedElsewhere > 0 ? `另有 ${reachedElsewhere} 条已由其他渠道送达` : undefined}
          />
        ) : (
          <Kpi label={s} value={counts[s] ?? 0} tone={s === "已发送" ? "ok" : "warn"} />
        ),
      )}
      <Kpi
        label="未能发出"
        value={unsent.length}
        tone={unsent.length > 0 ? "danger" : "ok"}
        note="没有可用的通知渠道"
      />
    </div>
    {unsent.length === 0 ? null : (
      <Card title={unsentTitle(unsent)}>
        <UnsentNotices unsent={unsent} />
      </Card>
    )}
    <div class="actions">
      <a
        class={`button ${status === null ? "" : "light"}`}
        href={noticesHref({ status: null, text })}
        aria-current={status === null ? "page" : undefined}
      >
        全部
      </a>
      {NOTICE_STATES.map((s) => (
        <a
          class={`button ${status === s ? "" : "light"}`}
          href={noticesHref({ status: s, text })}
          aria-current={status === s ? "page" : undefined}
        >
          {s}
        </a>
      ))}
    </div>
    <form class="actions no-print" method="get" action="/notices">
      <select name="status" aria-label="状态">
        <option value="">全部状态</option>
        {NOTICE_STATES.map((s) => (
          <option value={s} selected={s === status}>
            {s}
          </option>
        ))}
      </select>
      <label class="search">
        搜索
        <input type="search" name="q" value={text} placeholder="编号、单位名称或代表姓名（从第一个字起）" />
      </label>
      <button type="submit">搜索</button>
      {text ? (
        <a class="button light" href={noticesHref({ status, text: "" })}>
          清除搜索
        </a>
      ) : null}
    </form>
    <Card title={shownOfTotal(paging.page, NOTICES_PAGE_SIZE, paging.total)}>
      {notices.length === 0 ? (
        <Empty>{emptyText({ status, text })}</Empty>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th>时间</th>
              <th>编号</th>
              <th>类型</th>
              <th>接收方</th>
              <th>渠道</th>
              <th>状态</th>
              <th>标题 / 错误</th>
              <th>
                <span class="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr>
                <td class="nowrap">{localDateTime(n.sentAt ?? n.plannedAt, frame.timeZone)}</td>
                <td class="nowrap" data-label="编号">
                  {n.suggestionId ? <a href={href.suggestion(n.suggestionId)}>{n.suggestionId}</a> : "—"}
                </td>
                <td class="nowrap" data-label="类型">
                  {n.type}
                </td>
                {/* A 周报接收人 is named by its robot address: its key is not for every reader. */}
                <td data-label="接收方">{maskSecret(n.recipient)}</td>
                <td data-label="渠道">{channelName(n.channel)}</td>
                <td data-label="状态">
                  {n.status === "失败" && n.reachedBy ? (
                    <Badge tone="warn">{reachedStatus(n.reachedBy)}</Badge>
                  ) : (
                    <StatusBadge status={n.status} />
                  )}
                  {n.attempts > 1 ? <div class="small muted">尝试 {n.attempts} 次</div> : null}
                </td>
                <td data-label="标题">
                  {n.title}
                  {n.status === "失败" && n.reachedBy ? (
                    <div class="small">{reachedNote(n.channel, n.reachedBy)}</div>
                  ) : null}
                  {n.lastError ? <div class="small muted">{n.lastError}</div> : null}
                </td>
                <td>
                  {n.status === "失败" && !n.reachedBy ? (
                    <form class="inline" method="post" action={`/notices/${n.id}/retry`}>
                      <button class="small" type="submit">
                        重试
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={paging.page} pages={paging.pages} hrefOf={(page) => noticesHref({ status, text }, page)} />
    </Card>
  </Layout>
);
