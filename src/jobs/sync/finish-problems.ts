import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { arrangementMissingMessage } from "../../domain/calendar-fallback";
import type { LedgerFigures } from "../../domain/figures/part-figures";
import { noticeRecipientProblems } from "../../domain/notices/recipient-problems";
import { orderPracticeProblems } from "../../domain/practice/practice-problems";
import { type Problem, ProblemSink } from "../../domain/problems";
import type { EvaluatedLedger } from "../../domain/summary/evaluated";
import { mergeProblems } from "../../domain/sync/merge-problems";
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
): Problem[] {
  const { planProblems } = context;
  return [
    ...planProblems.ledgerHeader,
    ...(context.header ? mergeProblems(context.ledgerMerges ?? [], context.header) : []),
    ...results.flatMap((r) => r.problems),
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
