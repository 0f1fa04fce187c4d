import type { FC } from "hono/jsx";
import type { PoolFigures } from "../../domain/dashboard/sample-candidates";
import { Card } from "./ui";

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

/** The 抽取样本 card: year, share or count, seed, and what the chosen year holds to draw from. */
export const SamplingFormCard: FC<{
  years: readonly number[];
  form: SamplingForm;
  /** The year whose figures `pool` holds (the one chosen, null: all). */
  poolYear: number | null;
  pool: PoolFigures;
  error: FieldError | null;
}> = ({ years, form, poolYear, pool, error }) => (
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
);
