import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { LedgerEvaluation } from "../evaluate-ledger";
import { buildLedgerContext, type LedgerContext } from "../ledger-context";
import type { Problem } from "../problems";
import type { StatisticsResult } from "../statistics";
import { statisticsOfRows } from "../statistics-items";
import type { EvaluatedLedger } from "./evaluated";
import {
  type FactTuple,
  loadFacts,
  loadRow,
  type StoredSummaryRow,
  type SummaryRow,
  storeRow,
} from "./summary-row";

/** The stored rows of an evaluation (non-blank rows, in sheet order). */
export function storedRows(evaluation: LedgerEvaluation): StoredSummaryRow[] {
  const indexOf = evaluation.tabs[TAB_NAMES.ledger].columns?.indexOf ?? {};
  return evaluation.rows.filter((r) => !r.blank).map((r) => storeRow(r, indexOf));
}

export interface SummaryInput {
  /** The rows as the sync stored them, whole or as facts. */
  readonly rows: readonly StoredSummaryRow[] | readonly FactTuple[];
  /** The small tabs' raw values (the sync's copy in D1), when no `context` is given. */
  readonly tabs?: Readonly<Partial<Record<string, unknown>>>;
  /** The local date the sync evaluated the rows for. */
  readonly today: string;
  /** The problems the sync wrote to 校验问题. */
  readonly problems: readonly Problem[];
  /** The small tabs as already read (buildLedgerContext of `tabs`), so they are not read twice. */
  readonly context?: LedgerContext;
  /**
   * The statistics as already summed, or how to sum them when first asked for (the steps after the
   * sync's finish add up the parts' shares), not summed again from the rows.
   */
  readonly statistics?: StatisticsResult | (() => StatisticsResult);
}

/**
 * The ledger as the last sync evaluated it, rebuilt from what it stored: no row is checked again
 * (that is the sync's work), only the small tabs are read (and the statistics summed when asked for), so a page or
 * a notice run costs a fraction of an evaluation.
 */
export function ledgerFromSummary(input: SummaryInput): EvaluatedLedger & { rows: readonly SummaryRow[] } {
  const context = input.context ?? buildLedgerContext(input.tabs ?? {});
  const rows = input.rows.map((r) => (Array.isArray(r) ? loadFacts(r) : loadRow(r as StoredSummaryRow)));
  const given = input.statistics;
  let statistics = typeof given === "function" ? undefined : given;
  return {
    today: input.today,
    settings: context.settings,
    calendar: context.calendar,
    units: context.units,
    deputies: context.deputies,
    leaders: context.leaders,
    templates: context.templates,
    practice: (only) => context.practice(only),
    rows,
    // Summed on first use: a page that shows no figure (a personal link's list) never pays for it.
    get statistics() {
      statistics ??=
        typeof given === "function"
          ? given()
          : statisticsOfRows(rows, {
              today: input.today,
              units: context.units,
              categories: context.settings.categories,
            });
      return statistics;
    },
    problems: input.problems,
  };
}

/** A fresh evaluation as the dashboard sees a stored one (tests, and the sync's own use). */
export function summaryOf(evaluation: LedgerEvaluation): EvaluatedLedger & { rows: readonly SummaryRow[] } {
  return { ...evaluation, rows: storedRows(evaluation).map(loadRow) };
}
