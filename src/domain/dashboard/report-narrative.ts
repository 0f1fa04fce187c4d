import { LOWEST_GRADE } from "../evaluation/assessment";
import { displayDate } from "../notices/format";
import { NO_RATE } from "../statistics";
import { isMisnamedRow } from "../statistics-units";
import type { Count } from "./report-practice";
import { type ReportTable, reportTables } from "./report-tables";
import type { YearReport } from "./year-report";
import { awaitingAssignment } from "./year-report-as-of";
import { footnoteText, hasAssigned } from "./year-report-export";

/** One numbered part of the report's text (一、基本情况 …). */
export interface NarrativeSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

export interface Narrative {
  readonly title: string;
  /** 主送机关 (GB/T 9704-2012 7.3.2), the line under the title: a placeholder staff fill in. */
  readonly addressee: string;
  /** The sentence before 一、: 现将……报告如下： */
  readonly opening: string;
  readonly sections: readonly NarrativeSection[];
  /** Notes under the text (the footnote of rows left out), possibly none. */
  readonly notes: readonly string[];
  /** 附件说明 (7.3.4): the appendix tables' names, in their order (附表1 is 附件 1). */
  readonly attachments: readonly string[];
  /** 落款: 发文机关署名 and 成文日期 (7.3.5), placeholders staff fill in. */
  readonly signature: string;
  readonly dated: string;
}

/** Where staff write what no figure can say. */
export const STAFF_WRITES = "（此处由代表工委根据本年度工作实际填写。）";

/**
 * What the ledger cannot know, in 【】 for staff to fill in: 设置 has no 机关名称, and 成文日期 is
 * the day the report is signed, not the day the draft is downloaded (a date written in would
 * look right and be wrong).
 */
export const ADDRESSEE = "【主送机关】：";
export const SIGNATURE = "【发文机关署名】";
export const DATED = "【成文日期】";

const list = (counts: readonly Count[], unit: string) =>
  counts
    .filter((c) => c.count > 0)
    .map((c) => `${c.label}${c.count}${unit}`)
    .join("、");

/** A 领办领导 is a 书记 or 区长 (领衔包办) or a 政府领导 (领办), practice.md: 党政领导 names them all. */
const LED_BY = "由党政领导领办";

/**
 * The key suggestions and who supervises or leads them, as the ledger has it: 由常委会领导督办 of all
 * of them only when each has a 督办领导, else of those that have one; the ones with a 领办领导 after,
 * and the other suggestions with one. A report stored by a build before these were counted has
 * none of them (undefined): it says how many key suggestions there are and claims nothing more.
 */
function keyAndLed(t: YearReport["totals"]): string {
  const supervised = t.keySupervised ?? 0;
  const keyLed = t.keyLed ?? 0;
  const others = (t.led ?? 0) - keyLed;
  const whose =
    supervised === t.key ? "由常委会领导督办" : supervised > 0 ? `其中${supervised}件由常委会领导督办` : "";
  const led = keyLed > 0 ? `${whose.startsWith("其中") ? "" : "其中"}${keyLed}件${LED_BY}` : "";
  const key = t.key > 0 ? `${[`确定重点建议${t.key}件`, whose, led].filter(Boolean).join("，")}。` : "";
  if (others <= 0) return key;
  return key + (t.key > 0 ? `另有${others}件建议${LED_BY}。` : `${LED_BY}的建议${others}件。`);
}

function basics(r: YearReport): string[] {
  const t = r.totals;
  // The line of 主办单位 typed wrong is no unit: not counted as one, but said, so that the counts add up.
  const units = r.byUnit.filter((u) => u.assigned > 0 && !isMisnamedRow(u.label)).length;
  const misnamedLine = r.byUnit.find((u) => isMisnamedRow(u.label));
  const misnamed = misnamedLine?.assigned ?? 0;
  // Among the units' suggestions only: one whose 主办单位 is typed wrong is said once, below.
  const awaiting = awaitingAssignment(r.overall) - (misnamedLine ? awaitingAssignment(misnamedLine) : 0);
  const review = [
    `立案${t.accepted}件`,
    `不予立案${t.rejected}件`,
    `并案${t.merged}件`,
    // A report stored by a build before 退回修改 and 撤回 were counted has neither (undefined).
    ...(t.returned > 0 ? [`退回代表修改${t.returned}件`] : []),
    ...(t.withdrawn > 0 ? [`代表撤回${t.withdrawn}件`] : []),
    ...(t.unreviewed > 0 ? [`待审查${t.unreviewed}件`] : []),
  ].join("，");
  const first = [
    `${r.year}年，共收到代表建议${t.submitted}件。经审查，${review}。`,
    keyAndLed(t),
    t.fromLiaisonStations > 0 ? `来源于代表联络站收集的群众意见的建议${t.fromLiaisonStations}件。` : "",
    assignment(units, awaiting, misnamed, t.withoutLeadUnit ?? 0),
  ].join("");
  const out = [first];
  // 承办件数 of each 届次, as 附表 lists them: the 待交办 ones are among them, so the label says
  // 确定主办单位, not 交办. A group with none (a 待审查 suggestion without 届次) is no 届次 of 立案
  // suggestions, and 附表 leaves it out too.
  const sessions = r.bySession.filter(hasAssigned);
  if (sessions.length > 0)
    out.push(
      `按届次：${sessions.map((s) => `${s.label}${s.assigned}件`).join("、")}（立案并已确定主办单位）。`,
    );
  return out;
}

/**
 * Who handles the 立案 suggestions, and those 待交办 (台账状态 rule 4: no 主办单位, or no 交办日期):
 * counted under a unit with no 办理期限 yet, or under no unit at all, no figure of 办理 says them.
 * Those without a 主办单位 are in neither 附表1 nor its footnote: said, so that 立案 adds up to
 * 附表1's 合计, the footnote and them.
 */
function assignment(units: number, awaiting: number, misnamed: number, withoutUnit: number): string {
  const noUnit = withoutUnit > 0 ? `${withoutUnit}件尚未确定主办单位、尚未交办` : "";
  if (units === 0 && misnamed === 0 && noUnit) return `立案建议中${noUnit}。`;
  const misnamedText = misnamed > 0 ? `，另有${misnamed}件的主办单位填写有误、尚待改正` : "";
  return (
    `立案建议交由${units}个承办单位办理${awaiting > 0 ? `（其中${awaiting}件尚未交办）` : ""}${misnamedText}` +
    `${noUnit ? `${misnamed > 0 ? "；还有" : "，另有"}${noUnit}` : ""}。`
  );
}

/**
 * The overdue count and the second rounds, which count in 按期答复率 too: said, so that the rate
 * matches the counts shown. 逾期未答复 already holds the second rounds' overdue (README, 统计):
 * said inside it, not as a count of its own a reader would add to it.
 */
function overdueAndSecondRound(o: YearReport["overall"]): string {
  const within = o.secondOverdue > 0 ? `（其中二次交办逾期${o.secondOverdue}件）` : "";
  const second = o.reassigned > 0 ? `；二次交办${o.reassigned}件，已答复${o.secondReplied}件` : "";
  return `逾期未答复${o.overdueUnreplied}件${within}${second}`;
}

/**
 * 跟踪回访 as offices report it (从N件已答复建议中抽选M件列入跟踪回访，已填写回访意见K件): the year's
 * 回访 = 是 (M, the 抽中回访 the page shows: picked by the sampling, not a visit made) out of its 已答复
 * (N: 立案 with a 主办单位 and a 答复日期, the pool a sample is drawn from, and the 已答复 said above),
 * and those whose 回访意见 is typed (K; 0 said as 尚未填写回访意见). A report stored before K was counted
 * says nothing of it. "" when none was picked. A 是 typed by hand on a suggestion not replied to could
 * make M pass N: the sentence then names no N rather than draw more than there were.
 */
export function visitsSentence(r: YearReport): string {
  const visited = r.totals.followedUp;
  if (visited <= 0) return "";
  const replied = r.overall.replied;
  const noted = r.totals.followUpNoted;
  const from = visited <= replied ? `从${replied}件已答复建议中抽选${visited}件` : `抽选${visited}件建议`;
  const notes = noted === undefined ? "" : noted > 0 ? `，已填写回访意见${noted}件` : "，尚未填写回访意见";
  return `${from}列入跟踪回访${notes}。`;
}

function handling(r: YearReport): string[] {
  const o = r.overall;
  const avg = o.averageReplyDays === "—" ? "" : `，平均答复用时${o.averageReplyDays}天`;
  const out = [
    `截至${displayDate(r.today)}，已答复${o.replied}件，${overdueAndSecondRound(o)}，按期答复率${o.onTimeRate}（含二次办理）。` +
      `答复中，A类（已解决或采纳）${o.classes.A}件、B类（正在解决或列入计划）${o.classes.B}件、` +
      `C类（因条件限制暂时无法解决）${o.classes.C}件、D类（留作参考）${o.classes.D}件${avg}。`,
    `代表对办理情况测评${o.rated}件，其中满意${o.satisfied}件（${o.satisfiedShare}）、` +
      `基本满意${o.basicallySatisfied}件（${o.basicallySatisfiedShare}）、不满意${o.unsatisfied}件，` +
      `满意率${o.satisfactionRate}。已解决（A类及已落实的B类）${o.solved}件，解决率${o.solveRate}。`,
  ];
  if (o.extensions > 0) out.push(`经批准延期办理的建议${o.extensions}件。`);
  const k = r.contacts;
  if (k)
    out.push(
      k.total === 0
        ? "本年度建议尚无承办单位与代表沟通联系的记录。"
        : `承办单位与代表沟通联系${k.total}次（${list(k.byStage, "次")}），方式为${list(k.byMethod, "次")}，` +
            `代表本人参加${k.deputyJoined}次；首轮答复前开展办前联系的比例（沟通率）为${o.contactRate}。`,
    );
  const visits = visitsSentence(r);
  if (visits) out.push(visits);
  const p = r.opinions;
  if (p) out.push(`各代表联络站收集群众意见${p.received}条，转化为建议${p.converted}条。`);
  return out;
}

/** “附表4”: the appendix table a sentence refers to, numbered as reportTables numbers them. */
function appendixName(tables: readonly ReportTable[], key: ReportTable["key"]): string {
  const i = tables.findIndex((t) => t.key === key);
  return i < 0 ? "附表" : `附表${i + 1}`;
}

function crossYear(r: YearReport, tables: readonly ReportTable[]): string[] {
  const c = r.carriedOver;
  const carried =
    c.items.length === 0
      ? "往年没有转入本年度的跨年督办建议。"
      : `往年转入的跨年督办建议${c.items.length}件，已办结${c.finished}件，仍在办理${c.open}件（见${appendixName(tables, "carried")}）。`;
  return [carried, `本年度建议中列入跨年督办的${r.totals.crossYear}件。`];
}

function commendation(r: YearReport): string[] {
  const out = [
    r.excellent.length === 0
      ? "本年度尚未评选优秀建议。"
      : `评选优秀建议${r.excellent.length}件：${r.excellent.map((e) => `${e.leadDeputy}代表领衔的《${e.title}》`).join("；")}。`,
  ];
  if (r.commendedUnits && r.commendedUnits.length > 0)
    out.push(`经常委会测评，${r.commendedUnits.join("、")}被评为先进承办单位。`);
  // 前列 names the best five that are not graded 差 (nor ungraded): a unit graded 差 read as praise.
  const leading = (r.assessment ?? []).filter((a) => a.grade !== LOWEST_GRADE && a.grade !== NO_RATE);
  if (leading.length > 0)
    out.push(
      `承办单位测评前列：${leading
        .slice(0, 5)
        .map((a) => `${a.unit}（${a.score}分，${a.grade}）`)
        .join("、")}。`,
    );
  return out;
}

/**
 * The text of the 代表建议办理情况报告 drafted from the figures, as the page prints it and the .docx
 * carries it: staff edit the draft (the last part is theirs to write). `tables`: the report's
 * appendix (reportTables), passed by a caller that has it already.
 */
export function reportNarrative(r: YearReport, tables: readonly ReportTable[] = reportTables(r)): Narrative {
  return {
    title: `关于${r.year}年代表建议办理情况的报告`,
    addressee: ADDRESSEE,
    opening: `现将${r.year}年代表建议办理情况报告如下：`,
    sections: [
      { heading: "一、基本情况", paragraphs: basics(r) },
      { heading: "二、办理情况", paragraphs: handling(r) },
      { heading: "三、跨年督办", paragraphs: crossYear(r, tables) },
      { heading: "四、优秀建议和先进承办单位", paragraphs: commendation(r) },
      { heading: "五、存在的问题和下一步工作", paragraphs: [STAFF_WRITES] },
    ],
    notes:
      r.excludedForErrors !== null && r.excludedForErrors > 0
        ? [`注：${footnoteText(r.excludedForErrors)}。`]
        : [],
    attachments: tables.map((t) => t.title.replace(/^附表\d+　/, "")),
    signature: SIGNATURE,
    dated: DATED,
  };
}
