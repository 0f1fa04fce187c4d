import type { FC } from "hono/jsx";
import type { PoolFigures } from "../../domain/dashboard/sample-candidates";
import type { SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { StoredSample } from "../../store/samples";
import { EVERY_NAME_A_UNIT, href, type IsUnit, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card, Empty, leadUnitHtml, StatusBadge } from "./ui";

/** "30%" or "37 件" as the sample was asked for. */
export function sizeAskedText(s: Pick<StoredSample, "mode" | "amount">): string {
  return s.mode === "share" ? `${s.amount}%` : `${s.amount} 件`;
}

/** The form's fields as the user typed or chose them (kept when a draw is refused). */
export interface SamplingForm {
  readonly year: string;
  readonly mode: string;
  readonly amount: string;
  readonly seed: string;
}

/** A refused field and why (sample-request's Invalid): shown next to that field. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

const ERRORS_ANCHOR = `/problems?level=${encodeURIComponent("错误")}`;

/** Next to the field it names: the reason a draw was refused, in the form's own words. */
const FieldMessage: FC<{ field: string; error: FieldError | null }> = ({ field, error }) =>
  error?.field === field ? (
    <span class="lk-error" id={`${field}-error`} role="alert">
      {error.message}
    </span>
  ) : null;

const invalid = (field: string, error: FieldError | null) =>
  error?.field === field ? { "aria-invalid": "true", "aria-describedby": `${field}-error` } : {};

/**
 * How many may be drawn in the year shown, and what that leaves out: those visited already (a draw
 * skips them) and rows to fix first (a 编号 on two rows, an unreadable 答复日期), which staff
 * counting the ledger's replies would otherwise miss.
 */
const PoolLine: FC<{ year: number | null; pool: PoolFigures }> = ({ year, pool }) => {
  const toFix = [
    pool.duplicated > 0 ? `${pool.duplicated} 行编号重复` : "",
    pool.unreadableReply > 0 ? `${pool.unreadableReply} 行答复日期有误` : "",
  ].filter(Boolean);
  return (
    <span class="muted small">
      {year === null ? "全部年度" : `${year} 年`}：目前共有 {pool.drawable} 件已答复建议可供抽取
      {pool.visited > 0 ? `；已回访的 ${pool.visited} 件不再抽取` : ""}
      {toFix.length > 0 ? (
        <>
          ；另有 {toFix.join("、")}，改正前不参加抽取（见<a href={ERRORS_ANCHOR}>校验问题</a>）
        </>
      ) : null}
    </span>
  );
};

export const SamplingPage: FC<{
  years: readonly number[];
  form: SamplingForm;
  /** The year whose figures `pool` holds (the one chosen, null: all). */
  poolYear: number | null;
  pool: PoolFigures;
  error?: FieldError | null;
  samples: readonly StoredSample[];
  frame: PageFrame;
}> = ({ years, form, poolYear, pool, error = null, samples, frame }) => (
  <Layout title="抽样回访" nav="sampling" frame={frame}>
    <h1>随机抽样回访</h1>
    <p class="sub">
      从已答复的立案建议中按主办单位分层随机抽取，供组织代表跟踪回访（如新蔡县 2024 年从 123 件中抽选 37
      件）。已回访的建议（“回访”列为“是”，或已在确认的抽样中）不再抽取。同一随机种子、同一批建议总能抽出同一结果，种子会显示并保存，便于复核。确认后系统在台账的“回访”列写入“是”。
    </p>
    <Card title="抽取样本">
      <form class="panel" method="post" action="/sampling">
        <label for="year">年度</label>
        <span>
          <select id="year" name="year" {...invalid("year", error)}>
            <option value="" selected={form.year === ""}>
              全部年度
            </option>
            {years.map((y) => (
              <option value={String(y)} selected={form.year === String(y)}>
                {y} 年提出的建议
              </option>
            ))}
          </select>{" "}
          <FieldMessage field="year" error={error} />
        </span>
        <span>抽样方式</span>
        <span>
          <label>
            <input type="radio" name="mode" value="share" checked={form.mode !== "count"} /> 按比例（%）
          </label>{" "}
          <label>
            <input type="radio" name="mode" value="count" checked={form.mode === "count"} /> 按件数
          </label>{" "}
          <FieldMessage field="mode" error={error} />
        </span>
        <label for="amount">比例或件数</label>
        <span>
          <input
            id="amount"
            name="amount"
            type="text"
            value={form.amount}
            inputmode="decimal"
            required
            {...invalid("amount", error)}
          />{" "}
          <FieldMessage field="amount" error={error} />
        </span>
        <label for="seed">随机种子</label>
        <span>
          <input
            id="seed"
            name="seed"
            type="text"
            maxlength={64}
            value={form.seed}
            placeholder="留空则自动生成"
            {...invalid("seed", error)}
          />{" "}
          <FieldMessage field="seed" error={error} />
        </span>
        <span />
        <span>
          <button type="submit">抽取</button> <PoolLine year={poolYear} pool={pool} />
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
  /** The other confirmed sample that wrote 回访 = 是 to it (null: none, or this one). */
  readonly visitedBy?: number | null;
}

/** How many a sample skipped as visited already (none on samples drawn before they were skipped). */
const skippedOf = (sample: StoredSample) => sample.strata.reduce((n, s) => n + (s.visited?.length ?? 0), 0);

/** Drawn ones visited by now (a draft drawn before another sample was confirmed, or 是 typed since). */
const overlapOf = (drawn: readonly DrawnRow[]) => drawn.filter((d) => d.followedUp).length;

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
    <Card title="各单位抽取情况">
      <table>
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
              <td class="num">{s.population}</td>
              {skippedOf(sample) > 0 ? <td class="num">{s.visited?.length ?? 0}</td> : null}
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
