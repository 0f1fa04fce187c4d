import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { arrangementMissingMessages } from "../../domain/calendar-fallback";
import type { LedgerFigures } from "../../domain/figures/part-figures";
import { noticeRecipientProblems } from "../../domain/notices/recipient-problems";
import { PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import { orderPracticeProblems } from "../../domain/practice/practice-problems";
import { withPracticeSinceProblem } from "../../domain/practice/practice-since";
import { type Problem, ProblemSink } from "../../domain/problems";
import type { EvaluatedLedger } from "../../domain/summary/evaluated";
import { isMergeProblem, mergeProblems } from "../../domain/sync/merge-problems";
import { removedRowProblems, type Snapshot } from "../../domain/sync/plan-history";
import type { InboxEntry } from "../../store/inbox";
import type { Objection } from "../../store/objections";
import { inboxProblems, objectionProblems } from "./inbox-followup";
import type { ChunkResult, SyncContext } from "./sync-context";

/*
 * The whole run's 校验问题, gathered from the plan, the chunks and what only the finish knows
 * (vanished rows, submissions not in the sheet, objections, unreachable recipients), in the
 * order staff read them: the ledger first, then the small tabs, the settings and the system's own.
 */

/**
 * 节假日's 提醒 of the years with no arrangement, one a year, with the suggestions whose 办理期限 is
 * 暂定 by it counted over every chunk (as the rows say nothing of it themselves).
 */
function calendarProblems(results: readonly ChunkResult[]): readonly Problem[] {
  const sink = new ProblemSink(TAB_NAMES.holidays);
  for (const message of arrangementMissingMessages(results)) sink.warn(null, message);
  return sink.list;
}

/**
 * What the last run that read the ledger was told by its chunks, by finishProblems' group: a run
 * that cannot read it (a header renamed or missing, the 编号 column cleared) runs no chunk, and
 * lists these again from the problems the last finish stored. Staff took a 校验问题 emptied of
 * them for "all fixed", and they are as true as the pages and the figures, which go on from the
 * same read. Nothing is said anew of rows not read.
 */
export interface LastRead {
  /** The ledger's rows: 错误 and 提醒 of a row, held writes (the chunks' problems). */
  readonly rows: readonly Problem[];
  /** 沟通记录, 延期申请 and 协办意见 rows as their suggestion's chunk told them (relatedProblems). */
  readonly related: readonly Problem[];
  /** 节假日's 提醒s of the years the chunks' deadlines ran into unentered (calendarProblems). */
  readonly calendar: readonly Problem[];
}

export const NOTHING_READ: LastRead = { rows: [], related: [], calendar: [] };

const PRACTICE_TABS: ReadonlySet<string> = new Set(PRACTICE_RECORD_TABS);

/**
 * Which of `stored` (the last finish's 校验问题 as JSON) came from the chunks, told by where each is
 * said, not by its words. The ledger's rows: among the ledger's problems the list opens with (its
 * header's, its merges', its rows'), those of a row but the merges' (the run's own, as the header's).
 * The ledger's rows named later are the finish's own (unreachable leaders, after 设置's 提醒 of the
 * empty 周报接收人 that makes them). A practice row's with a 编号: its suggestion's chunk names it
 * (checkSuggestionPractice), where the practice step reports rows of no suggestion from their own
 * sinks, which know none. The 提醒s of the whole 节假日 (one a year not entered): the plan's are its header's and rows', or
 * the tab missing (an 错误).
 */
export function lastReadProblems(stored: string | null): LastRead {
  if (!stored) return NOTHING_READ;
  const list = JSON.parse(stored) as Problem[];
  const others = list.findIndex((p) => p.tab !== TAB_NAMES.ledger);
  return {
    rows: (others < 0 ? list : list.slice(0, others)).filter(
      (p) => p.row !== null && p.row > 1 && !isMergeProblem(p),
    ),
    related: list.filter((p) => PRACTICE_TABS.has(p.tab) && p.row !== null && p.id !== null),
    calendar: list.filter((p) => p.tab === TAB_NAMES.holidays && p.row === null && p.level === "提醒"),
  };
}

/** What a problem says where, its 编号 aside: the same problem from two runs. */
const said = (p: Problem) => JSON.stringify([p.tab, p.row, p.column, p.level, p.message]);

/**
 * 沟通记录, 延期申请 and 协办意见 while the ledger is skipped. The practice step checks all their rows
 * then, knowing no suggestion's: a row's own problems are said anew, without the 编号 (with the
 * ledger read, the suggestion's chunk adds it). The last read's same problem gives it back its 编号
 * and is not said twice; the last read's others are rows against their suggestion, which nothing
 * checks again until the ledger is read.
 */
function practiceWhileSkipped(anew: readonly Problem[], lastRead: readonly Problem[]): Problem[] {
  const stored = new Map<string, Problem[]>();
  for (const p of lastRead) stored.set(said(p), [...(stored.get(said(p)) ?? []), p]);
  const own = anew.map((p) => {
    const before = stored.get(said(p))?.shift();
    return before && p.id === null ? { ...p, id: before.id } : p;
  });
  return orderPracticeProblems(own, [...stored.values()].flat());
}

/**
 * The 通知模板 problems the latest daily notices run found while rendering (stored by it as
 * META_NOTICE_TEMPLATE_PROBLEMS: { today, problems }, "" when none), each saying the day it was found:
 * the sync cannot see them (a text renders empty only in some notices), and staff would otherwise
 * never learn their row went out as the built-in text.
 */
export function foundWhileSending(stored: string | undefined): Problem[] {
  if (!stored) return [];
  const { today, problems } = JSON.parse(stored) as { today: string; problems: Problem[] };
  return problems.map((p) => ({ ...p, message: `${p.message}（${today} 发送通知时发现）` }));
}

/** 通知模板's and 节假日's problems, with those found while sending after 通知模板's own. */
function withFoundWhileSending(configTabs: readonly Problem[], found: readonly Problem[]): Problem[] {
  const templates = configTabs.filter((p) => p.tab === TAB_NAMES.templates);
  return [...templates, ...found, ...configTabs.filter((p) => p.tab !== TAB_NAMES.templates)];
}

/** Every problem of the run, in 校验问题's order; `shares` null while a part has none (`view` from the rows). */
export function finishProblems(
  context: SyncContext,
  results: readonly ChunkResult[],
  removed: readonly Snapshot[],
  /** The advice for a vanished 编号 a row holds under another (renumberedAdvice), by 编号. */
  renumbered: ReadonlyMap<string, string>,
  outstanding: readonly InboxEntry[],
  objections: readonly Objection[],
  shares: LedgerFigures | null,
  view: EvaluatedLedger,
  /** What the last read's chunks said, while this run skipped the ledger (lastReadProblems). */
  lastRead: LastRead = NOTHING_READ,
  /** The 通知模板 problems the latest notices run found while sending (foundWhileSending). */
  sending: readonly Problem[] = [],
  /** Suggestions whose round got two different replies lately (differingReplies). */
  differing: readonly Problem[] = [],
): Problem[] {
  const { planProblems } = context;
  const read = context.ledgerSkipped === null;
  // A 建议台账 deleted (or renamed) has no rows to point at: its one 错误 says how to get it back,
  // and the last read's problems come back with it. A header renamed, or the 编号 column cleared,
  // leaves the rows where staff look: their problems stay listed.
  const kept = context.header ? lastRead : NOTHING_READ;
  return [
    // What stops the ledger being read first: it is what staff fix first.
    ...planProblems.ledgerHeader,
    ...(context.header ? mergeProblems(context.ledgerMerges ?? [], context.header) : []),
    ...(read ? results.flatMap((r) => r.problems) : kept.rows),
    ...planProblems.smallTabs,
    // A run planned before practice.md's tabs has none of these (its context is older).
    ...(read
      ? orderPracticeProblems(
          planProblems.practiceTabs ?? [],
          results.flatMap((r) => r.relatedProblems ?? []),
        )
      : practiceWhileSkipped(planProblems.practiceTabs ?? [], kept.related)),
    ...(planProblems.evaluationTabs ?? []),
    ...withFoundWhileSending(planProblems.configTabs ?? [], sending),
    ...(read ? calendarProblems(results) : kept.calendar),
    ...withPracticeSinceProblem(planProblems.settings, context.practiceSince, context.today),
    ...planProblems.systemTabs,
    ...removedRowProblems(removed, TAB_NAMES.ledger, renumbered),
    ...inboxProblems(outstanding),
    ...differing,
    ...objectionProblems(objections),
    ...(shares?.recipientProblems(view) ?? noticeRecipientProblems(view)),
  ];
}
