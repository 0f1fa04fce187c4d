import type { FC } from "hono/jsx";
import type { SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { StoredSample } from "../../store/samples";
import { EVERY_NAME_A_UNIT, href, type IsUnit, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card, Empty, leadUnitHtml, StatusBadge } from "./ui";

/** "30%" or "37 件" as the sample was asked for. */
export function sizeAskedText(s: Pick<StoredSample, "mode" | "amount">): string {
  return s.mode === "share" ? `${s.amount}%` : `${s.amount} 件`;
}

export const SamplingPage: FC<{
  years: readonly number[];
  defaultYear: number | null;
  candidates: number;
  samples: readonly StoredSample[];
  frame: PageFrame;
}> = ({ years, defaultYear, candidates, samples, frame }) => (
  <Layout title="抽样回访" nav="sampling" frame={frame}>
    <h1>随机抽样回访</h1>
    <p class="sub">
      从已答复的立案建议中按主办单位分层随机抽取，供组织代表跟踪回访（如新蔡县 2024 年从 123 件中抽选 37
      件）。同一随机种子、同一批建议总能抽出同一结果，种子会显示并保存，便于复核。确认后系统在台账的“回访”列写入“是”。
    </p>
    <Card title="抽取样本">
      <form class="panel" method="post" action="/sampling">
        <label for="year">年度</label>
        <select id="year" name="year">
          <option value="">全部年度</option>
          {years.map((y) => (
            <option value={String(y)} selected={y === defaultYear}>
              {y} 年提出的建议
            </option>
          ))}
        </select>
        <span>抽样方式</span>
        <span>
          <label>
            <input type="radio" name="mode" value="share" checked /> 按比例（%）
          </label>{" "}
          <label>
            <input type="radio" name="mode" value="count" /> 按件数
          </label>
        </span>
        <label for="amount">比例或件数</label>
        <input id="amount" name="amount" type="text" value="30" inputmode="decimal" required />
        <label for="seed">随机种子</label>
        <input id="seed" name="seed" type="text" maxlength={64} placeholder="留空则自动生成" />
        <span />
        <span>
          <button type="submit">抽取</button>{" "}
          <span class="muted small">目前共有 {candidates} 件已答复建议可供抽取</span>
        </span>
      </form>
    </Card>
    <Card title="历次抽样">
      {samples.length === 0 ? (
        <Empty>还没有抽样记录。</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>序号</th>
              <th>抽取时间</th>
              <th>年度</th>
              <th>方式</th>
              <th class="num">总体</th>
              <th class="num">样本</th>
              <th>随机种子</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {samples.map((s) => (
              <tr>
                <td>
                  <a href={`/sampling/${s.id}`}>第 {s.id} 次</a>
                </td>
                <td class="nowrap">{localDateTime(s.drawnAt, frame.timeZone)}</td>
                <td>{s.year ?? "全部"}</td>
                <td>{sizeAskedText(s)}</td>
                <td class="num">{s.population}</td>
                <td class="num">{s.size}</td>
                <td>
                  <code>{s.seed}</code>
                </td>
                <td>
                  <StatusBadge status={s.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  </Layout>
);

export interface DrawnRow {
  readonly id: string;
  readonly unit: string;
  /** The suggestion as it is now; null when it has left the ledger since the draw. */
  readonly ref: SuggestionRef | null;
  readonly followedUp: boolean;
}

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
      {sizeAskedText(sample)} · 从 {sample.population} 件中抽出 <strong>{sample.size}</strong> 件 · 随机种子{" "}
      <code>{sample.seed}</code>
    </p>
    {sample.status === "已确认" ? (
      <div class="alert ok">
        已于 {localDateTime(sample.confirmedAt, frame.timeZone)} 确认，在台账“回访”列写入“是” {sample.written}{" "}
        处{sample.held.length > 0 ? `；${sample.held.length} 件未能写入（见下表）` : ""}。
      </div>
    ) : (
      <div class="alert info">
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
    <Card title="各单位抽取情况">
      <table>
        <thead>
          <tr>
            <th>主办单位</th>
            <th class="num">已答复件数</th>
            <th class="num">抽取件数</th>
          </tr>
        </thead>
        <tbody>
          {sample.strata.map((s) => (
            <tr>
              <td>{leadUnitHtml(s.unit, isUnit)}</td>
              <td class="num">{s.population}</td>
              <td class="num">{s.drawn.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
    <Card title="抽中的建议">
      <table>
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
              <td>{d.unit}</td>
              <td>{d.ref ? <StatusBadge status={d.ref.status} /> : "—"}</td>
              <td>
                {d.followedUp ? "是" : "—"}
                {sample.held.find((h) => h.id === d.id)?.reason ?? ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  </Layout>
);
