import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { LedgerEvaluation } from "../../domain/evaluate-ledger";
import type { Problem } from "../../domain/problems";
import {
  cellsByHeader,
  type HistoryPlan,
  type HistoryRow,
  planHistory,
  removedRowProblems,
  type Snapshot,
} from "../../domain/sync/plan-history";
import { planLedgerWrites, staffColumnsOf } from "../../domain/sync/plan-ledger";
import { planTabRewrite, type TabRewrite } from "../../domain/sync/plan-tab-rewrite";
import type { LayoutOptions, PlannedWrite } from "../../domain/sync/remap";
import type { SheetRead } from "./read-sheet";
import { problemsTabValues, relabelProblems } from "./tabs";

export interface SyncWritePlan {
  ledgerWrites: PlannedWrite[];
  layout: LayoutOptions;
  tabRewrites: TabRewrite[];
  skippedTabs: { tab: string; reason: string }[];
  problemCount: number;
  /** Every problem, as the 校验问题 tab holds them after this sync. */
  problems: Problem[];
  /** The history to keep, given which new-编号 rows really received their number. */
  history(assignedRows: ReadonlySet<number>): HistoryPlan;
}

export interface PlanInput {
  evaluation: LedgerEvaluation;
  read: SheetRead;
  newIds: { byRow: ReadonlyMap<number, string>; renamed: ReadonlyMap<string, string> };
  snapshots: ReadonlyMap<string, Snapshot>;
  /** Problems found outside the sheet (e.g. form submissions that could not be placed). */
  extraProblems: readonly Problem[];
}

const EMPTY_HISTORY: HistoryPlan = { upserts: [], seen: [], audits: [], removedIds: [] };

/** A system tab is rewritten when it exists and is empty or has the expected headers. */
function systemTabRewrite(
  input: PlanInput,
  tab: string,
  desired: (string | number)[][],
  skipped: SyncWritePlan["skippedTabs"],
) {
  const current = input.read.values[tab];
  if (current === undefined) {
    skipped.push({ tab, reason: `缺少工作表『${tab}』：请运行 npm run sheet:init 补齐` });
    return null;
  }
  const status = input.evaluation.tabs[tab as keyof LedgerEvaluation["tabs"]];
  if (current.length > 0 && !status?.readable) {
    skipped.push({ tab, reason: status?.reason ?? `『${tab}』表头无法识别` });
    return null;
  }
  return planTabRewrite(tab, current, desired);
}

/** Everything one sync will write and remember, computed from the read alone. */
export function planSyncWrites(input: PlanInput): SyncWritePlan {
  const { evaluation, newIds, snapshots } = input;
  const skippedTabs: SyncWritePlan["skippedTabs"] = [];
  for (const tab of input.read.missingTabs) skippedTabs.push({ tab, reason: `缺少工作表『${tab}』` });
  const ledgerStatus = evaluation.tabs[TAB_NAMES.ledger];
  const columns = ledgerStatus.readable ? ledgerStatus.columns : null;
  if (!columns && !input.read.missingTabs.includes(TAB_NAMES.ledger)) {
    skippedTabs.push({ tab: TAB_NAMES.ledger, reason: ledgerStatus.reason ?? "表头无法识别" });
  }

  const ledger = columns
    ? planLedgerWrites(evaluation.rows, columns, newIds.byRow)
    : { writes: [], assigned: [] };
  const staffColumns = columns ? staffColumnsOf(columns) : [];
  const presentIds = new Set(
    evaluation.rows.filter((r) => !r.blank && !r.newId && r.id).map((r) => r.id as string),
  );
  const removed = columns ? [...snapshots.values()].filter((s) => !presentIds.has(s.id)) : [];
  const problems = relabelProblems(
    [...evaluation.problems, ...removedRowProblems(removed, TAB_NAMES.ledger), ...input.extraProblems],
    newIds.renamed,
  );
  const tabRewrites = [
    systemTabRewrite(input, TAB_NAMES.problems, problemsTabValues(problems), skippedTabs),
    systemTabRewrite(input, TAB_NAMES.statistics, evaluation.statistics.tabValues, skippedTabs),
  ].filter((r): r is TabRewrite => r !== null);

  const idCount = new Map<string, number>();
  for (const r of evaluation.rows)
    if (r.id && !r.newId && !r.blank) idCount.set(r.id, (idCount.get(r.id) ?? 0) + 1);

  return {
    ledgerWrites: ledger.writes,
    layout: { idHeader: "编号", staffHeaders: staffColumns.map((c) => c.header) },
    tabRewrites,
    skippedTabs,
    problemCount: problems.length,
    problems,
    history(assignedRows) {
      if (!columns) return EMPTY_HISTORY;
      const rows: HistoryRow[] = [];
      const idsInSheet = new Set<string>();
      for (const r of evaluation.rows) {
        if (r.blank) continue;
        const assigned = assignedRows.has(r.rowNumber) ? newIds.byRow.get(r.rowNumber) : undefined;
        const id = assigned ?? (r.newId ? undefined : r.id);
        if (id) idsInSheet.add(id);
        // A 编号 typed on two rows has no snapshot of its own until staff fix it (the summary shows both).
        if (!id || (!assigned && idCount.get(id) !== 1)) continue;
        const staffValues = cellsByHeader(r.raw, staffColumns);
        if (assigned) staffValues.编号 = assigned;
        const systemValues = {
          办理期限: r.computed.dueDate,
          台账状态: r.computed.status,
          校验问题: r.computed.problems,
        };
        rows.push({ id, rowNumber: r.rowNumber, staffValues, systemValues });
      }
      return planHistory(rows, snapshots, idsInSheet);
    },
  };
}
