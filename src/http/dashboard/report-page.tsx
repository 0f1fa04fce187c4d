import type { FC } from "hono/jsx";
import { reportNarrative } from "../../domain/dashboard/report-narrative";
import type { Count } from "../../domain/dashboard/report-practice";
import { type ReportTable, reportTables } from "../../domain/dashboard/report-tables";
import type { YearReport } from "../../domain/dashboard/year-report";
import {
  asOfLine,
  mayChangeLine,
  reportAsOf,
  YEAR_END,
  yearEndKeptLine,
  yearEndOffer,
} from "../../domain/dashboard/year-report-as-of";
import { footnoteText } from "../../domain/dashboard/year-report-export";
import { skippedLedger } from "../../store/sync-runs";
import { href, localDateTime } from "./format";
import { Layout, type PageFrame } from "./layout";
import type { LoadedReport } from "./load-report";
import { Card, Kpi, TableScroll } from "./ui";

/**
 * The sync the stored figures come from (local "YYYY-MM-DD HH:MM"), for a document's “统计截至”
 * line: the frame's last sync, as the page's sync line says it. Null when that sync failed or did
 * not read the ledger: the figures are then an earlier sync's, whose time the frame does not keep.
 */
export function syncedAtOf(frame: PageFrame): string | null {
  const run = frame.lastSync;
  if (!run || run.outcome === "failed" || skippedLedger(run)) return null;
  return localDateTime(run.finishedAt ?? run.startedAt, frame.timeZone) || null;
}

/** An appendix table; a unit's name links to its page on screen. */
const DocTable: FC<{ table: ReportTable }> = ({ table }) => {
  const cell = (value: string | number, i: number, isTotal: boolean) => {
    const text = String(value);
    const linked = table.key === "units" && i === 0 && !isTotal;
    return (
      <td class={i >= table.figuresFrom ? "num" : i === 0 ? "nowrap" : ""}>
        {linked ? <a href={href.unit(text)}>{text}</a> : text}
      </td>
    );
  };
  return (
    <section
      class={`appendix-table ${table.key === "units" || table.key === "categories" || table.key === "sessions" ? "wide" : ""}`}
    >
      <h3>{table.title}</h3>
      {table.rows.length === 0 ? (
        <p class="empty">{table.empty}</p>
      ) : (
        <TableScroll label={table.title} nameFirst>
          <table class="doc">
            <thead>
              <tr>
                {table.header.map((h, i) => (
                  <th class={i >= table.figuresFrom ? "num" : ""}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr>{row.map((v, i) => cell(v, i, false))}</tr>
              ))}
              {table.total ? <tr class="total">{table.total.map((v, i) => cell(v, i, true))}</tr> : null}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
};

const Counts: FC<{ title: string; counts: readonly Count[]; unit: string }> = ({ title, counts, unit }) => (
  <div class="counts">
    <span class="muted">{title}</span>
    {counts.map((c) => (
      <span>
        {c.label} <b>{c.count}</b>
        {unit}
      </span>
    ))}
  </div>
);

/** A day as the page's screen notes write it (the sync line's ISO form: 2027-01-01). */
const isoDay = (iso: string) => iso;

/**
 * The year's report: today's figures, or with `yearEnd.shown` the copy kept at the year's end
 * (`?asOf=year-end`), each saying so and linking to the other; its exports follow what it shows.
 */
export const ReportPage: FC<{
  report: YearReport;
  years: readonly number[];
  frame: PageFrame;
  /** The year's year-end copy, when one was kept (LoadedReport); absent: none. */
  yearEnd?: LoadedReport["yearEnd"];
}> = ({ report, years, frame, yearEnd = null }) => {
  const t = report.totals;
  const o = report.overall;
  const c = report.carriedOver;
  const narrative = reportNarrative(report);
  const kept = yearEnd?.shown ? yearEnd : null;
  const q = `year=${report.year}${kept ? `&asOf=${YEAR_END}` : ""}`;
  const changing = kept
    ? yearEndKeptLine(reportAsOf(report), "数字")
    : mayChangeLine(reportAsOf(report), "数字");
  const asOf = kept
    ? { today: kept.asOf, syncedAt: null, yearEnd: kept.year }
    : { today: report.today, syncedAt: syncedAtOf(frame) };
  return (
    <Layout
      title={`${report.year} 年度报告${kept ? "（年末数字）" : ""}`}
      nav="report"
      frame={frame}
      stylesheet="/assets/report.css"
    >
      <div class="screen-only">
        <h1>{report.year} 年代表建议办理情况</h1>
        <p class="sub">
          {report.year} 年提出的建议（按提出日期），
          {kept ? asOfLine(asOf, isoDay) : `统计截至 ${report.today}`}
          。供常委会听取和审议代表建议办理情况报告使用。打印或另存为 PDF：在浏览器中按
          Ctrl+P（A4，按公文格式排版）。
        </p>
        {kept ? (
          <p class="sub">
            年末数字：之后的答复、测评未计入。
            <a href={`/report?year=${kept.year}`}>查看今天的数字</a>
          </p>
        ) : yearEnd ? (
          <p class="sub">
            {yearEndOffer(yearEnd, isoDay)}
            <a href={`/report?year=${yearEnd.year}&asOf=${YEAR_END}`}>查看年末数字</a>
          </p>
        ) : null}
        <form class="actions" method="get" action="/report">
          <select name="year" aria-label="年度">
            {years.map((y) => (
              <option value={String(y)} selected={y === report.year}>
                {y} 年
              </option>
            ))}
          </select>
          <button type="submit">查看</button>
          <a class="button" href={`/exports/report.docx?${q}`}>
            下载报告初稿（Word）
          </a>
          <a class="button light" href={`/exports/report.csv?${q}`}>
            导出 CSV
          </a>
          {/* The ledger's rows as they are today: no year-end copy of them is kept. */}
          <a class="button light" href={`/exports/ledger.csv?year=${report.year}`}>
            导出台账 CSV
          </a>
          {/* The same figures with English keys, for a technician's tools: after what staff use. */}
          <a class="button light" href={`/exports/report.json?${q}`}>
            数据文件（JSON，技术人员用）
          </a>
        </form>
        <div class="kpis">
          <Kpi label="建议总数" value={t.submitted} />
          <Kpi
            label="立案"
            value={t.accepted}
            note={[
              `不予立案 ${t.rejected}`,
              `并案 ${t.merged}`,
              // Absent from a report stored by a build before they were counted.
              ...(t.returned ? [`退回修改 ${t.returned}`] : []),
              ...(t.withdrawn ? [`撤回 ${t.withdrawn}`] : []),
              `待审查 ${t.unreviewed}`,
            ].join(" · ")}
          />
          <Kpi label="重点建议" value={t.key} />
          <Kpi label="已答复" value={o.replied} note={`逾期未答复 ${o.overdueUnreplied}`} />
          <Kpi label="按期答复率" value={o.onTimeRate} tone="ok" />
          <Kpi
            label="满意率"
            value={o.satisfactionRate}
            tone="ok"
            note={`满意 ${o.satisfied} · 基本满意 ${o.basicallySatisfied} · 不满意 ${o.unsatisfied}`}
          />
          <Kpi label="解决率" value={o.solveRate} tone="ok" note={`A 类及已落实的 B 类 ${o.solved} 件`} />
          <Kpi label="已办结" value={t.closed} note={`抽中回访 ${t.followedUp}`} />
          <Kpi
            label="跨年督办"
            value={t.crossYear}
            note={`往年转入 ${c.items.length} · 仍在办理 ${c.open}`}
          />
          <Kpi label="延期件数" value={o.extensions} />
          <Kpi label="优秀建议" value={t.excellent} />
          <Kpi label="平均答复天数" value={o.averageReplyDays} />
        </div>
        {report.contacts || report.opinions ? (
          <Card title="沟通联系和联络站民意">
            {report.contacts ? (
              <>
                <Counts
                  title={`沟通联系 ${report.contacts.total} 次：`}
                  counts={report.contacts.byStage}
                  unit="次"
                />
                <Counts title="方式：" counts={report.contacts.byMethod} unit="次" />
                <p class="small muted">
                  代表本人参加 {report.contacts.deputyJoined} 次；沟通率 {o.contactRate}。
                </p>
              </>
            ) : null}
            {report.opinions ? (
              <Counts
                title={`联络站收到群众意见 ${report.opinions.received} 条：`}
                counts={report.opinions.byHandling}
                unit="条"
              />
            ) : null}
          </Card>
        ) : null}
      </div>
      <article class="report-doc">
        {/* The page's one h1 is its own heading above; the draft's title and sections sit under it. */}
        <h2 class="doc-title">{narrative.title}</h2>
        <p class="doc-meta">初稿 · {asOfLine(asOf)}</p>
        {changing ? <p class="doc-meta">{changing}</p> : null}
        {narrative.sections.map((s) => (
          <section>
            <h3>{s.heading}</h3>
            {s.paragraphs.map((p) => (
              <p>{p}</p>
            ))}
          </section>
        ))}
        {narrative.notes.map((n) => (
          <p class="doc-note">{n}</p>
        ))}
      </article>
      <div class="appendix">
        {reportTables(report).map((table) => (
          <DocTable table={table} />
        ))}
        {report.excludedForErrors ? (
          <p class="doc-note">注：{footnoteText(report.excludedForErrors)}。</p>
        ) : null}
        {report.commendedUnits ? (
          <p class="small muted">
            先进单位（常委会测评）：{report.commendedUnits.join("、") || "（尚未评定）"}
          </p>
        ) : null}
      </div>
    </Layout>
  );
};
