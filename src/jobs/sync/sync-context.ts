import type { IdIndex } from "../../domain/evaluate-chunk";
import { hash53 } from "../../domain/hash";
import type { PracticeSinceSetting } from "../../domain/practice/practice-since";
import type { Problem } from "../../domain/problems";
import type { GridMerge } from "../../domain/sync/merge-problems";

/**
 * What a sync run's plan learnt, carried (as JSON in sync_runs.context) to each of its chunks and
 * its finish, which may run in other invocations: the Workers Free plan gives each 10 ms of CPU, so
 * a large ledger is synced a few hundred rows at a time.
 */
export interface SyncContext {
  readonly trigger: string;
  /** When the run started (epoch ms) and its local day in 设置 时区. */
  readonly startedMs: number;
  readonly today: string;
  /** The ledger's header row as read; null when the tab is missing or unreadable. */
  readonly header: string[] | null;
  /** Why the ledger cannot be synced (missing tab, headers not matched), else null. */
  readonly ledgerSkipped: string | null;
  /** Sheet rows 2..lastRow hold the ledger's data (as far as its required columns show). */
  readonly lastRow: number;
  /** First sheet row of each chunk; a chunk runs to the next one's start (the last to lastRow). */
  readonly chunkStarts: number[];
  readonly ids: IdIndex;
  /** Problems found by the plan, by where the 校验问题 tab lists them (the ledger's rows come from the chunks). */
  readonly planProblems: {
    readonly ledgerHeader: Problem[];
    /** 承办单位, 代表, 领导 (and a note on practice tabs the sheet lacks), in that order. */
    readonly smallTabs: Problem[];
    /** 沟通记录, 延期申请, 协办意见: their rows alone (each against its suggestion comes from the chunks). */
    readonly practiceTabs?: Problem[];
    /** 民意 and 常委会测评 (absent in a run planned before them). */
    readonly evaluationTabs?: Problem[];
    /** 通知模板, 节假日. */
    readonly configTabs?: Problem[];
    readonly settings: Problem[];
    readonly systemTabs: Problem[];
  };
  /** Rows the system tabs' grids have (from the plan's read), to grow one before writing past it. */
  readonly systemGrid: Readonly<Record<string, number>>;
  /** System tabs that cannot be written, and why. */
  readonly skippedTabs: { tab: string; reason: string }[];
  /** Rows of content the system tabs hold now (their first column's length), to blank what is left over. */
  readonly systemRows: Readonly<Record<string, number>>;
  /** The small tabs changed since the last sync (the dashboard's data then has a new version). */
  readonly tabsChanged: boolean;
  /** 设置 时区 and 编号格式 as read. */
  readonly timeZone: string;
  readonly idFormat: string;
  /**
   * 设置 启用日期 and its row, for the finish's 提醒 of a date after the run's day (a kept plan may
   * stand on a later day, so the plan does not say it). Absent in a run planned by an older build.
   */
  readonly practiceSince?: PracticeSinceSetting | null;
  /**
   * Digest of the small tabs as read, and after the practice step of the practice tabs too (a
   * chunk's stored evaluation holds only for the same tabs).
   */
  readonly tabsDigest: string;
  /** Digest of the small tabs alone (their context is built once per isolate: smallTabsContext). */
  readonly smallTabsDigest?: string;
  /** Optional tabs the plan found missing (领导), named with the practice tabs' in one 提醒. */
  readonly missingTabs: string[];
  /** The practice step has read 沟通记录, 延期申请 and 协办意见 into D1 and the digest. */
  readonly practiceRead?: boolean;
  /**
   * The merged cells of 建议台账 as this run found them (read every run, beside the plan's read: a
   * merge in a column the plan does not read leaves its answer as it was). Absent in a run planned
   * by an older build.
   */
  readonly ledgerMerges?: GridMerge[];
  /** Sheets calls the plan spent (the run's total adds each chunk's and the finish's). */
  readonly planCalls: number;
}

/** One chunk's outcome, kept until the run finishes (sync_chunks.result). */
export interface ChunkResult {
  /** Non-blank rows the chunk evaluated, and the 编号 they carry now (new ones included). */
  readonly rows: number;
  readonly ids: string[];
  /**
   * Rows read with a 编号 where the plan's index has it, -1 when one is elsewhere (placedRows):
   * the finish adds them up (seenOnce). Absent in a result stored by an older build.
   */
  readonly placed?: number;
  readonly problems: Problem[];
  /** Problems of the 沟通记录, 延期申请 and 协办意见 rows of this chunk's suggestions. */
  readonly relatedProblems?: Problem[];
  /**
   * Digest of the problems, related problems, unknown years and 暂定 counts (problemsDigestOf), so the finish
   * compares its inputs without writing every chunk's problems out again. Absent in a result stored
   * by an older build.
   */
  readonly problemsDigest?: string;
  readonly cellsWritten: number;
  readonly held: number;
  readonly heldSample: { header: string; reason: string }[];
  readonly repairedCells: number;
  readonly assignedIds: string[];
  /** The summary part this chunk stored changed (pages then see a new version). */
  readonly partChanged: boolean;
  readonly unknownYears: number[];
  /**
   * The chunk's suggestions with a 暂定 办理期限, per year with no arrangement ([year, rows]): the
   * finish adds the chunks' up into 节假日's one 提醒 a year. Absent in a result stored by an older build.
   */
  readonly provisionalDue?: [year: number, rows: number][];
  readonly sheetsCalls: number;
  /** The chunk's input was as a steady earlier run left it: its stored result was reused, nothing checked. */
  readonly reused: boolean;
}

/** What a chunk's result says about its rows' problems, as one short text (ChunkResult.problemsDigest). */
export function problemsDigestOf(
  result: Pick<ChunkResult, "problems" | "relatedProblems" | "unknownYears" | "provisionalDue">,
): string {
  const { problems, relatedProblems, unknownYears, provisionalDue } = result;
  return `q${hash53(JSON.stringify([problems, relatedProblems ?? [], unknownYears, provisionalDue ?? []]))}`;
}

/**
 * The chunk found the sheet already showing what its evaluation wants there: nothing written, held
 * or put back, no 编号 handed out. Its input is then steady (the next sync may reuse the result),
 * and with its part unchanged the finish may take it as stored.
 */
export function leftSheetAsIs(
  result: Pick<ChunkResult, "cellsWritten" | "held" | "repairedCells" | "assignedIds">,
): boolean {
  return (
    result.cellsWritten === 0 &&
    result.held === 0 &&
    result.repairedCells === 0 &&
    result.assignedIds.length === 0
  );
}
