import type { FC } from "hono/jsx";
import { LEDGER_DATE_HEADERS, rawText } from "../../domain/dashboard/cell-text";
import type { Snapshot } from "../../domain/sync/plan-history";
import { cellText } from "../../domain/sync/row-identity";
import { href, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card } from "./ui";

// What D1 kept are the sheet's raw cells: a date there is a serial (46077), shown as 2026-02-24.
const SHOWN = ["标题", "领衔代表", "主办单位", "交办日期", "答复日期", "满意度"];

/**
 * A suggestion that vanished from the sheet: what D1 last saw, and 恢复 or 确认已删除 behind a
 * confirmation (`confirm` shows the form that really does the one or the other). `renumbered`: what
 * to do when a row still holds its 标题 and 领衔代表 under another 编号, said before either button,
 * since both would split one suggestion's history across two 编号.
 */
export const RemovedPage: FC<{
  snapshot: Snapshot;
  frame: PageFrame;
  confirm?: "restore" | "removal";
  renumbered?: string | null;
}> = ({ snapshot, frame, confirm, renumbered }) => {
  const title = cellText(snapshot.staffValues.标题);
  const restore = snapshot.restore;
  return (
    <Layout title={`${snapshot.id} 已从台账中消失`} nav="problems" frame={frame}>
      <h1>
        {snapshot.id} {title}
      </h1>
      {!snapshot.removedAt ? (
        <div class="alert ok">
          这条建议仍在『建议台账』中（第 {snapshot.rowNumber ?? "?"} 行），无需恢复。
        </div>
      ) : restore ? (
        <div class="alert ok">
          已于 {localDateTime(restore.at, frame.timeZone)} 恢复
          {restore.row ? `到『建议台账』第 ${restore.row} 行` : ""}；下一次同步（最多 10
          分钟）后这里不再显示为消失。
        </div>
      ) : (
        <div class="alert danger">
          这条建议于 {localDateTime(snapshot.removedAt, frame.timeZone)} 前后从『建议台账』中消失（最后见于第{" "}
          {snapshot.rowNumber ?? "?"} 行）。如系误删，可按系统最后一次记录的内容补回一行。
        </div>
      )}
      {snapshot.removedAt && !restore && renumbered ? <div class="alert warn">{renumbered}</div> : null}
      <Card title="最后一次记录的内容">
        <dl class="fields">
          {SHOWN.map((h) => (
            <>
              <dt>{h}</dt>
              <dd>
                {rawText(snapshot.staffValues[h], LEDGER_DATE_HEADERS.has(h)) || <span class="muted">—</span>}
              </dd>
            </>
          ))}
        </dl>
      </Card>
      {snapshot.removedAt && snapshot.removalConfirmed && !restore ? (
        <div class="alert ok">
          {snapshot.removalConfirmed.by ?? "工作人员"}已于{" "}
          {localDateTime(snapshot.removalConfirmed.at, frame.timeZone)}{" "}
          确认为有意删除，『校验问题』不再提示；如需要，仍可恢复。
        </div>
      ) : null}
      {snapshot.removedAt && !restore ? (
        confirm === "restore" ? (
          <form method="post" action={`${href.suggestion(snapshot.id)}/restore`} class="actions">
            <p>
              确认后，系统在『建议台账』末尾补回这一行（只含工作人员填写的列，系统列由下一次同步重新计算）。
            </p>
            <button type="submit">确认恢复</button> <a href="/problems">取消</a>
          </form>
        ) : confirm === "removal" ? (
          <form method="post" action={`${href.suggestion(snapshot.id)}/removal`} class="actions">
            <p>
              确认这条建议是有意从『建议台账』中删除的：『校验问题』不再提示它，它的办理记录仍保留在系统中，以后仍可恢复。
            </p>
            <button type="submit">确认已删除</button> <a href="/problems">取消</a>
          </form>
        ) : (
          <p class="actions">
            <a class="button" href={`${href.suggestion(snapshot.id)}/restore`}>
              恢复
            </a>{" "}
            {snapshot.removalConfirmed ? null : (
              <a class="button light" href={`${href.suggestion(snapshot.id)}/removal`}>
                确认已删除
              </a>
            )}
          </p>
        )
      ) : null}
    </Layout>
  );
};
