import type { Context } from "hono";
import { DEFAULT_TIME_ZONE } from "../../../sheets-schema/settings";
import type { AppEnv } from "../../app";
import { createDeps, type Deps } from "../../deps";
import type { Calendar } from "../../domain/calendar";
import { type DeputyRecordRow, deputyRecords } from "../../domain/dashboard/deputy-records";
import { computeOverview, type OverviewFigures } from "../../domain/dashboard/overview";
import {
  type Drawable,
  drawableOf,
  duplicatedIds,
  type SamplingCounts,
  samplingCounts,
} from "../../domain/dashboard/sample-candidates";
import { type Scoreboard, unitScoreboard } from "../../domain/dashboard/scoreboard";
import type { EvaluatedLedger } from "../../domain/summary/evaluated";
import type { SummaryRow } from "../../domain/summary/summary-row";
import { baseTabsContext, type LedgerView, loadLedgerView, loadRecipientView } from "../../jobs/ledger-view";
import { localDate } from "../../jobs/local-time";
import { parseStamp, type SummaryStamp } from "../../jobs/sync/summary-stamp";
import { META_SUMMARY } from "../../store/meta";
import { type FigureGroup, type GroupFigures, loadFigures } from "../../store/page-figures";
import { type IsUnit, unitCheck } from "./format";
import type { PageFrame } from "./layout";

/** What every page has: the adapters, the frame (who, last sync, today in 设置 时区) and the time. */
export interface PageBase {
  readonly deps: Deps;
  readonly frame: PageFrame;
  readonly nowMs: number;
  /** The stored summary's version (undefined before the first sync): what page figures are checked against. */
  readonly summaryVersion: string | undefined;
  /** The day the stored summary was evaluated for (undefined before the first sync). */
  readonly summaryToday: string | undefined;
  /** Which 主办单位 are units of 承办单位, as the last sync found them (its stamp's misnamedUnits). */
  readonly isUnit: IsUnit;
}

export interface Dashboard extends PageBase {
  readonly view: LedgerView;
  readonly evaluation: EvaluatedLedger & { rows: readonly SummaryRow[] };
}

/** The stamp the sync leaves with its summary: the day it evaluated for, the office's zone, … */
async function summaryStamp(deps: Deps): Promise<SummaryStamp> {
  return parseStamp(await deps.meta.get(META_SUMMARY));
}

/** A page's frame without the ledger (the notices outbox, the problems list): no row is loaded. */
export async function loadFrame(c: Context<AppEnv>, nowMs = Date.now()): Promise<PageBase> {
  const deps = createDeps(c.env);
  const [stamp, lastSync] = await Promise.all([summaryStamp(deps), deps.runs.last()]);
  const timeZone = stamp.timeZone || DEFAULT_TIME_ZONE;
  return {
    deps,
    frame: { staff: c.get("staff"), lastSync, timeZone, today: localDate(nowMs, timeZone) },
    nowMs,
    summaryVersion: stamp.version,
    summaryToday: stamp.today,
    isUnit: unitCheck(stamp.misnamedUnits ?? []),
  };
}

/**
 * The ledger as the last sync evaluated it (from D1: no Sheets quota, no row checked again). Its
 * statuses and days left are as of that sync's day; `frame.today` is today in 设置 时区 for the page.
 * Lists and figures need only the rows' facts; a suggestion's page and the ledger export read them
 * whole.
 */
export async function loadDashboard(
  c: Context<AppEnv>,
  options: {
    detail?: "facts" | "whole";
    nowMs?: number;
    practice?: boolean | { readonly ids: readonly string[] };
    /** The frame when the page has loaded it already. */
    base?: PageBase;
  } = {},
): Promise<Dashboard> {
  const base = options.base ?? (await loadFrame(c, options.nowMs ?? Date.now()));
  const view = await loadLedgerView(base.deps, base.frame.today, options.detail ?? "facts", {
    practice: options.practice,
  });
  return { ...base, view, evaluation: view.evaluation };
}

/**
 * One group's figures as the last sync's finish worked them out, or worked out by `work` from the
 * stored rows when those stored are of another summary version (a build before them, a sync still
 * finishing) or lack the field (an older build's group).
 */
async function storedOrWorkedOut<G extends FigureGroup, T>(
  c: Context<AppEnv>,
  base: PageBase,
  group: G,
  pick: (figures: GroupFigures<G>) => T | undefined,
  work: (evaluation: Dashboard["evaluation"]) => T,
): Promise<T> {
  const stored = await loadFigures(base.deps.meta, base.summaryVersion, group);
  const figures = stored ? pick(stored) : undefined;
  return figures ?? work((await loadDashboard(c, { base })).evaluation);
}

/**
 * The sync's calendar (from the stored 节假日), for a page whose tables show 办理期限: a stored list
 * entry keeps no deadline explanation, so whether its due date is 暂定 is asked of it (refDueText),
 * as a link's lists ask it. Read once per page: the small tabs' context is built once per isolate
 * and tab version (one D1 lookup of the versions when nothing changed), as every link page reads it.
 */
export async function loadCalendar(base: PageBase): Promise<Pick<Calendar, "isYearKnown">> {
  return (await baseTabsContext(base.deps.tabCache)).calendar;
}

/** The overview's figures. */
export const loadOverview = (c: Context<AppEnv>, base: PageBase): Promise<OverviewFigures> =>
  storedOrWorkedOut(c, base, "overview", (f) => f.overview, computeOverview);

/** The deputies' records. */
export const loadDeputyRecords = (c: Context<AppEnv>, base: PageBase): Promise<readonly DeputyRecordRow[]> =>
  storedOrWorkedOut(c, base, "deputies", (f) => f.deputies, deputyRecords);

/** The unit scoreboard. */
export const loadScoreboard = (c: Context<AppEnv>, base: PageBase): Promise<Scoreboard> =>
  storedOrWorkedOut(c, base, "units", (f) => f.units, unitScoreboard);

/**
 * The 年度 filter's choices (/suggestions, /deputies), latest first: the years the last sync's finish
 * stored for the sampling form (reportYears, the year report's own picker: one small meta row), or
 * D1's years of the listed rows while those figures are of another summary version.
 */
export async function loadLedgerYears(base: PageBase): Promise<readonly number[]> {
  const stored = await loadFigures(base.deps.meta, base.summaryVersion, "sampling");
  return stored?.sampling?.years ?? base.deps.summaries.listYears();
}

/** The sampling form's years and counts. */
export const loadSamplingCounts = (c: Context<AppEnv>, base: PageBase): Promise<SamplingCounts> =>
  storedOrWorkedOut(c, base, "sampling", (f) => f.sampling, samplingCounts);

/** The suggestions that may be drawn for 回访 (a draw, a sample's page), as the last sync stored them. */
export const loadDrawable = (c: Context<AppEnv>, base: PageBase): Promise<readonly Drawable[]> =>
  storedOrWorkedOut(
    c,
    base,
    "draw",
    (f) => f.drawable,
    (e) => drawableOf(e.rows, duplicatedIds(e.rows)),
  );

/**
 * The stored ledger cut to the rows that mention one unit or deputy (a mentionKey), for that unit's
 * or deputy's page: D1 picks them by each part's index, so the page parses their rows, not every
 * row of the office. The whole ledger while a part stored by an older build has no index.
 */
export async function loadMentioning(
  c: Context<AppEnv>,
  base: PageBase,
  key: string,
): Promise<EvaluatedLedger & { rows: readonly SummaryRow[] }> {
  const cut = await loadRecipientView(base.deps, { today: base.summaryToday }, base.frame.today, key);
  return cut?.evaluation ?? (await loadDashboard(c, { base })).evaluation;
}
