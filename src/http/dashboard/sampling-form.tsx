import type { FC } from "hono/jsx";
import type { PoolFigures } from "../../domain/dashboard/sample-candidates";
import type { SampleRequest } from "../../domain/dashboard/sample-request";
import { plannedSize } from "../../domain/dashboard/sampling";
import { Card } from "./ui";

/** The form's fields as the user typed or chose them (kept when a draw is refused). */
export interface SamplingForm {
  readonly year: string;
  readonly mode: string;
  readonly amount: string;
  readonly seed: string;
  /** 答复日期 从 / 至, as typed ("" open). */
  readonly repliedFrom?: string;
  readonly repliedTo?: string;
  /** "1" when 每个主办单位至少抽 1 件 is ticked, "" (or absent) when not. */
  readonly atLeastOne?: string;
}

/**
 * A 答复日期 range in words: "答复日期 2026-07-01 至 2026-09-30", "答复日期 2026-07-01 起",
 * "答复日期至 2026-09-30", or "" when open.
 */
export function replyRangeText(range: { readonly from: string | null; readonly to: string | null }): string {
  if (range.from && range.to) return `答复日期 ${range.from} 至 ${range.to}`;
  if (range.from) return `答复日期 ${range.from} 起`;
  if (range.to) return `答复日期至 ${range.to}`;
  return "";
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
const PoolLine: FC<{ year: number | null; range: string; pool: PoolFigures }> = ({ year, range, pool }) => {
  const toFix = [
    pool.duplicated > 0 ? `${pool.duplicated} 行编号重复` : "",
    pool.unreadableReply > 0 ? `${pool.unreadableReply} 行答复日期有误` : "",
  ].filter(Boolean);
  // 回访 = 是 typed in the sheet by hand, not by a confirmed sample: staff can tell the two apart.
  const hand = (pool.handMarked ?? 0) > 0 ? `（其中 ${pool.handMarked} 件为台账中手工标记）` : "";
  return (
    <span class="muted small">
      {year === null ? "全部年度" : `${year} 年`}
      {range ? `、${range}` : ""}：目前共有 {pool.drawable} 件已答复建议可供抽取
      {pool.visited > 0 ? `；已列入回访的 ${pool.visited} 件不再抽取${hand}` : ""}
      {toFix.length > 0 ? (
        <>
          ；另有 {toFix.join("、")}，改正前不参加抽取（见<a href={ERRORS_ANCHOR}>校验问题</a>）
        </>
      ) : null}
    </span>
  );
};

/**
 * What the form's choices (`asked`) give per unit, from the units' sizes in the pool: with 每个主办单位
 * 至少抽 1 件, how much larger than asked the sample gets (the total asked may be smaller than the
 * units that then get one); without it, how many units with a candidate draw none.
 */
const AllocationNote: FC<{ asked: SampleRequest | null; pool: PoolFigures }> = ({ asked, pool }) => {
  if (!asked || !pool.strata || pool.drawable === 0) return null;
  const plan = plannedSize(pool.strata, asked.size, { atLeastOne: asked.atLeastOne === true });
  const by =
    asked.size.kind === "share" ? `按 ${asked.size.percent}% 应抽 ${plan.asked} 件` : `所填 ${plan.asked} 件`;
  if (asked.atLeastOne && plan.total > plan.asked)
    return (
      <span class="small" id="allocation-note">
        {by}
        {plan.asked < plan.units ? `，少于有可抽建议的 ${plan.units} 个主办单位` : ""}
        ；每个主办单位至少抽 1 件，实际将抽取 {plan.total} 件。
      </span>
    );
  if (!asked.atLeastOne && plan.unitsWithNone > 0)
    return (
      <span class="small" id="allocation-note">
        {by}，有可抽建议的 {plan.units} 个主办单位中 {plan.unitsWithNone} 个（可抽建议较少）一件也抽不到；
        如需每个单位都回访，请勾选“每个主办单位至少抽 1 件”。
      </span>
    );
  return null;
};

/** The 抽取样本 card: year, 答复日期 range, share or count, seed, and what the chosen year holds to draw from. */
export const SamplingFormCard: FC<{
  years: readonly number[];
  form: SamplingForm;
  /** The year whose figures `pool` holds (the one chosen, null: all). */
  poolYear: number | null;
  pool: PoolFigures;
  error: FieldError | null;
  /** The form's choices read as a request (null: a field is refused): what AllocationNote works out. */
  asked?: SampleRequest | null;
}> = ({ years, form, poolYear, pool, error, asked = null }) => (
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
      <label for="repliedFrom">答复日期</label>
      <span>
        从{" "}
        <input
          id="repliedFrom"
          name="repliedFrom"
          type="date"
          value={form.repliedFrom}
          aria-label="答复日期从"
          {...invalid("repliedFrom", error)}
        />{" "}
        至{" "}
        <input
          id="repliedTo"
          name="repliedTo"
          type="date"
          value={form.repliedTo}
          aria-label="答复日期至"
          {...invalid("repliedTo", error)}
        />{" "}
        <FieldMessage field="repliedFrom" error={error} />
        <FieldMessage field="repliedTo" error={error} />
        <br />
        <span class="muted small">
          最近一轮答复的日期，可只填一端，留空不限；按季度回访时填本季度（如 2026-07-01 至
          2026-09-30）或上次抽样以来
        </span>
      </span>
      <span>
        <label>
          <input type="radio" name="mode" value="share" checked={form.mode !== "count"} /> 按比例（%）
        </label>{" "}
        <label>
          <input type="radio" name="mode" value="count" checked={form.mode === "count"} /> 按件数
        </label>{" "}
        <FieldMessage field="mode" error={error} />
      </span>
      <span>分配</span>
      <span>
        <label>
          <input type="checkbox" name="atLeastOne" value="1" checked={Boolean(form.atLeastOne)} />{" "}
          每个主办单位至少抽 1 件
        </label>{" "}
        <span class="muted small">
          （只有一两件答复的单位按比例会抽到 0 件；勾选后这些单位各抽 1 件，总数随之增加）
        </span>
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
        <button type="submit">抽取</button>{" "}
        <PoolLine year={poolYear} range={asked?.replied ? replyRangeText(asked.replied) : ""} pool={pool} />{" "}
        <AllocationNote asked={asked} pool={pool} />
      </span>
    </form>
  </Card>
);
