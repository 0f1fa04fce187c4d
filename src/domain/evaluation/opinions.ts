import { CONVERTED, OPINION_HANDLING } from "../../../sheets-schema/enums";
import { type OpinionRecord, opinionsTab } from "../../../sheets-schema/tabs/evaluation-tabs";
import { byCodePoint } from "../compare-text";
import { nameKey } from "../directory";
import { readTab } from "../read-tab";

/** One row of 民意 as the dashboard lists it. */
export interface OpinionRow {
  readonly rowNumber: number;
  readonly record: OpinionRecord;
  /** Identifies the row by what it says (not where it is): the convert action finds it again by this. */
  readonly key: string;
}

export interface OpinionsSummary {
  readonly rows: readonly OpinionRow[];
  readonly received: number;
  /** Rows whose 处理方式 is 转化为建议 with a 建议编号 (the newsletter's "转化为建议 N 条"). */
  readonly converted: number;
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

/** 民意's rows (values as cached or read, header first), newest first; nothing when the tab is absent. */
export function opinionRows(values: unknown[][] | undefined): OpinionRow[] {
  if (!values || values.length === 0) return [];
  const read = readTab(opinionsTab, values);
  if (!read.readable) return [];
  return read.rows
    .filter((row) => !row.blank)
    .map((row) => ({ rowNumber: row.rowNumber, record: row.record, key: opinionKey(row.record) }))
    .sort((x, y) => byCodePoint(y.record.date ?? "", x.record.date ?? "") || y.rowNumber - x.rowNumber);
}

export function summarizeOpinions(rows: readonly OpinionRow[], year: number | null): OpinionsSummary {
  const shown = year === null ? rows : rows.filter((r) => r.record.date?.startsWith(String(year)));
  const counts = new Map<string, number>();
  let converted = 0;
  for (const r of shown) {
    const handling = r.record.handling ?? "未填写";
    counts.set(handling, (counts.get(handling) ?? 0) + 1);
    if (r.record.handling === CONVERTED && r.record.suggestionId) converted += 1;
  }
  const order = [...OPINION_HANDLING, "未填写"];
  return {
    rows: shown,
    received: shown.length,
    converted,
    byHandling: order.filter((h) => counts.has(h)).map((h) => ({ handling: h, count: counts.get(h) ?? 0 })),
  };
}

const SENTENCE_END = /[。！？!?\n；;]/;
const TITLE_MAX = 40;

/**
 * The ledger row a converted opinion becomes (practice.md: 来源 联络站民意, the 接待代表 as 领衔代表,
 * the content as 内容摘要): 标题 is the content's first sentence (staff edit it in the sheet), 提出日期
 * the day of conversion, 备注 where it came from.
 */
export function suggestionFromOpinion(r: OpinionRecord, today: string): Record<string, string> {
  const first = r.content.split(SENTENCE_END)[0]?.trim() || r.content.trim();
  const title = first.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX - 1)}…` : first;
  const from = [r.station, r.date ?? "", r.reporter ? `反映人 ${r.reporter}` : ""].filter(Boolean).join(" ");
  return {
    标题: title,
    内容摘要: r.content,
    领衔代表: r.deputy,
    提出日期: today,
    来源: "联络站民意",
    备注: `由联络站民意转化（${from}）`,
  };
}
