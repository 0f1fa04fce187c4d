import type { DeputyRecordRow } from "../domain/dashboard/deputy-records";
import type { OverviewFigures } from "../domain/dashboard/overview";
import type { Drawable, SamplingCounts } from "../domain/dashboard/sample-candidates";
import type { Scoreboard } from "../domain/dashboard/scoreboard";
import type { SuggestionRef } from "../domain/dashboard/suggestion-ref";
import type { YearReport } from "../domain/dashboard/year-report";
import type { Assessment } from "../domain/evaluation/assessment";
import type { DigestFigures } from "../domain/notices/digest";
import type { MetaStore } from "./meta";

/** The figures the sync's finish works out once for the pages that show only figures and short lists. */
export interface PageFigures {
  /** The summary version (META_SUMMARY) they were worked out from. */
  readonly version: string;
  readonly overview: OverviewFigures;
  readonly units: Scoreboard;
  readonly deputies: readonly DeputyRecordRow[];
  /** 单位测评 of every year with suggestions, latest first (as the 单位测评 tab has them). */
  readonly assessments: readonly Assessment[];
  /**
   * Each of those years' 优秀建议 (the commendations draft lists them), by year. Absent from figures
   * an older build stored (the page then reads the stored rows).
   */
  readonly excellent?: Readonly<Record<string, readonly SuggestionRef[]>>;
  /**
   * The sampling form's years and how many suggestions may be drawn in each. Absent from figures an
   * older build stored (the form then reads the stored rows).
   */
  readonly sampling?: SamplingCounts;
  /**
   * The suggestions that may be drawn for 回访 (a draw and a sample's page read these, not the
   * rows). Absent from figures an older build stored (those then read the stored rows).
   */
  readonly drawable?: readonly Drawable[];
  /** 设置 测评权重 and 测评等次, which the assessment page states. */
  readonly assessmentSettings: {
    readonly weights: Readonly<Record<string, number>>;
    readonly grades: readonly (readonly [string, number])[];
  };
}

/**
 * The mark of the last finish's figures: `{"version":…}` alone, written after every group and
 * report, so its version says the figures of that version are all stored.
 */
export const META_PAGE_FIGURES = "page_figures";

/**
 * The groups PageFigures is stored in, one meta value each, so a page reads and parses only what it
 * shows (the overview's few figures, not every deputy's record: about 3 ms of a page's CPU per
 * 100,000 characters read from D1, bench/clock-floor.ts).
 */
export const FIGURE_GROUPS = {
  overview: ["overview"],
  units: ["units"],
  deputies: ["deputies"],
  assessments: ["assessments", "excellent", "assessmentSettings"],
  sampling: ["sampling"],
  draw: ["drawable"],
} as const satisfies Record<string, readonly (keyof Omit<PageFigures, "version">)[]>;

export type FigureGroup = keyof typeof FIGURE_GROUPS;

/** One group's figures: the fields of PageFigures it holds. */
export type GroupFigures<G extends FigureGroup> = Pick<PageFigures, (typeof FIGURE_GROUPS)[G][number]>;

const groupKey = (group: FigureGroup) => `${META_PAGE_FIGURES}:${group}`;

/** How a stored value starts when it is of this version: read without parsing the rest. */
const prefixOf = (version: string) => `{"version":${JSON.stringify(version)}`;

/** The stored figures are of this summary version. */
export function figuresAreOf(stored: string | null, version: string | undefined): boolean {
  if (version === undefined || stored === null) return false;
  const prefix = prefixOf(version);
  // The version is followed by the value's other fields, or ends the mark.
  return stored.startsWith(prefix) && (stored[prefix.length] === "," || stored[prefix.length] === "}");
}

/** Figures of this summary version are stored (D1 compares the start: nothing else is read). */
export async function figuresStoredFor(meta: MetaStore, version: string | undefined): Promise<boolean> {
  return version !== undefined && (await meta.startsWith(META_PAGE_FIGURES, `${prefixOf(version)}}`));
}

/**
 * Stores these groups of the page figures of `version` (with the 督办周报's figures when given),
 * one D1 batch, unless every figure of that version is stored already (then `work` is not called);
 * true when it wrote. With the assessments group and the figures' day, the same batch keeps each
 * earlier year's 单位测评 that has no year-end copy yet (yearEndCopies). No mark: saveYearReports,
 * the last of the steps, writes it.
 */
export async function savePageFigures<G extends FigureGroup>(
  meta: MetaStore,
  version: string,
  groups: readonly G[],
  work: () => Promise<{
    figures: GroupFigures<G>;
    /** What the 督办周报 says of the ledger (absent: the digest step reads the rows). */
    digest?: DigestFigures;
    /** Each year's deputies' records, by year (absent or null: /deputies?year= works them out). */
    deputyYears?: Readonly<Record<string, readonly DeputyRecordRow[]>> | null;
    /** The day the figures are worked out for (the summary's): keeps 单位测评's year-end copies. */
    today?: string;
  }>,
  at: string,
): Promise<boolean> {
  if (await figuresStoredFor(meta, version)) return false;
  const { figures, digest, deputyYears, today } = await work();
  const fields = figures as Partial<Omit<PageFigures, "version">>;
  const assessments = fields.assessments ?? [];
  const years = assessments.map((a) => a.year);
  const keptAssessments = await yearEndCopies(
    meta,
    "assessments",
    today,
    assessments,
    (assessment): Omit<YearEndAssessment, "asOf"> => ({
      years,
      assessment,
      excellent: fields.excellent?.[String(assessment.year)] ?? [],
      settings: fields.assessmentSettings ?? { weights: {}, grades: [] },
    }),
  );
  await meta.setMany(
    [
      ...groups.map(
        (group) =>
          [
            groupKey(group),
            JSON.stringify({
              version,
              ...Object.fromEntries(FIGURE_GROUPS[group].map((field) => [field, fields[field]])),
            }),
          ] as const,
      ),
      ...(digest ? [[DIGEST_KEY, JSON.stringify({ version, digest })] as const] : []),
      ...Object.entries(deputyYears ?? {}).map(
        ([year, deputies]) => [deputyYearKey(Number(year)), JSON.stringify({ version, deputies })] as const,
      ),
      ...keptAssessments,
    ],
    at,
  );
  return true;
}

/**
 * Stores each year's report of `version` (latest first; the latest with a suggestion counted is also
 * the page's default) and, in the same batch, the year-end copy of each earlier year that has none
 * (yearEndCopies),
 * unless every figure of that version is stored already (then `work` is not called); true when it
 * wrote. The reports go first, one D1 batch, then the mark: its version says the page figures
 * (stored by the steps before) and the reports are all of that version, so a step stopped between
 * the two is done again by the next sync's finish.
 */
export async function saveYearReports(
  meta: MetaStore,
  version: string,
  work: () => Promise<readonly YearReport[]>,
  at: string,
): Promise<boolean> {
  if (await figuresStoredFor(meta, version)) return false;
  const reports = await work();
  const years = reports.map((r) => r.year);
  const reportEntry = (report: YearReport) => JSON.stringify({ version, years, report });
  // The pages' default, by defaultYearOf's rule (reports latest first): the latest year with a
  // suggestion of its own replied to, else with one assigned, else the latest. In January the new
  // year's first suggestions, assigned and not replied to, do not turn /report and /assessment to a
  // year with nothing to report while the office writes last year's.
  const shown =
    reports.find((r) => r.overall.replied > 0) ?? reports.find((r) => r.overall.assigned > 0) ?? reports[0];
  if (shown)
    await meta.setMany(
      [
        ...reports.map((report) => [reportKey(report.year), reportEntry(report)] as const),
        [reportKey(null), reportEntry(shown)] as const,
        ...(await yearEndCopies(meta, "report", reports[0]?.today, reports, (report) => ({ years, report }))),
      ],
      at,
    );
  // `version` first: figuresAreOf reads it from the start of the text. The mark goes last.
  await meta.set(META_PAGE_FIGURES, JSON.stringify({ version }), at);
  return true;
}

/*
 * A past year's report as it stood at the year's end. The report of a year keeps moving after 31
 * December (its late suggestions fall due, replies and 测评 come in), while the report printed for
 * the 主任会议 in January must be printable again in spring with the same figures. So the first
 * finish whose day (the reports' `today`) is in a later year keeps each earlier year's report once,
 * as it then stood, and never overwrites it: on 1 January for an office that syncs daily, on the
 * first sync for one deployed later (the pages say that day, never 31 December).
 */

/**
 * What a year-end copy is kept of: the year report (saveYearReports) and 单位测评 (savePageFigures'
 * assessments group: its ranking and 等次, on which the 表彰 is decided, move the same way).
 */
export type YearEndKind = "report" | "assessments";

/** Which years have a year-end copy, and the day each was kept (`{"2026":"2027-01-01"}`): small. */
const yearEndIndex = (kind: YearEndKind) => `${META_PAGE_FIGURES}:${kind}-year-end`;

/** Where a year's year-end copy is kept (`{ asOf, years, report }`, `{ asOf, years, assessment, … }`). */
const yearEndKey = (kind: YearEndKind, year: number) => `${yearEndIndex(kind)}:${year}`;

/** Each year's year-end copy and the day it was kept, by year (JSON of a yearEndIndex). */
type YearEndIndex = Readonly<Record<string, string>>;

const parseIndex = (stored: string | undefined | null): YearEndIndex =>
  stored ? (JSON.parse(stored) as YearEndIndex) : {};

/**
 * The entries that keep the items (a year's report or 单位测评, as `copy` writes it) of years before
 * `today`'s that have no year-end copy yet, with the index naming them; none when each has one. One
 * query (the index, not the copies: they are as large as the figures), no Sheets call.
 */
async function yearEndCopies<T extends { readonly year: number }>(
  meta: MetaStore,
  kind: YearEndKind,
  today: string | undefined,
  items: readonly T[],
  copy: (item: T) => object,
): Promise<(readonly [string, string])[]> {
  if (today === undefined || items.length === 0) return [];
  const thisYear = Number(today.slice(0, 4));
  const index = parseIndex((await meta.getMany([yearEndIndex(kind)])).get(yearEndIndex(kind)));
  const fresh = items.filter((item) => item.year < thisYear && index[String(item.year)] === undefined);
  if (fresh.length === 0) return [];
  const kept = { ...index, ...Object.fromEntries(fresh.map((item) => [String(item.year), today])) };
  return [
    ...fresh.map(
      (item) => [yearEndKey(kind, item.year), JSON.stringify({ asOf: today, ...copy(item) })] as const,
    ),
    [yearEndIndex(kind), JSON.stringify(kept)] as const,
  ];
}

/** A year's report as kept at the year's end: the day it was kept, and the years then reported. */
export interface YearEndReport {
  readonly asOf: string;
  readonly years: readonly number[];
  readonly report: YearReport;
}

/** The year-end copy of `year`'s report; null when none was kept (one query). */
export async function loadYearEndReport(meta: MetaStore, year: number): Promise<YearEndReport | null> {
  const stored = await meta.get(yearEndKey("report", year));
  return stored === null ? null : (JSON.parse(stored) as YearEndReport);
}

/**
 * A year's report as loadStoredReport gives it, with the day that year's year-end copy of `kind` was
 * kept (null: none), in one query: the report page, and 单位测评's (which reads the report for what
 * is still open), say a copy exists without reading it.
 */
export async function loadStoredReportAndYearEnd(
  meta: MetaStore,
  version: string | undefined,
  year: number | null,
  kind: YearEndKind = "report",
): Promise<{
  stored: { years: readonly number[]; report: YearReport } | null;
  yearEndOf: (year: number) => string | null;
}> {
  const key = reportKey(year);
  const values = await meta.getMany([key, yearEndIndex(kind)]);
  const text = values.get(key);
  const index = parseIndex(values.get(yearEndIndex(kind)));
  return {
    stored:
      text !== undefined && figuresAreOf(text, version)
        ? (JSON.parse(text) as { years: number[]; report: YearReport })
        : null,
    yearEndOf: (y) => index[String(y)] ?? null,
  };
}

/**
 * A year's 单位测评 as kept at the year's end: what /assessment, its CSV and the commendations draft
 * show of the year, the years then assessed, and 设置's weights and grades it was worked out with.
 */
export interface YearEndAssessment {
  readonly asOf: string;
  readonly years: readonly number[];
  readonly assessment: Assessment;
  readonly excellent: readonly SuggestionRef[];
  readonly settings: PageFigures["assessmentSettings"];
}

/**
 * The year-end copy of `year`'s 单位测评 (null when none was kept) with the year's report kept the
 * same day (null: none; it says what was then still open), in one query.
 */
export async function loadYearEndAssessment(
  meta: MetaStore,
  year: number,
): Promise<{ kept: YearEndAssessment; report: YearReport | null } | null> {
  const values = await meta.getMany([yearEndKey("assessments", year), yearEndKey("report", year)]);
  const text = values.get(yearEndKey("assessments", year));
  if (text === undefined) return null;
  const kept = JSON.parse(text) as YearEndAssessment;
  const reportText = values.get(yearEndKey("report", year));
  const report = reportText === undefined ? null : (JSON.parse(reportText) as YearEndReport);
  return { kept, report: report?.asOf === kept.asOf ? report.report : null };
}

/** Where the 督办周报's figures are stored. */
const DIGEST_KEY = `${META_PAGE_FIGURES}:digest`;

/**
 * The 督办周报's figures as the finish of `version` stored them; null when there are none of that
 * version (the digest step then reads every row's facts).
 */
export async function loadDigestFigures(
  meta: MetaStore,
  version: string | undefined,
): Promise<DigestFigures | null> {
  const stored = await readOfVersion(meta, DIGEST_KEY, version);
  return stored === null ? null : (JSON.parse(stored) as { digest: DigestFigures }).digest;
}

/**
 * Where a year's deputies' records are stored: one value a year, so /deputies?year= reads that
 * year's (a few hundred deputies), not every year's.
 */
const deputyYearKey = (year: number) => `${META_PAGE_FIGURES}:deputies:${year}`;

/**
 * The deputies' records of a year as the finish of `version` stored them; null when there are none
 * of that version (a year without suggestions, or figures not stored yet: the page works them out).
 */
export async function loadDeputyYear(
  meta: MetaStore,
  version: string | undefined,
  year: number,
): Promise<readonly DeputyRecordRow[] | null> {
  const stored = await readOfVersion(meta, deputyYearKey(year), version);
  return stored === null ? null : (JSON.parse(stored) as { deputies: DeputyRecordRow[] }).deputies;
}

/** Where a year's report is stored (null: the default year's, for a page that names no year). */
const reportKey = (year: number | null) => `${META_PAGE_FIGURES}:report:${year ?? "latest"}`;

/**
 * A year's report as the finish of `version` stored it (the latest year's for null), with the years
 * that have one (the page's year picker); null when there is none of that version.
 */
export async function loadStoredReport(
  meta: MetaStore,
  version: string | undefined,
  year: number | null,
): Promise<{ years: readonly number[]; report: YearReport } | null> {
  const stored = await readOfVersion(meta, reportKey(year), version);
  return stored === null ? null : (JSON.parse(stored) as { years: number[]; report: YearReport });
}

/**
 * The groups this isolate last parsed, each with its version: a leader clicking between the
 * overview and the scoreboard parses each once per sync that changed something.
 */
const parsed = new Map<FigureGroup, { version: string; figures: unknown }>();

/**
 * One group of the stored figures when they are of `version` (the summary the page shows), else
 * null: the page then works them out from the stored rows, as before the first finish of this build.
 */
export async function loadFigures<G extends FigureGroup>(
  meta: MetaStore,
  version: string | undefined,
  group: G,
): Promise<GroupFigures<G> | null> {
  if (version === undefined) return null;
  const known = parsed.get(group);
  if (known?.version === version) return known.figures as GroupFigures<G>;
  const stored = await readOfVersion(meta, groupKey(group), version);
  if (stored === null) return null;
  const figures = JSON.parse(stored) as GroupFigures<G>;
  parsed.set(group, { version, figures });
  return figures;
}

/** The text stored under `key` when it is of `version`, else null (nothing parsed). */
async function readOfVersion(
  meta: MetaStore,
  key: string,
  version: string | undefined,
): Promise<string | null> {
  if (version === undefined) return null;
  const stored = await meta.get(key);
  return stored !== null && figuresAreOf(stored, version) ? stored : null;
}
