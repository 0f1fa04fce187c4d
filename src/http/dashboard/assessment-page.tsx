import type { FC } from "hono/jsx";
import { ASSESSMENT_FIGURES } from "../../../sheets-schema/cells/setting-cells";
import {
  type AsOf,
  asOfLine,
  mayChangeLine,
  YEAR_END,
  type YearEndCopy,
  yearEndKeptLine,
  yearEndOffer,
} from "../../domain/dashboard/year-report-as-of";
import type { Assessment, AssessmentRow } from "../../domain/evaluation/assessment";
import { figureText, scoreText } from "../../domain/evaluation/assessment";
import { type Commendations, DEFAULT_TOP } from "../../domain/evaluation/commendations";
import { isMisnamedRow } from "../../domain/statistics-units";
import { BarChart } from "./charts";
import { ExcludedNote } from "./figures-table";
import { href, type IsUnit, type Tone } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card, Empty, SuggestionTable, TableScroll } from "./ui";

export interface AssessmentPageData {
  readonly assessment: Assessment;
  readonly years: readonly number[];
  readonly weights: Readonly<Record<string, number>>;
  readonly grades: readonly (readonly [string, number])[];
}

const gradeTone = (grade: string, grades: AssessmentPageData["grades"]): Tone => {
  const at = grades.findIndex(([g]) => g === grade);
  if (at === 0) return "ok";
  if (at > 0) return "info";
  return grade === "差" ? "danger" : "info";
};

/** The 年度 chooser: not printed (the heading says the year). */
const YearForm: FC<{ action: string; year: number; years: readonly number[]; children?: unknown }> = (p) => (
  <form class="actions no-print" method="get" action={p.action}>
    <select name="year" aria-label="年度">
      {p.years.map((y) => (
        <option value={String(y)} selected={y === p.year}>
          {y} 年度
        </option>
      ))}
    </select>
    {p.children as never}
    <button type="submit">查看</button>
  </form>
);

/** A day as the screen's notes write it, as the sync line does (今天 2026-12-07). */
const isoDay = (iso: string) => iso;

/**
 * As of when a year's 单位测评 is counted, and its year-end copy (page-figures.ts savePageFigures):
 * `shown`, the figures are that copy (`?asOf=year-end`, `today` the day it was kept); else offered
 * beside today's. Null: none kept.
 */
export interface AssessmentAsOf extends AsOf {
  readonly yearEndCopy?: (YearEndCopy & { readonly shown: boolean }) | null;
}

/** `year=2026`, and `&asOf=year-end` while the year-end copy is shown: the links keep to it. */
const yearQuery = (year: number, asOf?: AssessmentAsOf) =>
  `year=${year}${asOf?.yearEndCopy?.shown ? `&asOf=${YEAR_END}` : ""}`;

/**
 * “统计截至 … ” and, while the year's figures may still move, why: the ranking a 主任会议 sees in
 * January can differ from the one drafted in December. Inside the printed sheet, under its title:
 * the sync line above it says when the data was read, not what the ranking counts. The printed
 * sheet (`document`) writes the day as a 公文 does (2026年12月7日); the page under its sync line as that line does.
 * The year-end copy says so (“统计截至 2027-01-01（年末数字）”) and what was still open when kept.
 */
const AsOfNote: FC<{ asOf?: AssessmentAsOf; document?: boolean }> = ({ asOf, document = false }) => {
  if (!asOf) return null;
  const kept = asOf.yearEndCopy?.shown ? asOf.yearEndCopy : null;
  const changing = kept ? yearEndKeptLine(asOf, "名次") : mayChangeLine(asOf, "名次");
  const line = kept
    ? { today: kept.asOf, syncedAt: null, yearEnd: kept.year }
    : { today: asOf.today, syncedAt: asOf.syncedAt };
  return (
    <p class="sub as-of">
      {document ? asOfLine(line) : asOfLine(line, isoDay)}。{changing ? <b>{changing}</b> : null}
    </p>
  );
};

/**
 * The way between a year's figures of today and its year-end copy (`page`: /assessment or the
 * commendations draft, `query` what else it keeps): not printed.
 */
const YearEndNote: FC<{ asOf?: AssessmentAsOf; page: string; query?: string }> = ({
  asOf,
  page,
  query = "",
}) => {
  const copy = asOf?.yearEndCopy;
  if (!copy) return null;
  return copy.shown ? (
    <p class="sub no-print">
      年末数字：之后的答复、测评未计入。<a href={`${page}?year=${copy.year}${query}`}>查看今天的数字</a>
    </p>
  ) : (
    <p class="sub no-print">
      {yearEndOffer(copy, isoDay, "测评")}
      <a href={`${page}?year=${copy.year}&asOf=${YEAR_END}${query}`}>查看年末数字</a>
    </p>
  );
};

/** A weight as used (shared out when a figure drops, so 33.3, not 33.333…). */
const weightText = (w: number) => String(Math.round(w * 10) / 10);

/**
 * One unit's breakdown: each figure, what it was worked out from and the weight it counted with, as a
 * small table (a bar chart's value column cut “100.0%（7/7，权重 40）” off at its edge, on screen
 * and on paper). Folded on the screen; printed open (styles.ts, /assets/print.js).
 */
const Breakdown: FC<{ row: AssessmentRow }> = ({ row }) => (
  <details class="breakdown">
    <summary>
      {row.score === null || row.rank === null
        ? `${row.unit}：本年度无可计件数，不参加排名`
        : `${row.rank}. ${row.unit}：综合得分 ${scoreText(row.score)}（${row.grade}）`}
    </summary>
    <table class="breakdown" aria-label={`${row.unit} 的各项指标`}>
      <thead>
        <tr>
          <th>指标</th>
          <th class="num">得分</th>
          <th>计算依据</th>
          <th class="num">权重</th>
        </tr>
      </thead>
      <tbody>
        {ASSESSMENT_FIGURES.map((name) => {
          const f = row.figures[name];
          const weight = row.usedWeights[name];
          return (
            <tr>
              <td>{name}</td>
              <td class="num">{figureText(name, f)}</td>
              <td>
                {f.value === null
                  ? "无可计件数，不计"
                  : name === "常委会测评"
                    ? "常委会测评得分"
                    : `${f.numerator}/${f.denominator}`}
              </td>
              <td class="num">{weight === undefined ? "—" : weightText(weight)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </details>
);

export const AssessmentPage: FC<{ data: AssessmentPageData; frame: PageFrame; asOf?: AssessmentAsOf }> = ({
  data,
  frame,
  asOf,
}) => {
  const { assessment: a, grades } = data;
  const weights = Object.entries(data.weights)
    .map(([name, w]) => `${name} ${w}`)
    .join("、");
  const scored = a.rows.filter((r) => r.score !== null);
  return (
    <Layout
      title={`${a.year} 年度单位测评${asOf?.yearEndCopy?.shown ? "（年末数字）" : ""}`}
      nav="assessment"
      frame={frame}
    >
      <h1>{a.year} 年度承办单位测评</h1>
      <p class="sub">
        按 {a.year} 年提出的立案建议和跨年督办到本年的建议计算。权重（『设置』测评权重）：{weights}
        ；某项没有可计件数时不计，其余权重按比例放大。等次：
        {grades.map(([g, s]) => `${g} ≥ ${s}`).join("、")}，以下为 差。得分相同的并列同一名次。
      </p>
      <AsOfNote asOf={asOf} />
      <YearEndNote asOf={asOf} page="/assessment" />
      <YearForm action="/assessment" year={a.year} years={data.years} />
      <p class="actions">
        <a class="button light" href={`/exports/assessment.csv?${yearQuery(a.year, asOf)}`}>
          导出（CSV）
        </a>
        <a class="button light" href={`/assessment/commendations?${yearQuery(a.year, asOf)}`}>
          表彰建议名单（主任会议）
        </a>
      </p>
      <ExcludedNote excluded={a.excluded} />
      {a.rows.length === 0 ? (
        <Empty>{a.year} 年度没有立案并确定主办单位的建议。</Empty>
      ) : (
        <>
          <Card title="综合得分排名">
            <BarChart
              title={`${a.year} 年度各承办单位综合得分`}
              max={100}
              items={scored.map((r) => ({
                label: `${r.rank}. ${r.unit}`,
                value: r.score,
                // "89.8 较好": the chart's value column (70 units) cuts “89.8（较好）” off at its edge.
                display: `${scoreText(r.score)} ${r.grade}`,
                tone: gradeTone(r.grade, grades),
                href: href.unit(r.unit),
              }))}
            />
          </Card>
          <Card title="测评结果">
            {/* 单位 first and kept at the left (nameFirst), as on /units and /deputies: scrolled sideways to
                等次 or 先进单位 the reader still sees whose row it is; 排名 follows it (the rows are in its order). */}
            <TableScroll label={`${a.year} 年度测评结果`} nameFirst>
              <table>
                <thead>
                  <tr>
                    <th>单位</th>
                    <th class="num">排名</th>
                    <th class="num">承办件数</th>
                    {ASSESSMENT_FIGURES.map((name) => (
                      <th class="num">{name}</th>
                    ))}
                    <th class="num">综合得分</th>
                    <th>等次</th>
                    <th class="num">延期件数</th>
                    <th>先进单位</th>
                  </tr>
                </thead>
                <tbody>
                  {a.rows.map((r) => (
                    <tr>
                      <td class="nowrap">
                        <a href={href.unit(r.unit)}>{r.unit}</a>
                      </td>
                      <td class="num">{r.rank ?? "—"}</td>
                      <td class="num">{r.assigned}</td>
                      {ASSESSMENT_FIGURES.map((name) => (
                        <td class="num">{figureText(name, r.figures[name])}</td>
                      ))}
                      <td class="num">{scoreText(r.score)}</td>
                      <td>{r.grade}</td>
                      <td class="num">{r.extensions}</td>
                      <td>{r.advanced ? "是" : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </Card>
          <Card title="各单位得分构成">
            {/* The line of 主办单位 that are no unit has no score to break down. */}
            {a.rows
              .filter((r) => !isMisnamedRow(r.unit))
              .map((r) => (
                <Breakdown row={r} />
              ))}
          </Card>
          {/* Opens the folded breakdowns for print in browsers older than Chromium 131 (styles.ts). */}
          <script src="/assets/print.js" defer />
        </>
      )}
    </Layout>
  );
};

/** The printable draft for the 主任会议: 先进承办单位 (top N) and 优秀建议. */
export const CommendationsPage: FC<{
  data: Commendations;
  years: readonly number[];
  frame: PageFrame;
  /** Which 主办单位 are units of 承办单位 (PageBase.isUnit): a name that is none is marked, not linked. */
  isUnit?: IsUnit;
  /** As of when the ranking is counted, printed under the title. */
  asOf?: AssessmentAsOf;
}> = ({ data, years, frame, isUnit, asOf }) => (
  <Layout
    title={`${data.year} 年度表彰建议名单${asOf?.yearEndCopy?.shown ? "（年末数字）" : ""}`}
    nav="assessment"
    frame={frame}
  >
    <div class="no-print">
      <YearEndNote
        asOf={asOf}
        page="/assessment/commendations"
        query={data.top === DEFAULT_TOP ? "" : `&top=${data.top}`}
      />
      <YearForm action="/assessment/commendations" year={data.year} years={years}>
        {/* A new 名次 on the year-end copy stays on it (another year without one says why). */}
        {asOf?.yearEndCopy?.shown ? <input type="hidden" name="asOf" value={YEAR_END} /> : null}
        <label>
          先进单位取前{" "}
          <input type="number" name="top" min="1" max="50" value={String(data.top)} aria-label="名次" /> 名
        </label>
      </YearForm>
      <p class="actions">
        {/* Wired by /assets/print.js: the CSP blocks an inline onclick. */}
        <button type="button" data-print>
          打印
        </button>
        <a class="button light" href={`/assessment?${yearQuery(data.year, asOf)}`}>
          返回单位测评
        </a>
      </p>
      <script src="/assets/print.js" defer />
    </div>
    <article class="print-sheet">
      <h1>{data.year} 年度代表建议办理表彰建议名单（草案）</h1>
      <p class="sub">供主任会议研究。先进承办单位按单位测评综合得分取前 {data.top} 名（并列的一并列入）。</p>
      <AsOfNote asOf={asOf} document />
      <h2>一、先进承办单位</h2>
      {data.units.length === 0 ? (
        <Empty>本年度尚无可排名的承办单位。</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th class="num">排名</th>
              <th>单位</th>
              <th class="num">承办件数</th>
              <th class="num">综合得分</th>
              <th>等次</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {data.units.map(({ row, inTop }) => (
              <tr>
                <td class="num">{row.rank ?? "—"}</td>
                <td>{row.unit}</td>
                <td class="num">{row.assigned}</td>
                <td class="num">{scoreText(row.score)}</td>
                <td>{row.grade}</td>
                <td>
                  {[inTop ? "" : `不在前 ${data.top} 名`, row.advanced ? "常委会测评评为先进单位" : ""]
                    .filter(Boolean)
                    .join("；")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>二、优秀建议</h2>
      <SuggestionTable
        refs={data.suggestions}
        columns={["deputy", "unit", "category", "status"]}
        isUnit={isUnit}
        empty="台账中本年度还没有标记为优秀建议（优秀建议 = 是）的建议。"
      />
    </article>
  </Layout>
);
