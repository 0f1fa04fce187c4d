import type { FC } from "hono/jsx";
import type { Snapshot } from "../../domain/sync/plan-history";
import { cellText } from "../../domain/sync/row-identity";
import type { RestoreManyDone } from "../../jobs/sync/restore-many";
import { href, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card, Empty } from "./ui";

/**
 * 全部恢复: the vanished suggestions 校验问题 lists (not confirmed deleted, not restored yet), each
 * with a box ticked, behind one confirmation. Over `atOnce` only the first ones are ticked: one
 * click restores that many (RESTORE_AT_ONCE), the next click the rest.
 */
export const RestoreManyPage: FC<{ vanished: readonly Snapshot[]; atOnce: number; frame: PageFrame }> = ({
  vanished,
  atOnce,
  frame,
}) => (
  <Layout title="恢复消失的建议" nav="problems" frame={frame}>
    <h1>恢复消失的建议</h1>
    {vanished.length === 0 ? (
      <Card title="0 条">
        <Empty>没有待恢复的建议。</Empty>
      </Card>
    ) : (
      <form method="post" action="/problems/restore" class="actions">
        <p>
          勾选的建议将按系统最后一次记录补回『建议台账』末尾（只含工作人员填写的列，系统列由下一次同步重新计算）。一次最多恢复{" "}
          {atOnce} 条{vanished.length > atOnce ? `，已勾选前 ${atOnce} 条，其余请恢复后再来这里` : ""}。
        </p>
        <table class="stack headed">
          <thead>
            <tr>
              <th>
                <span class="sr-only">恢复</span>
              </th>
              <th>编号</th>
              <th>标题</th>
              <th>消失时间</th>
            </tr>
          </thead>
          <tbody>
            {vanished.map((s, i) => (
              <tr>
                <td>
                  <input
                    type="checkbox"
                    name="id"
                    value={s.id}
                    checked={i < atOnce}
                    aria-label={`恢复 ${s.id}`}
                  />
                </td>
                <td class="nowrap">
                  <a href={href.suggestion(s.id)}>{s.id}</a>
                </td>
                <td>{cellText(s.staffValues.标题)}</td>
                <td class="nowrap">{s.removedAt ? localDateTime(s.removedAt, frame.timeZone) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">确认恢复勾选的建议</button> <a href="/problems">取消</a>
      </form>
    )}
  </Layout>
);

/** Suggestions and the ledger rows they are on now, under `title` with their count; nothing when none. */
const RowsCard: FC<{ title: string; rows: readonly { id: string; row: number }[] }> = ({ title, rows }) =>
  rows.length > 0 ? (
    <Card title={`${title}（${rows.length} 条）`}>
      <ul>
        {rows.map((r) => (
          <li>
            {r.id}：第 {r.row} 行
          </li>
        ))}
      </ul>
    </Card>
  ) : null;

/** What one 全部恢复 did, suggestion by suggestion. */
export const RestoreManyDonePage: FC<{ done: RestoreManyDone; frame: PageFrame }> = ({ done, frame }) => (
  <Layout title="恢复结果" nav="problems" frame={frame}>
    <h1>恢复结果</h1>
    <div class="alert ok">
      已恢复 {done.restored.length} 条建议到『建议台账』；下一次同步（最多 10 分钟）后它们的问题即消失。
    </div>
    {done.message ? <div class="alert warn">{done.message}</div> : null}
    <RowsCard title="已恢复" rows={done.restored} />
    <RowsCard title="已在台账中，无需恢复" rows={done.inSheet} />
    {done.renumbered.length > 0 ? (
      <Card title={`没有恢复：可能被改了编号（${done.renumbered.length} 条）`}>
        <ul>
          {done.renumbered.map((r) => (
            <li>
              {r.id}：『建议台账』第 {r.row} 行（{r.as ? `编号 ${r.as}` : "空白编号"}
              ）的标题和领衔代表与它相同，恢复会使同一条建议出现两次：请打开{" "}
              <a href={href.suggestion(r.id)}>{r.id}</a> 的页面按提示处理
            </li>
          ))}
        </ul>
      </Card>
    ) : null}
    {done.skipped.length > 0 ? (
      <Card title={`未处理（${done.skipped.length} 条）`}>
        <p>这些编号不是消失的建议，或已由别人恢复、正在恢复：{done.skipped.join("、")}</p>
      </Card>
    ) : null}
    <p class="actions">
      <a href="/problems">返回校验问题</a>
    </p>
  </Layout>
);
