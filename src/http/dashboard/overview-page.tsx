import type { FC } from "hono/jsx";
import {
  assignedCount,
  DUE_SOON_SHOWN,
  OVERDUE_SHOWN_PER_UNIT,
  type OverviewFigures,
  rateNumber,
  UNCOUNTED_SHOWN,
} from "../../domain/dashboard/overview";
import { listTitle } from "../../domain/dashboard/suggestion-ref";
import { NO_DIGEST_MESSAGE } from "../../domain/read-settings";
import { isMisnamedRow } from "../../domain/statistics-units";
import type { Objection } from "../../store/objections";
import { BarChart, OVERDUE_LEGEND, overdueBar, StackedBar, ToneLegend } from "./charts";
import { DecisionsCard } from "./decisions-card";
import { ExcludedNote } from "./figures-table";
import { daysLeftText, href, type IsUnit, statusTone } from "./format";
import { Layout, type PageFrame } from "./layout";
import { Card, clearedNoteHtml, type DueCalendar, Empty, Kpi, SuggestionTable } from "./ui";
import { problemsTabUnwritten } from "./unwritten-writes";

/** How many 已逾期 suggestions the figures leave out for an 错误 (none in figures an older build stored). */
function uncountedOverdue(figures: Pick<OverviewFigures, "overdueUncountedCount">): number {
  return figures.overdueUncountedCount ?? 0;
}

const OverdueByUnit: FC<{ figures: OverviewFigures }> = ({ figures }) => {
  if (figures.overdueByUnit.length === 0)
    return (
      <Empty>
        {uncountedOverdue(figures) > 0 ? "没有计入统计的逾期未答复建议。" : "没有逾期未答复的建议。"}
      </Empty>
    );
  return (
    <table class="stack">
      <thead>
        <tr>
          <th>主办单位</th>
          <th class="num">件数</th>
          <th>逾期建议</th>
        </tr>
      </thead>
      <tbody>
        {figures.overdueByUnit.map((group) => (
          <tr>
            <td class="nowrap">
              <a href={href.unit(group.unit)}>{group.unit}</a>
            </td>
            <td class="num" data-label="件数">
              {group.count}
            </td>
            <td>
              {group.items.slice(0, OVERDUE_SHOWN_PER_UNIT).map((ref) => (
                <div>
                  <a href={href.suggestion(ref.id)}>{ref.id}</a> {listTitle(ref.title)}{" "}
                  <span class="badge danger">{daysLeftText(ref.daysLeft)}</span>
                  {clearedNoteHtml(ref)}
                </div>
              ))}
              {group.count > OVERDUE_SHOWN_PER_UNIT ? (
                <div class="small">
                  {isMisnamedRow(group.unit) ? (
                    <a href={href.status("已逾期")}>
                      另有 {group.count - OVERDUE_SHOWN_PER_UNIT} 件，见全部已逾期建议
                    </a>
                  ) : (
                    <a href={href.unit(group.unit)}>
                      另有 {group.count - OVERDUE_SHOWN_PER_UNIT} 件，见单位页
                    </a>
                  )}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/**
 * 已逾期 suggestions with an 错误 in a counted field, apart from the list by unit: the figures (统计,
 * /units, the list's 件数) leave them out, yet they are overdue all the same, and staff must fix them
 * before they count. Listed under their own heading so the list above adds up as the figures do.
 */
const UncountedOverdue: FC<{
  figures: OverviewFigures;
  isUnit: IsUnit | undefined;
}> = ({ figures, isUnit }) => {
  const count = uncountedOverdue(figures);
  if (count === 0) return null;
  const refs = (figures.overdueUncounted ?? []).slice(0, UNCOUNTED_SHOWN);
  return (
    <>
      <h2>有错误、未计入统计的逾期建议（{count} 件）</h2>
      <p class="small muted">
        这些建议已逾期未答复，但计入统计的栏目填写有错误，上表的件数和『统计』表都没有计入。请按『校验问题』改正，下次同步后计入。
      </p>
      <SuggestionTable refs={refs} columns={["unit", "days"]} empty="" isUnit={isUnit} />
      <p class="small">
        <a href={`/problems?level=${encodeURIComponent("错误")}`}>
          {count > refs.length ? `另有 ${count - refs.length} 件，` : ""}见校验问题中的错误
        </a>
      </p>
    </>
  );
};

export const OverviewPage: FC<{
  figures: OverviewFigures;
  frame: PageFrame;
  /** Units' objections staff have not decided (D1). */
  objections?: readonly Objection[];
  /** What the page says after staff decided an objection. */
  done?: string | null;
  /** Which 主办单位 are units of 承办单位 (PageBase.isUnit): a name that is none is marked, not linked. */
  isUnit?: IsUnit;
  /** The sync's calendar (loadCalendar): a listed 办理期限 in a year without 放假安排 says （暂定）. */
  calendar?: DueCalendar;
}> = ({ figures, frame, objections = [], done = null, isUnit, calendar }) => {
  const t = figures.totals;
  const overdue = figures.statusCounts.find((s) => s.status === "已逾期")?.count ?? 0;
  const uncounted = uncountedOverdue(figures);
  const problems = figures.problems.errors + figures.problems.warnings;
  // The sync's count is what the sheet's 校验问题 tab holds (rows D1 cannot key, e.g. a duplicated 编号, included).
  const syncProblems = frame.lastSync?.outcome === "ok" ? frame.lastSync.problems : null;
  return (
    <Layout title="督办概览" nav="overview" frame={frame}>
      <h1>督办概览</h1>
      {done ? (
        <div class="alert ok" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <p class="sub">
        按期答复率、满意率按代表建议办理统计口径计算（立案且已确定主办单位的建议）；分母为零时显示“—”。
        {/* A leader set the two side by side (explorer, 12-06): 126 here, 125 in 统计, with no word why. */}
        『统计』表的承办件数也按这一口径（含已定主办单位、尚未填交办日期的，不含有错误未计入的），与下面的“立案并交办”（已填交办日期的）可能不同。
        概览和『统计』表算的是台账中全部年度的建议（含往年转入、仍在督办的）；年度报告和单位测评只算该年提出的建议，数字因此可能不同。
      </p>
      {figures.digestMissing ? (
        // Staff's to mend, not a figure: left off a leader's printout.
        <div class="alert warn no-print">
          <p>『设置』中的{NO_DIGEST_MESSAGE}。</p>
        </div>
      ) : null}
      <ExcludedNote excluded={t.excluded} />
      <div class="kpis">
        <Kpi label="建议总数" value={figures.suggestions} note={`立案并交办 ${assignedCount(figures)} 件`} />
        <Kpi label="按期答复率" value={t.onTimeRate} note={`已答复 ${t.replied} 件`} tone="ok" />
        <Kpi label="满意率" value={t.satisfactionRate} note="含基本满意，按最近一轮测评" tone="ok" />
        <Kpi
          label="已逾期"
          value={overdue}
          note={
            // 已逾期 counts every such 台账状态; the figures leave out those with an 错误 (listed below).
            uncounted > 0
              ? `计入统计 ${t.overdueUnreplied} 件（含二次交办），另 ${uncounted} 件有错误未计入`
              : `其中逾期未答复 ${t.overdueUnreplied} 件（含二次交办）`
          }
          tone="danger"
        />
        <Kpi
          label="即将到期"
          value={figures.dueSoonCount}
          note={`${figures.dueSoonDays} 天内到期`}
          tone="warn"
        />
        <Kpi
          label="校验问题"
          value={syncProblems ?? problems}
          note={
            syncProblems === null
              ? "尚未同步"
              : // Google refused the tab's write: it still holds an earlier list than this count.
                problemsTabUnwritten(frame.lastSync)
                ? "最近一次同步发现；表格中的『校验问题』表本次未能更新，见“校验问题”页"
                : "最近一次同步发现，见『校验问题』表"
          }
          tone={(syncProblems ?? problems) > 0 ? "danger" : undefined}
        />
      </div>
      {figures.pendingExtensions.length + (figures.awaitingReassignment?.length ?? 0) + objections.length >
      0 ? (
        <DecisionsCard
          extensions={figures.pendingExtensions}
          reassignments={figures.awaitingReassignment ?? []}
          objections={objections}
          isUnit={isUnit}
          calendar={calendar}
        />
      ) : null}
      <div class="grid cols-2">
        <Card title="台账状态">
          <BarChart
            title="各台账状态的建议件数"
            items={figures.statusCounts.map((s) => ({
              label: s.status,
              value: s.count,
              display: `${s.count} 件`,
              tone: statusTone(s.status),
              href: href.status(s.status),
            }))}
          />
        </Card>
        <Card title="答复类别（首轮答复）">
          <StackedBar
            title="A/B/C/D 类答复占比"
            segments={figures.classShares.map((s) => ({
              label: s.replyClass,
              count: s.count,
              share: s.share,
              fill: s.replyClass.toLowerCase(),
            }))}
          />
          <p class="small muted">
            A 已解决或采纳 · B 正在解决或列入计划 · C 因条件限制暂时无法解决 · D 留作参考
          </p>
          <h2>按期答复率较低的单位</h2>
          {figures.slowUnits.length === 0 ? (
            <Empty>还没有单位答复或逾期。</Empty>
          ) : (
            <BarChart
              title="按期答复率最低的承办单位"
              max={100}
              items={figures.slowUnits.map((u) => ({
                label: u.label,
                value: rateNumber(u.onTimeRate),
                display: u.onTimeRate,
                ...overdueBar(u.overdueUnreplied),
                href: href.unit(u.label),
              }))}
            />
          )}
          {figures.slowUnits.length === 0 ? null : <ToneLegend entries={OVERDUE_LEGEND} />}
          <p class="actions">
            <a class="button light" href="/units">
              全部单位
            </a>
            <a class="button light" href="/exports/ledger.csv">
              导出台账（CSV）
            </a>
          </p>
        </Card>
      </div>
      <Card title={`逾期未答复（按主办单位）`}>
        <OverdueByUnit figures={figures} />
        <UncountedOverdue figures={figures} isUnit={isUnit} />
      </Card>
      <Card title={`即将到期（${figures.dueSoonDays} 天内）`}>
        <SuggestionTable
          refs={figures.dueSoon.slice(0, DUE_SOON_SHOWN)}
          columns={["unit", "due", "days"]}
          empty={`${figures.dueSoonDays} 天内没有到期的建议。`}
          isUnit={isUnit}
          calendar={calendar}
        />
        {figures.dueSoonCount > DUE_SOON_SHOWN ? (
          <p class="small">
            <a href={href.status("即将到期")}>
              最急的 {DUE_SOON_SHOWN} 件见上；全部 {figures.dueSoonCount} 件
            </a>
          </p>
        ) : null}
      </Card>
      <Card title="重点建议与督办、领办领导">
        <SuggestionTable
          refs={figures.keySuggestions}
          columns={["supervisor", "handlingLeader", "unit", "status", "due"]}
          empty="台账中没有标为重点建议的建议。"
          isUnit={isUnit}
          calendar={calendar}
        />
      </Card>
    </Layout>
  );
};
