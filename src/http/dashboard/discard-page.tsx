import type { FC } from "hono/jsx";
import { rawText } from "../../domain/dashboard/cell-text";
import { FORM_NAMES } from "../../domain/intake/inbox-forms";
import { DATE_HEADERS } from "../../domain/intake/map-answers";
import { KIND_LABELS } from "../../domain/links/capability";
import type { InboxEntry } from "../../store/inbox";
import { href, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card } from "./ui";

/**
 * A submission the sync could not place (its 编号 is not in the ledger, or its round was already
 * rated), with what it says and why it waits, and the form that voids it: kept in D1, no longer
 * tried, no longer in 校验问题. Staff who typed its content into the sheet by hand, or found it
 * superseded, end it here instead of living with an 错误 for good.
 */
export const DiscardPage: FC<{ entry: InboxEntry; frame: PageFrame }> = ({ entry, frame }) => {
  // 所填编号 already shows the 编号; the form's dates are kept as sheet serials (46361 is 2026-12-05).
  const cells = Object.entries(entry.cells).filter(([header]) => header !== "编号");
  const from = entry.actor ? `${KIND_LABELS[entry.actor.kind]}${entry.actor.name}（个人链接）` : "表单";
  const waiting = entry.status === "unmatched" || entry.status === "failed";
  return (
    <Layout title={`作废提交 ${entry.submissionId}`} nav="problems" frame={frame}>
      <h1>
        {FORM_NAMES[entry.form]}提交 {entry.submissionId}
      </h1>
      <Card title="提交的内容">
        <dl class="fields">
          <dt>来自</dt>
          <dd>{from}</dd>
          <dt>收到时间</dt>
          <dd>{localDateTime(entry.receivedAt, frame.timeZone)}</dd>
          <dt>所填编号</dt>
          <dd>{entry.suggestionId || <span class="muted">—</span>}</dd>
          {cells.map(([header, value]) => (
            <>
              <dt>{header}</dt>
              <dd>{rawText(value, DATE_HEADERS.has(header))}</dd>
            </>
          ))}
          <dt>为何未写入</dt>
          <dd>{entry.status === "unmatched" ? "所填编号不在台账中" : (entry.lastError ?? "写入失败")}</dd>
        </dl>
      </Card>
      {waiting ? (
        <form method="post" action={href.discardSubmission(entry)} class="actions">
          <p>
            作废后，系统不再尝试把这条提交写入表格，『校验问题』也不再提示它；提交的内容仍保存在系统中。
            如这条提交应写入台账，请先核对编号或在台账中补上相应内容，而不是作废。
          </p>
          <button type="submit">确认作废</button> <a href="/problems">取消</a>
        </form>
      ) : (
        <div class="alert ok">
          {entry.status === "discarded"
            ? "这条提交已作废，不再写入表格。"
            : entry.status === "applied"
              ? "这条提交已写入表格，无需作废。"
              : "这条提交正在写入表格，无需作废。"}
        </div>
      )}
    </Layout>
  );
};
