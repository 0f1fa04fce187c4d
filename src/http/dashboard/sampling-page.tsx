import type { FC } from "hono/jsx";
import type { PoolFigures } from "../../domain/dashboard/sample-candidates";
import type { SampleRequest } from "../../domain/dashboard/sample-request";
import type { StoredSample } from "../../store/samples";
import { localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { sizeAskedText } from "./sample-size-asked";
import { type FieldError, replyRangeText, type SamplingForm, SamplingFormCard } from "./sampling-form";
import { Card, Empty, StatusBadge } from "./ui";

/** After the seed in the list: typed on the form or made up (nothing for samples drawn before it was kept). */
const SEED_NOTE: Record<string, string> = { true: "（人工指定）", false: "（系统随机）" };

/** Who confirmed a sample or threw it away, and when (and why): after its status in the list. */
const StatusNote: FC<{ sample: StoredSample; timeZone: string }> = ({ sample, timeZone }) => {
  if (sample.status === "已确认")
    return (
      <span class="small muted">
        {sample.confirmedBy ?? "未记录"} {localDateTime(sample.confirmedAt, timeZone)}
      </span>
    );
  if (sample.status === "已作废")
    return (
      <span class="small muted">
        {sample.discardedBy ?? "未记录"} {localDateTime(sample.discardedAt, timeZone)}
        {sample.discardReason ? `：${sample.discardReason}` : ""}
      </span>
    );
  return null;
};

/** /sampling: the form that draws a sample, and the samples drawn so far. */
export const SamplingPage: FC<{
  years: readonly number[];
  form: SamplingForm;
  /** The year whose figures `pool` holds (the one chosen, null: all). */
  poolYear: number | null;
  pool: PoolFigures;
  error?: FieldError | null;
  samples: readonly StoredSample[];
  frame: PageFrame;
  /** The form's choices read as a request (null: a field is refused). */
  asked?: SampleRequest | null;
}> = ({ years, form, poolYear, pool, error = null, samples, frame, asked = null }) => (
  <Layout title="抽样回访" nav="sampling" frame={frame}>
    <h1>随机抽样回访</h1>
    <p class="sub">
      从已答复的立案建议中按主办单位分层随机抽取，供组织代表跟踪回访（如新蔡县 2024 年从 123 件中抽选 37
      件）。可按答复日期只抽一段时间内答复的建议（如按季度回访）。已列入回访的建议（“回访”列为“是”，或已在确认的抽样中）不再抽取；确认后台账中又改为“否”的，视为未列入回访，可再抽取。同一随机种子、同一批建议总能抽出同一结果，种子会显示并保存，便于复核。确认后系统在台账的“回访”列写入“是”。
    </p>
    <SamplingFormCard years={years} form={form} poolYear={poolYear} pool={pool} error={error} asked={asked} />
    <Card title="历次抽样">
      {samples.length === 0 ? (
        <Empty>还没有抽样记录。</Empty>
      ) : (
        // On a phone a card a sample (table.stack): 第 N 次, then each column after its name.
        <table class="stack">
          <thead>
            <tr>
              <th>序号</th>
              <th>抽取时间 · 抽取人</th>
              <th>年度</th>
              <th>方式</th>
              <th class="num">总体</th>
              <th class="num">样本</th>
              <th>随机种子</th>
              <th>状态</th>
              <th>回访名单</th>
            </tr>
          </thead>
          <tbody>
            {samples.map((s) => (
              <tr>
                <td>
                  <a href={`/sampling/${s.id}`}>第 {s.id} 次</a>
                </td>
                <td data-label="抽取">
                  <span class="nowrap">{localDateTime(s.drawnAt, frame.timeZone)}</span>{" "}
                  <span class="small muted">{s.drawnBy ?? "未记录"}</span>
                </td>
                <td data-label="年度">
                  {s.year ?? "全部"}
                  {s.repliedFrom || s.repliedTo ? (
                    <span class="small muted">
                      {" "}
                      {replyRangeText({ from: s.repliedFrom ?? null, to: s.repliedTo ?? null })}
                    </span>
                  ) : null}
                </td>
                <td data-label="方式">
                  {sizeAskedText(s)}
                  {s.atLeastOne ? <span class="small muted">，每个主办单位至少 1 件</span> : null}
                </td>
                <td class="num" data-label="总体">
                  {s.population}
                </td>
                <td class="num" data-label="样本">
                  {s.size}
                </td>
                <td data-label="随机种子">
                  <code>{s.seed}</code>
                  {SEED_NOTE[String(s.seedTyped)]}
                </td>
                <td data-label="状态">
                  <StatusBadge status={s.status} /> <StatusNote sample={s} timeZone={frame.timeZone} />
                </td>
                <td data-label="回访名单">
                  {s.status === "已作废" ? "—" : <a href={`/exports/samples/${s.id}.csv`}>导出（CSV）</a>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  </Layout>
);
