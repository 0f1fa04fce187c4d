import { CONVERTED } from "../../../sheets-schema/enums";
import type { Settings } from "../../../sheets-schema/settings";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { DeputyRecord, UnitRecord } from "../../../sheets-schema/tabs/directory";
import {
  type CommitteeRecord,
  committeeTab,
  type OpinionRecord,
  opinionsTab,
} from "../../../sheets-schema/tabs/evaluation-tabs";
import { type DayHorizon, isAfterToday } from "../day-horizon";
import { type Directory, listedName, nameKey, namesakeAdvice } from "../directory";
import { missingTabsNotice, type Problem, tabProblem } from "../problems";
import { readTab, type TabRead } from "../read-tab";

/** The tabs of practice.md's evaluation: 民意 and 常委会测评 (both optional: an older sheet lacks them). */
export const EVALUATION_TABS = [TAB_NAMES.opinions, TAB_NAMES.committee] as const;

export interface EvaluationReads {
  readonly opinions: TabRead<OpinionRecord>;
  readonly committee: TabRead<CommitteeRecord>;
}

function readOptional<R>(read: () => TabRead<R>, values: unknown, tab: string): TabRead<R> {
  if (values === undefined || values === null)
    return { tab, readable: false, reason: "未读取", columns: null, rows: [], problems: [] };
  return read();
}

/** Reads 民意 and 常委会测评 from raw values (header row first); a tab left out reads as unavailable. */
export function readEvaluationTabs(tabs: Readonly<Partial<Record<string, unknown>>>): EvaluationReads {
  const opinions = tabs[TAB_NAMES.opinions];
  const committee = tabs[TAB_NAMES.committee];
  return {
    opinions: readOptional(() => readTab(opinionsTab, opinions), opinions, TAB_NAMES.opinions),
    committee: readOptional(() => readTab(committeeTab, committee), committee, TAB_NAMES.committee),
  };
}

export interface EvaluationCheckContext {
  readonly today: string;
  readonly deputies: Directory<DeputyRecord>;
  readonly units: Directory<UnitRecord>;
  /** Whether a 编号 is in 建议台账; null when the ledger could not be read (not checked then). */
  readonly knownId: ((id: string) => boolean) | null;
  readonly weights: Settings["assessmentWeights"];
  /** Notes how long the answers given against `today` hold (the sync's practice step keeps them). */
  readonly horizon?: DayHorizon;
}

function checkDeputy(
  row: { problems: { error(c: string, m: string): void } },
  name: string,
  deputies: Directory<DeputyRecord>,
): void {
  if (!name || !deputies.available || deputies.find(name)) return;
  const namesakes = deputies.namesakes(name);
  row.problems.error(
    "接待代表",
    namesakes.length > 0
      ? `接待代表“${name}”在『代表』表中${namesakeAdvice(namesakes)}`
      : `接待代表“${name}”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表`,
  );
}

/**
 * The rules of 民意: 日期 not after today, 接待代表 in 代表, and an opinion 转化为建议 names a
 * suggestion of 建议台账 (a 提醒 until it does: the dashboard's “转化为建议” fills it in).
 */
export function checkOpinions(read: TabRead<OpinionRecord>, ctx: EvaluationCheckContext): void {
  for (const row of read.rows) {
    if (row.blank) continue;
    const r = row.record;
    if (r.date && isAfterToday(r.date, ctx.today, ctx.horizon))
      row.problems.error("日期", `日期 ${r.date} 晚于今天（${ctx.today}）：请核对`);
    checkDeputy(row, r.deputy, ctx.deputies);
    if (r.suggestionId) {
      if (ctx.knownId && !ctx.knownId(r.suggestionId))
        row.problems.warn(
          "建议编号",
          `建议编号“${r.suggestionId}”在『建议台账』中找不到：请核对编号（刚转化的建议在下次同步后出现）`,
        );
      if (r.handling && r.handling !== CONVERTED && !row.failed.has("handling"))
        row.problems.warn(
          "处理方式",
          `填写了建议编号，处理方式却是“${r.handling}”：转化为建议的请把处理方式改为 转化为建议`,
        );
    } else if (r.handling === CONVERTED && !row.failed.has("suggestionId")) {
      row.problems.warn(
        "建议编号",
        "处理方式为 转化为建议，还没有建议编号：请在看板『民意』页点“转化为建议”，或填写已有建议的编号",
      );
    }
  }
}

/**
 * The rules of 常委会测评: 单位名称 in 承办单位, one row per 年度 and unit (a later one is an 错误
 * and does not count), and a 提醒 when scores are entered but 测评权重 does not weigh them.
 */
export function checkCommittee(read: TabRead<CommitteeRecord>, ctx: EvaluationCheckContext): void {
  const first = new Map<string, number>();
  let scored = false;
  for (const row of read.rows) {
    if (row.blank) continue;
    const r = row.record;
    if (r.unit && ctx.units.available && !ctx.units.find(r.unit))
      row.problems.error(
        "单位名称",
        `单位名称“${r.unit}”不在『承办单位』表中：请核对名称（须与单位名称一致）`,
      );
    if (r.score !== null) scored = true;
    if (r.year === null || !r.unit) continue;
    // A former name (原名称) is its current unit's row: both in one year is one unit twice.
    const key = `${r.year}|${nameKey(listedName(ctx.units, r.unit))}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.rowNumber);
    else
      row.problems.error(
        "单位名称",
        `${r.year} 年度的“${r.unit}”已在第 ${earlier} 行测评：同一年度每个单位只填一行，本行不计入`,
      );
  }
  if (scored && !ctx.weights.常委会测评)
    read.problems.push(
      tabProblem(
        read.tab,
        "提醒",
        "『常委会测评』已有测评得分，但『设置』测评权重中没有 常委会测评，综合得分没有计入：如需计入，请在测评权重中加上 常委会测评:N（各项合计仍为 100）",
      ),
    );
}

/** The problems of both tabs for 校验问题: each tab's header problems, then its rows', in sheet order. */
export function evaluationProblems(reads: EvaluationReads): Problem[] {
  const out: Problem[] = [];
  for (const read of [reads.opinions, reads.committee]) {
    out.push(...read.problems);
    for (const row of read.rows) out.push(...row.problems.list);
  }
  return out;
}

/** Reads and checks 民意 and 常委会测评 (the sync's practice step and the whole evaluation): their 校验问题. */
export function checkEvaluationTabs(
  tabs: Readonly<Partial<Record<string, unknown>>>,
  ctx: EvaluationCheckContext,
): Problem[] {
  const reads = readEvaluationTabs(tabs);
  checkOpinions(reads.opinions, ctx);
  checkCommittee(reads.committee, ctx);
  return evaluationProblems(reads);
}

/** One 提醒 naming the evaluation tabs a sheet does not have yet (民意, 常委会测评, 单位测评). */
export function missingEvaluationTabs(missing: readonly string[]): Problem[] {
  return missingTabsNotice(
    [...EVALUATION_TABS, TAB_NAMES.assessment],
    missing,
    "联络站民意、常委会测评、单位测评",
    "台账照常同步，单位测评暂不写入表格；请运行 npm run sheet:init 补齐",
  );
}
