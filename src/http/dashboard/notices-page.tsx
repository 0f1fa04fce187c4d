import type { FC } from "hono/jsx";
import { NOTICE_STATES } from "../../../sheets-schema/enums";
import type { NoticeEntry } from "../../domain/dashboard/timeline";
import { href, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card, Empty, Kpi, StatusBadge } from "./ui";

/** How many notices one page lists (newest first). */
export const NOTICES_PAGE_SIZE = 200;

function retriedText(retried: { id: number; via: number | null; unchanged: boolean }): string {
  if (retried.via !== null)
    return `接收方的通知渠道已改：第 ${retried.id} 条通知已按新渠道排队发送（第 ${retried.via} 条）。`;
  if (retried.unchanged)
    return `第 ${retried.id} 条通知已重新排队发送，但接收方的地址仍是上次发送失败的那个：若已在表格中改正机器人地址或邮箱，请等下一次同步（约 10 分钟）后再重试；未改正的，这次多半仍会失败。`;
  return `第 ${retried.id} 条通知已按接收方现在的地址重新排队发送。`;
}

export const NoticesPage: FC<{
  notices: readonly NoticeEntry[];
  counts: Readonly<Record<string, number>>;
  status: string | null;
  /**
   * The notice just put back in the queue by the 重试 button: `via` the copy over the recipient's
   * new 通知渠道, `unchanged` when it went to the address it had failed at.
   */
  retried: { id: number; via: number | null; unchanged: boolean } | null;
  frame: PageFrame;
}> = ({ notices, counts, status, retried, frame }) => (
  <Layout title="通知" nav="notices" frame={frame}>
    <h1>通知发件箱</h1>
    <p class="sub">交办通知、到期提醒、逾期催办等每一条通知及其发送结果。发送失败的可在此重试。</p>
    {retried === null ? null : (
      <div class={`alert ${retried.unchanged ? "warn" : "ok"}`}>{retriedText(retried)}</div>
    )}
    <div class="kpis">
      {NOTICE_STATES.map((s) => (
        <Kpi
          label={s}
          value={counts[s] ?? 0}
          tone={s === "失败" ? "danger" : s === "已发送" ? "ok" : "warn"}
        />
      ))}
    </div>
    <div class="actions">
      <a class={`button ${status === null ? "" : "light"}`} href="/notices">
        全部
      </a>
      {NOTICE_STATES.map((s) => (
        <a class={`button ${status === s ? "" : "light"}`} href={`/notices?status=${encodeURIComponent(s)}`}>
          {s}
        </a>
      ))}
    </div>
    <Card title={`最近 ${notices.length} 条`}>
      {notices.length === 0 ? (
        <Empty>没有通知。</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>时间</th>
              <th>编号</th>
              <th>类型</th>
              <th>接收方</th>
              <th>渠道</th>
              <th>状态</th>
              <th>标题 / 错误</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr>
                <td class="nowrap">{localDateTime(n.sentAt ?? n.plannedAt, frame.timeZone)}</td>
                <td class="nowrap">
                  {n.suggestionId ? <a href={href.suggestion(n.suggestionId)}>{n.suggestionId}</a> : "—"}
                </td>
                <td class="nowrap">{n.type}</td>
                <td>{n.recipient}</td>
                <td>{n.channel}</td>
                <td>
                  <StatusBadge status={n.status} />
                  {n.attempts > 1 ? <div class="small muted">尝试 {n.attempts} 次</div> : null}
                </td>
                <td>
                  {n.title}
                  {n.lastError ? <div class="small muted">{n.lastError}</div> : null}
                </td>
                <td>
                  {n.status === "失败" ? (
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
    </Card>
  </Layout>
);
