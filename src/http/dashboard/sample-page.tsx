import type { FC } from "hono/jsx";
import { inUnitOrder, type LatestReply, type VisitListRow } from "../../domain/dashboard/sampling";
import { listTitle, type SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { StoredSample } from "../../store/samples";
import { EVERY_NAME_A_UNIT, href, type IsUnit, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { sizeAskedText } from "./sample-size-asked";
import { Card, leadUnitHtml, StatusBadge, TableScroll } from "./ui";

/** One suggestion a sample drew, as the sample's page lists it (sampling-actions builds them). */
export interface DrawnRow {
  readonly id: string;
  readonly unit: string;
  /** The suggestion as it is now; null when it has left the ledger since the draw. */
  readonly ref: SuggestionRef | null;
  readonly followedUp: boolean;
  /** The other confirmed sample that wrote 回访 = 是 to it (null: none, or this one). */
  readonly visitedBy?: number | null;
}

/** Why confirming could not write 回访 = 是 to it, or "". */
const heldReason = (sample: StoredSample, id: string) => sample.held.find((h) => h.id === id)?.reason ?? "";

/** 回访 as the list handed out says it: 是, the other sample that wrote it, why it could not be written. */
export function visitText(d: DrawnRow, sample: StoredSample): string {
  const by = d.visitedBy ? `（第 ${d.visitedBy} 次抽样）` : "";
  return `${d.followedUp ? "是" : ""}${by}${heldReason(sample, d.id)}`;
}

/**
 * The drawn suggestions as the visiting team's list has them (the CSV): whom to visit, about which
 * reply (`replies`: the latest of each 编号 still in the ledger), in 承办单位 order (`units`).
 */
export function visitList(
  sample: StoredSample,
  drawn: readonly DrawnRow[],
  replies: ReadonlyMap<string, LatestReply>,
  units: readonly string[],
): VisitListRow[] {
  return inUnitOrder(drawn, (d) => d.unit, units).map((d) => ({
    id: d.id,
    title: d.ref?.title ?? "",
    leadDeputy: d.ref?.leadDeputy ?? "",
    unit: d.unit,
    reply: d.ref ? (replies.get(d.id) ?? null) : null,
    status: d.ref?.status ?? "",
    visit: visitText(d, sample),
  }));
}

/** A cell of the list: the text, or a dash when blank (a reply not rated yet, a suggestion gone). */
const orDash = (text: string | undefined) => text || "—";

/** How many a sample skipped as visited already (none on samples drawn before they were skipped). */
const skippedOf = (sample: StoredSample) => sample.strata.reduce((n, s) => n + (s.visited?.length ?? 0), 0);

/** Drawn ones visited by now (a draft drawn before another sample was confirmed, or 是 typed since). */
const overlapOf = (drawn: readonly DrawnRow[]) => drawn.filter((d) => d.followedUp).length;

/** /sampling/:id: one sample, its draw per 主办单位 and the suggestions drawn, to confirm or check. */
export const SamplePage: FC<{
  sample: StoredSample;
  drawn: readonly DrawnRow[];
  reproducible: boolean;
  frame: PageFrame;
  /** Which 主办单位 are units of 承办单位 (PageBase.isUnit): a name that is none is marked, not linked. */
  isUnit?: IsUnit;
  /** 承办单位's names in tab order: both tables list the units so, as every table by unit does. */
  units?: readonly string[];
  /** The latest reply of each drawn 编号 still in the ledger: what the visit asks the deputy about. */
  replies?: ReadonlyMap<string, LatestReply>;
}> = ({
  sample,
  drawn,
  reproducible,
  frame,
  isUnit = EVERY_NAME_A_UNIT,
  units = [],
  replies = new Map(),
}) => (
  <Layout title={`第 ${sample.id} 次抽样`} nav="sampling" frame={frame}>
    <h1>第 {sample.id} 次抽样</h1>
    <p class="sub">
      {localDateTime(sample.drawnAt, frame.timeZone)} 抽取 · 年度 {sample.year ?? "全部"} ·{" "}
      {sizeAskedText(sample)} · 从 {sample.population} 件中抽出 <strong>{sample.size}</strong> 件
      {skippedOf(sample) > 0 ? `（已回访的 ${skippedOf(sample)} 件未参加抽取）` : ""} · 随机种子{" "}
      <code>{sample.seed}</code>
    </p>
    {sample.status === "已确认" ? (
      <div class="alert ok">
        已于 {localDateTime(sample.confirmedAt, frame.timeZone)} 确认，在台账“回访”列写入“是” {sample.written}{" "}
        处{sample.held.length > 0 ? `；${sample.held.length} 件未能写入（见下表）` : ""}。
      </div>
    ) : (
      <div class="alert info">
        {overlapOf(drawn) > 0 ? (
          <p class="alert warn">
            抽中的建议中有 {overlapOf(drawn)}{" "}
            件已回访（见下表“回访”列）：确认后这些建议将被回访两次，可考虑重新抽取。
          </p>
        ) : null}
        <form class="inline" method="post" action={`/sampling/${sample.id}/confirm`}>
          核对无误后确认：系统将在台账中这 {sample.size} 件建议的“回访”列写入“是”。{" "}
          <button type="submit">确认并写入台账</button>
        </form>
      </div>
    )}
    <p class={reproducible ? "muted small" : "alert warn"}>
      {reproducible
        ? "复核：按同一种子和当前台账重新抽取，结果与本次一致。"
        : "复核：按同一种子和当前台账重新抽取，结果与本次不同，说明抽样之后可抽样的建议有了变化（新增答复或改动）。本次结果以保存的记录为准。"}
    </p>
    {/* On a phone a card a unit, and one a suggestion below (table.stack): its name, then the figures. */}
    <Card title="各单位抽取情况">
      <table class="stack">
        <thead>
          <tr>
            <th>主办单位</th>
            <th class="num">{skippedOf(sample) > 0 ? "可抽取件数" : "已答复件数"}</th>
            {skippedOf(sample) > 0 ? <th class="num">已回访（未参加抽取）</th> : null}
            <th class="num">抽取件数</th>
          </tr>
        </thead>
        <tbody>
          {inUnitOrder(sample.strata, (s) => s.unit, units).map((s) => (
            <tr>
              <td>{leadUnitHtml(s.unit, isUnit)}</td>
              <td class="num" data-label={skippedOf(sample) > 0 ? "可抽取件数" : "已答复件数"}>
                {s.population}
              </td>
              {skippedOf(sample) > 0 ? (
                <td class="num" data-label="已回访">
                  {s.visited?.length ?? 0}
                </td>
              ) : null}
              <td class="num" data-label="抽取件数">
                {s.drawn.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
    <Card title="抽中的建议">
      <TableScroll label="抽中的建议" nameFirst>
        <table class="stack">
          <thead>
            <tr>
              <th>编号</th>
              <th>标题</th>
              <th>领衔代表</th>
              <th>主办单位</th>
              <th>答复日期</th>
              <th>答复类别</th>
              <th>满意度</th>
              <th>台账状态</th>
              <th>回访</th>
            </tr>
          </thead>
          <tbody>
            {inUnitOrder(drawn, (d) => d.unit, units).map((d) => {
              const reply = d.ref ? replies.get(d.id) : undefined;
              return (
                <tr>
                  <td class="nowrap">
                    <a href={href.suggestion(d.id)}>{d.id}</a>
                  </td>
                  <td>{d.ref ? listTitle(d.ref.title) : <span class="muted">（已不在台账中）</span>}</td>
                  <td data-label="领衔代表">
                    {d.ref?.leadDeputy ? <a href={href.deputy(d.ref.leadDeputy)}>{d.ref.leadDeputy}</a> : "—"}
                  </td>
                  <td data-label="主办单位">{d.unit}</td>
                  <td class="nowrap" data-label="答复日期">
                    {orDash(reply?.repliedOn)}
                    {reply?.round === "二次" ? <span class="muted small">（二次答复）</span> : null}
                  </td>
                  <td data-label="答复类别">{orDash(reply?.replyClass)}</td>
                  <td data-label="满意度">{orDash(reply?.rating)}</td>
                  <td data-label="台账状态">{d.ref ? <StatusBadge status={d.ref.status} /> : "—"}</td>
                  <td data-label="回访">
                    {d.followedUp ? "是" : "—"}
                    {d.visitedBy ? (
                      <>
                        （<a href={`/sampling/${d.visitedBy}`}>第 {d.visitedBy} 次抽样</a>）
                      </>
                    ) : null}
                    {heldReason(sample, d.id)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <a class="button light" href={`/exports/samples/${sample.id}.csv`}>
          导出回访名单（CSV）
        </a>
      </p>
    </Card>
  </Layout>
);
