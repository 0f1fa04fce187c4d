import { CONVERTED, OPINION_HANDLING } from "../../../sheets-schema/enums";
import { type OpinionRecord, opinionsTab } from "../../../sheets-schema/tabs/evaluation-tabs";
import { byCodePoint } from "../compare-text";
import { isAfterToday } from "../day-horizon";
import { nameKey } from "../directory";
import { openTab, type ParsedRow, readTab } from "../read-tab";

/** One row of 民意 as the dashboard lists it. */
export interface OpinionRow {
  readonly rowNumber: number;
  readonly record: OpinionRecord;
  /** Identifies the row by what it says (not where it is): the convert action finds it again by this. */
  readonly key: string;
  /** An 错误 in the row's own cells as read (a required cell blank, a 日期 or 处理方式 not readable). */
  readonly cellError: boolean;
}

/** What counting an opinion reads of its row. */
export type CountableOpinion = Pick<OpinionRow, "record" | "cellError">;

/**
 * 处理方式 转化为建议 without a 建议编号 that 建议台账 holds (practice.md: a 提醒 until it has one):
 * not yet converted, so not in “转化为建议 N 条”; listed apart so that the counts add up to 收到.
 */
export const NOT_YET_CONVERTED = "转化为建议（建议编号未填或不在台账中）";

export interface OpinionsSummary {
  readonly rows: readonly OpinionRow[];
  /** The rows that count (isCountingOpinion). */
  readonly received: number;
  /** Of them, 转化为建议 with a 建议编号 of 建议台账 (the newsletter's "转化为建议 N 条"). */
  readonly converted: number;
  /** Rows shown but counted nowhere for an 错误 (校验问题 lists it). */
  readonly excluded: number;
  readonly byHandling: readonly { readonly handling: string; readonly count: number }[];
}

/** FNV-1a over the text, twice with different offsets: 16 hex digits, stable across isolates. */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The identity of an opinion: its date, station, receiving deputy and content. */
export function opinionKey(r: Pick<OpinionRecord, "date" | "station" | "deputy" | "content">): string {
  return digest([r.date ?? "", r.station, nameKey(r.deputy), r.content].join("\u0001"));
}

const hasError = (row: ParsedRow<OpinionRecord>) => row.problems.list.some((p) => p.level === "错误");

/** 民意's rows (values as cached or read, header first), newest first; nothing when the tab is absent. */
export function opinionRows(values: unknown[][] | undefined): OpinionRow[] {
  if (!values || values.length === 0) return [];
  const read = readTab(opinionsTab, values);
  if (!read.readable) return [];
  return read.rows
    .filter((row) => !row.blank)
    .map((row) => ({
      rowNumber: row.rowNumber,
      record: row.record,
      key: opinionKey(row.record),
      cellError: hasError(row),
    }))
    .sort((x, y) => byCodePoint(y.record.date ?? "", x.record.date ?? "") || y.rowNumber - x.rowNumber);
}

const inYear = (record: Pick<OpinionRecord, "date">, year: number) =>
  record.date?.startsWith(`${year}-`) ?? false;

/**
 * The rows of 民意 (header first) dated in `year`, read as opinionRows reads them; the other rows are
 * not parsed (a report asks one year after another of a tab of every year). null when the tab is
 * absent or its header cannot be matched (its 错误 is in 校验问题).
 */
export function opinionsOfYear(
  values: readonly (readonly unknown[])[] | undefined,
  year: number,
): CountableOpinion[] | null {
  const opened = openTab(opinionsTab, values);
  if (!values || !opened.readable) return null;
  const picked: (readonly unknown[])[] = [values[0] ?? []];
  opened.eachValue("date", (date, rowNumber) => {
    const row = values[rowNumber - 1];
    if (date !== null && inYear({ date }, year) && row) picked[rowNumber - 1] = row;
  });
  return readTab(opinionsTab, picked)
    .rows.filter((row) => !row.blank)
    .map((row) => ({ record: row.record, cellError: hasError(row) }));
}

/**
 * Whether an opinion counts in 收到 and by 处理方式 (/opinions and the year report): not when its
 * own cells have an 错误, as read or as checkOpinions finds it (日期 after today), as a row with an
 * 错误 counts nowhere else either. 接待代表 missing from 代表 is about another tab: the opinion was
 * still received.
 */
export function isCountingOpinion(opinion: CountableOpinion, today: string): boolean {
  const { date } = opinion.record;
  return !opinion.cellError && date !== null && !isAfterToday(date, today, undefined);
}

/**
 * How a counting opinion was handled: 转化为建议 only with a 建议编号 that `knownId` finds in
 * 建议台账 (null: the ledger could not be asked, the 编号 is taken as it is), else NOT_YET_CONVERTED;
 * otherwise its 处理方式, null when blank.
 */
function handlingOf(record: OpinionRecord, knownId: ((id: string) => boolean) | null): string | null {
  if (record.handling !== CONVERTED) return record.handling;
  const id = record.suggestionId;
  return id && (knownId === null || knownId(id)) ? CONVERTED : NOT_YET_CONVERTED;
}

export interface OpinionTally {
  readonly received: number;
  readonly converted: number;
  /** Opinions left out for an 错误 (isCountingOpinion). */
  readonly excluded: number;
  /** The counting opinions by handlingOf (null: 处理方式 blank). */
  readonly byHandling: ReadonlyMap<string | null, number>;
}

/** The counts of these opinions, one rule for /opinions and the year report. */
export function tallyOpinions(
  opinions: readonly CountableOpinion[],
  knownId: ((id: string) => boolean) | null,
  today: string,
): OpinionTally {
  const byHandling = new Map<string | null, number>();
  let received = 0;
  for (const o of opinions) {
    if (!isCountingOpinion(o, today)) continue;
    received += 1;
    const how = handlingOf(o.record, knownId);
    byHandling.set(how, (byHandling.get(how) ?? 0) + 1);
  }
  const converted = byHandling.get(CONVERTED) ?? 0;
  return { received, converted, excluded: opinions.length - received, byHandling };
}

/** 处理方式 in the order staff know them, the ones not yet converted beside 转化为建议. */
const HANDLING_ORDER: readonly (string | null)[] = [
  CONVERTED,
  NOT_YET_CONVERTED,
  ...OPINION_HANDLING.slice(1),
];
const BLANK_HANDLING = "未填写";

/**
 * /opinions: the rows of `year` (null: every row), and their counts as the year report counts them
 * (tallyOpinions); `knownId` as there.
 */
export function summarizeOpinions(
  rows: readonly OpinionRow[],
  year: number | null,
  knownId: ((id: string) => boolean) | null,
  today: string,
): OpinionsSummary {
  const shown = year === null ? rows : rows.filter((r) => inYear(r.record, year));
  const { received, converted, excluded, byHandling } = tallyOpinions(shown, knownId, today);
  const ordered = [...HANDLING_ORDER, null].flatMap((h) => {
    const count = byHandling.get(h);
    return count ? [{ handling: h ?? BLANK_HANDLING, count }] : [];
  });
  return { rows: shown, received, converted, excluded, byHandling: ordered };
}

/** The 建议编号 of rows marked 转化为建议: what `knownId` is asked about (once, for all of them). */
export function convertedIds(rows: readonly CountableOpinion[]): string[] {
  const ids = new Set<string>();
  for (const { record } of rows)
    if (record.handling === CONVERTED && record.suggestionId) ids.add(record.suggestionId);
  return [...ids];
}

const SENTENCE_END = /[。！？!?\n；;]/;
const TITLE_MAX = 40;

/**
 * The ledger row a converted opinion becomes (practice.md: 来源 联络站民意, the 接待代表 as 领衔代表,
 * the content as 内容摘要): 标题 is the content's first sentence (staff edit it in the sheet), 提出日期
 * the day of conversion, 备注 where it came from. Not the 反映人's name: a member of the public's, it
 * would go with the suggestion into exports, the handling unit's link page and the ledger's history
 * (12-07, a personal-information review); 备注 points to 『民意』, where the office keeps it.
 */
export function suggestionFromOpinion(r: OpinionRecord, today: string): Record<string, string> {
  const first = r.content.split(SENTENCE_END)[0]?.trim() || r.content.trim();
  const title = first.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX - 1)}…` : first;
  const reporter = r.reporter ? "反映人见『民意』表" : "";
  const from = [[r.station, r.date ?? ""].filter(Boolean).join(" "), reporter].filter(Boolean).join("；");
  return {
    标题: title,
    内容摘要: r.content,
    领衔代表: r.deputy,
    提出日期: today,
    来源: "联络站民意",
    备注: `由联络站民意转化（${from}）`,
  };
}
