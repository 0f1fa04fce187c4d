import type { FC } from "hono/jsx";
import { channelName } from "../../../sheets-schema/enums";
import { rateNumber } from "../../domain/dashboard/overview";
import { classCounts, type Scoreboard, type UnitDetail } from "../../domain/dashboard/scoreboard";
import { formatRate } from "../../domain/statistics";
import { isMisnamedRow } from "../../domain/statistics-units";
import { BarChart, OVERDUE_LEGEND, overdueBar, StackedBar, ToneLegend } from "./charts";
import { ExcludedNote, FiguresTable } from "./figures-table";
import { href, type IsUnit } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card, type DueCalendar, Kpi, SuggestionTable } from "./ui";

export const UnitsPage: FC<{ board: Scoreboard; frame: PageFrame }> = ({ board, frame }) => {
  // The line of 主办单位 that are no unit is in the table, last, but not among the units charted.
  const misnamed = board.units.find((u) => isMisnamedRow(u.label));
  return (
    <Layout title="承办单位" nav="units" frame={frame}>
      <h1>承办单位办理情况</h1>
      <p class="sub">
        按主办单位统计立案建议：按期答复率 = 期限内答复 ÷
        应答复（两轮都计：已答复，或过了期限仍未答复；二次交办逾期未答复的计入逾期未答复）；满意率按最近一轮测评（满意
        + 基本满意）；沟通率 = 答复前有主办单位办前联系的件数 ÷
        已答复（『设置』填了启用日期的，此前交办的不计）；延期件数为延期申请获批准的件数。本页与『统计』表一样统计台账中的全部年度；某一年的各承办单位办理情况见
        <a href="/report">年度报告</a>的附表，年终评议用<a href="/assessment">单位测评</a>。
      </p>
      <Card title="按期答复率（由低到高）">
        <BarChart
          title="各承办单位按期答复率"
          max={100}
          items={[...board.units]
            .filter((u) => u.assigned > 0 && !isMisnamedRow(u.label))
            .sort((a, b) => (rateNumber(a.onTimeRate) ?? 101) - (rateNumber(b.onTimeRate) ?? 101))
            .map((u) => ({
              label: u.label,
              value: rateNumber(u.onTimeRate),
              display: u.onTimeRate,
              ...overdueBar(u.overdueUnreplied),
              href: href.unit(u.label),
            }))}
        />
        <ToneLegend entries={OVERDUE_LEGEND} />
        {misnamed && misnamed.assigned > 0 ? (
          <p class="muted small footnote">
            另有 {misnamed.assigned} 件建议的主办单位不在『承办单位』表中，未列入图中（见表末一行和{" "}
            <a href={href.unit(misnamed.label)}>校验问题</a>）
          </p>
        ) : null}
      </Card>
      <Card title="办理情况一览">
        <FiguresTable
          first="单位"
          rows={board.units}
          total={board.total}
          link={href.unit}
          label="各承办单位办理情况一览"
        />
        <p>
          <a class="button light" href="/exports/units.csv">
            导出（CSV）
          </a>
        </p>
      </Card>
    </Layout>
  );
};

/**
 * What years the unit page counts, said as /units says it: the year report's 附表1 and 单位测评
 * (which link here) count one year, and their figures differ from these. The page takes no ?year=.
 */
const UnitYears: FC = () => (
  <p class="sub">
    本页的数字和建议列表与『承办单位』页、『统计』表一样统计台账中的全部年度，不按年份筛选；该单位某一年的办理情况见
    <a href="/report">年度报告</a>的附表1，年终评议用<a href="/assessment">单位测评</a>。
  </p>
);

export const UnitPage: FC<{
  detail: UnitDetail;
  frame: PageFrame;
  /** Which 主办单位 are units of 承办单位 (PageBase.isUnit): a name that is none is marked, not linked. */
  isUnit?: IsUnit;
  /** The sync's calendar (loadCalendar): a 办理期限 in a year without 放假安排 says （暂定）. */
  calendar?: DueCalendar;
}> = ({ detail, frame, isUnit, calendar }) => {
  const f = detail.figures;
  const classes = classCounts(f);
  const classified = classes.reduce((s, c) => s + c.count, 0);
  const contact = detail.entry?.record;
  return (
    <Layout title={detail.name} nav="units" frame={frame}>
      <h1>{detail.name}</h1>
      <p class="sub">
        {contact
          ? `联系人 ${contact.contact || "—"} · 手机 ${contact.phone || "—"} · 邮箱 ${contact.email || "—"} · 通知渠道 ${detail.entry?.channels.map(channelName).join("、") || "无可用渠道"}`
          : "该单位不在『承办单位』表中：请在表中补上，或改正台账中的主办单位名称。"}
      </p>
      {/*
        The stored scoreboard's line (all years, as 统计): a page that follows ?year= would need the
        year report's figures for one unit, and the year report already has them (附表1).
      */}
      <UnitYears />
      <div class="kpis">
        <Kpi label="承办件数" value={f.assigned} />
        <Kpi label="已答复" value={f.replied} />
        <Kpi label="按期答复率" value={f.onTimeRate} tone="ok" />
        <Kpi
          label="逾期未答复"
          value={f.overdueUnreplied}
          tone={f.overdueUnreplied > 0 ? "danger" : undefined}
        />
        <Kpi label="满意率" value={f.satisfactionRate} tone="ok" />
        <Kpi label="平均答复天数" value={f.averageReplyDays} />
        <Kpi label="沟通率" value={f.contactRate} note="答复前有办前联系 ÷ 已答复（启用日期前交办的不计）" />
        <Kpi label="延期件数" value={f.extensions} note="延期申请获批准的件数" />
        <Kpi
          label="二次交办"
          value={f.reassigned}
          note={`已答复 ${f.secondReplied} 件，逾期未答复 ${f.secondOverdue} 件`}
          tone={f.secondOverdue > 0 ? "danger" : undefined}
        />
      </div>
      <ExcludedNote excluded={f.excluded} />
      <Card title="答复类别">
        <StackedBar
          title={`${detail.name} 的答复类别`}
          segments={classes.map((c) => ({
            label: c.label,
            count: c.count,
            share: formatRate(c.count, classified),
            fill: c.label.toLowerCase(),
          }))}
        />
      </Card>
      <Card title={`主办的建议（${detail.lead.length} 件）`}>
        <SuggestionTable
          refs={detail.lead}
          columns={["deputy", "status", "due", "days"]}
          empty="没有由该单位主办的建议。"
          calendar={calendar}
        />
      </Card>
      <Card title={`协办的建议（${detail.co.length} 件）`}>
        <SuggestionTable
          refs={detail.co}
          columns={["unit", "status", "due"]}
          empty="没有由该单位协办的建议。"
          isUnit={isUnit}
          calendar={calendar}
        />
      </Card>
      {/* 清除个人信息 (docs/deploy.md §15a): its own page says what goes and asks to confirm. */}
      <p class="actions no-print">
        <a class="button light" href={`/units/${encodeURIComponent(detail.name)}/erase`}>
          清除个人信息
        </a>
      </p>
    </Layout>
  );
};
