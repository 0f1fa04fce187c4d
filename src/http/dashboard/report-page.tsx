import type { FC } from "hono/jsx";
import type { YearReport } from "../../domain/dashboard/year-report";
import { FiguresTable } from "./figures-table";
import { href } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card, Kpi } from "./ui";

export const ReportPage: FC<{ report: YearReport; years: readonly number[]; frame: PageFrame }> = ({
  report,
  years,
  frame,
}) => {
  const t = report.totals;
  const o = report.overall;
  return (
    <Layout title={`${report.year} 年度报告`} nav="report" frame={frame}>
      <h1>{report.year} 年代表建议办理情况</h1>
      <p class="sub">
        {report.year} 年提出的建议（按提出日期），统计至 {report.today}
        。供常委会听取和审议代表建议办理情况报告使用。
      </p>
      <form class="actions" method="get" action="/report">
        <select name="year" aria-label="年度">
          {years.map((y) => (
            <option value={String(y)} selected={y === report.year}>
              {y} 年
            </option>
          ))}
        </select>
        <button type="submit">查看</button>
        <a class="button light" href={`/exports/report.csv?year=${report.year}`}>
          导出 CSV
        </a>
        <a class="button light" href={`/exports/report.json?year=${report.year}`}>
          导出 JSON
        </a>
        <a class="button light" href="/exports/ledger.csv">
          导出台账 CSV
        </a>
      </form>
      <div class="kpis">
        <Kpi label="建议总数" value={t.submitted} />
        <Kpi
          label="立案"
          value={t.accepted}
          note={`不予立案 ${t.rejected} · 并案 ${t.merged} · 待审查 ${t.unreviewed}`}
        />
        <Kpi label="重点建议" value={t.key} />
        <Kpi label="已答复" value={o.replied} note={`逾期未答复 ${o.overdueUnreplied}`} />
        <Kpi label="按期答复率" value={o.onTimeRate} tone="ok" />
        <Kpi label="满意率" value={o.satisfactionRate} tone="ok" />
        <Kpi label="已办结" value={t.closed} note={`跨年督办 ${t.crossYear} · 抽中回访 ${t.followedUp}`} />
        <Kpi label="平均答复天数" value={o.averageReplyDays} />
      </div>
      <Card title="按承办单位">
        <FiguresTable first="单位" rows={report.byUnit} total={o} link={href.unit} />
      </Card>
      <Card title="按类别">
        <FiguresTable first="类别" rows={report.byCategory} total={o} />
      </Card>
    </Layout>
  );
};
