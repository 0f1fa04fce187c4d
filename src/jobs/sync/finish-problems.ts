import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { arrangementMissingMessage } from "../../domain/calendar-fallback";
import type { LedgerFigures } from "../../domain/figures/part-figures";
import { noticeRecipientProblems } from "../../domain/notices/recipient-problems";
import { orderPracticeProblems } from "../../domain/practice/practice-problems";
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

function calendarProblems(results: readonly ChunkResult[]): readonly Problem[] {
  const years = [...new Set(results.flatMap((r) => r.unknownYears))].sort((a, b) => a - b);
  if (years.length === 0) return [];
  const sink = new ProblemSink(TAB_NAMES.holidays);
  sink.warn(null, arrangementMissingMessage(years));
  return sink.list;
}

/**
 * What the last run that read the ledger said of its rows (错误 and 提醒 of a row, held writes),
 * from the problems the last finish stored (`stored`, its 校验问题 as JSON): a run that cannot read
 * the ledger (a header renamed or missing, the 编号 column cleared) lists them again under the
 * header's problem. Staff took a 校验问题 emptied of them for "all fixed", and they are as true as
 * the pages and the figures, which go on from the same read. Nothing is said anew of rows not read;
 * the header's and the merges' problems are the run's own (worked out again each time).
 */
export function lastReadRowProblems(stored: string | null): Problem[] {
  if (!stored) return [];
  return (JSON.parse(stored) as Problem[]).filter(
    (p) => p.tab === TAB_NAMES.ledger && p.row !== null && p.row > 1 && !isMergeProblem(p),
  );
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
  /** The rows' problems of the last read, while this run skipped the ledger (lastReadRowProblems). */
  lastRead: readonly Problem[] = [],
): Problem[] {
  const { planProblems } = context;
  return [
    // What stops the ledger being read first: it is what staff fix first.
    ...planProblems.ledgerHeader,
    ...(context.header ? mergeProblems(context.ledgerMerges ?? [], context.header) : []),
    ...(context.ledgerSkipped === null ? results.flatMap((r) => r.problems) : lastRead),
    ...planProblems.smallTabs,
    // A run planned before practice.md's tabs has none of these (its context is older).
    ...orderPracticeProblems(
      planProblems.practiceTabs ?? [],
      results.flatMap((r) => r.relatedProblems ?? []),
    ),
    ...(planProblems.evaluationTabs ?? []),
    ...(planProblems.configTabs ?? []),
    ...calendarProblems(results),
    ...planProblems.settings,
    ...planProblems.systemTabs,
    ...removedRowProblems(removed, TAB_NAMES.ledger, renumbered),
    ...inboxProblems(outstanding),
    ...objectionProblems(objections),
    ...(shares?.recipientProblems(view) ?? noticeRecipientProblems(view)),
  ];
}
