import type { FC } from "hono/jsx";
import type { SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { StoredSample } from "../../store/samples";
import { EVERY_NAME_A_UNIT, href, type IsUnit, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { sizeAskedText } from "./sample-size-asked";
import { Card, leadUnitHtml, StatusBadge } from "./ui";

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
}> = ({ sample, drawn, reproducible, frame, isUnit = EVERY_NAME_A_UNIT }) => (
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
          {sample.strata.map((s) => (
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
      <table class="stack">
        <thead>
          <tr>
            <th>编号</th>
            <th>标题</th>
            <th>主办单位</th>
            <th>台账状态</th>
            <th>回访</th>
          </tr>
        </thead>
        <tbody>
          {drawn.map((d) => (
            <tr>
              <td class="nowrap">
                <a href={href.suggestion(d.id)}>{d.id}</a>
              </td>
              <td>{d.ref?.title ?? <span class="muted">（已不在台账中）</span>}</td>
              <td data-label="主办单位">{d.unit}</td>
              <td data-label="台账状态">{d.ref ? <StatusBadge status={d.ref.status} /> : "—"}</td>
              <td data-label="回访">
                {d.followedUp ? "是" : "—"}
                {d.visitedBy ? (
                  <>
                    （<a href={`/sampling/${d.visitedBy}`}>第 {d.visitedBy} 次抽样</a>）
                  </>
                ) : null}
                {sample.held.find((h) => h.id === d.id)?.reason ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  </Layout>
);
