import { HEADER_SEARCH_ROWS } from "../../../sheets-schema/header-map";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { columnLetter } from "../../domain/a1";
import type { GridMerge } from "../../domain/sync/merge-problems";
import { type SheetsClient, SheetsError } from "../../sheets/client";
import { BASE_CACHED_TABS } from "../ledger-view";
import { type RangeRequest, type RangesRead, readRanges, readRangesIfChanged } from "./read-sheet";

/**
 * What a sync's plan reads of the sheet, and how: the small tabs, the header rows and the system tabs'
 * lengths, the ledger's index columns where the last plan found them, the tails that tell where its
 * data ends, and the ledger's merged cells (plan-run.ts works the plan out of them).
 */

/** The ledger columns the plan reads whole: what a part needs to know of the rest. */
export const ID_HEADERS = ["编号", "审查结果"] as const;
/**
 * The other columns every row with data fills in (EXTENT_HEADERS): only a row past the end of the
 * 编号 column can lengthen the data with them, so the plan reads them from a little above where that
 * column ended last time. Titles are half the plan's payload (95 KB of 2,000 rows), parsed for nothing.
 */
const TAIL_HEADERS = ["标题", "领衔代表", "提出日期"] as const;
/**
 * Read whole too, for the row a key suggestion was merged into (checkMergedLeaders): staff are asked
 * there to carry its leaders over. Blank on nearly every row (重点建议 aside), so a few KB.
 */
const MERGE_HEADERS = ["并入编号", "重点建议", "督办领导", "领办领导"] as const;
const INDEX_HEADERS = [...ID_HEADERS, ...MERGE_HEADERS, ...TAIL_HEADERS] as const;
/** Rows above the last 编号 the tails start at: a few rows deleted at the end cost no second read. */
export const TAIL_MARGIN = 50;

const SYSTEM_TABS = [TAB_NAMES.problems, TAB_NAMES.statistics, TAB_NAMES.assessment] as const;

/** Ranges of the named columns, where `header` has them (keys are the headers), from row `from` down. */
function columnRequests(header: readonly string[], names: readonly string[], from: number): RangeRequest[] {
  return names.flatMap((h) => {
    const c = header.indexOf(h);
    if (c < 0) return [];
    const letter = columnLetter(c);
    return [
      { key: h, tab: TAB_NAMES.ledger, a1: from > 1 ? `${letter}${from}:${letter}` : `${letter}:${letter}` },
    ];
  });
}

/** The 编号, 审查结果 and merge columns whole. */
export const wholeIndexRequests = (header: readonly string[]): RangeRequest[] => [
  ...columnRequests(header, ID_HEADERS, 1),
  ...columnRequests(header, MERGE_HEADERS, 1),
];

/** Those, and the tails from row `tailFrom`. */
const indexRequests = (header: readonly string[], tailFrom: number): RangeRequest[] => [
  ...wholeIndexRequests(header),
  ...columnRequests(header, TAIL_HEADERS, tailFrom),
];

/**
 * The first read: the small tabs whole, the header rows, the system tabs' first column (their
 * length), and the index columns where the last plan found them; only when staff moved one of
 * those since does the plan need a second read.
 */
export function firstRequests(lastHeader: readonly string[] | null, tailFrom: number): RangeRequest[] {
  return [
    ...BASE_CACHED_TABS.map((tab) => ({ key: tab, tab, a1: "" })),
    // A few rows, not row 1 alone: a header pushed down by a title row is then told as such.
    { key: "ledger-header", tab: TAB_NAMES.ledger, a1: `1:${HEADER_SEARCH_ROWS}` },
    ...SYSTEM_TABS.flatMap((tab) => [
      { key: `${tab}-header`, tab, a1: "1:1" },
      { key: `${tab}-column`, tab, a1: "A:A" },
    ]),
    ...(lastHeader ? indexRequests(lastHeader, tailFrom) : []),
  ];
}

export const sameIndexColumns = (a: readonly string[], b: readonly string[]) =>
  INDEX_HEADERS.every((h) => a.indexOf(h) === b.indexOf(h));

/**
 * The plan's first read. Should Google refuse it for a reason other than a missing tab (which
 * readRangesIfChanged handles), it is an index column asked where the last plan found it and now
 * past the grid: staff deleted columns to its left, and the grid of a sheet `sheet:init` laid out
 * ends at its header. Every later sync would fail the same way, so the plan reads without those
 * columns (`headerOnly`) and finds them again by the header, as when staff move them.
 */
export async function readFirst(
  sheets: SheetsClient,
  requests: readonly RangeRequest[],
  lastDigest: string | undefined,
  tailFrom: number,
): Promise<{ digest: string | null; read: RangesRead | null; headerOnly: boolean }> {
  try {
    return { ...(await readRangesIfChanged(sheets, requests, lastDigest)), headerOnly: false };
  } catch (error) {
    const withoutIndex = firstRequests(null, tailFrom);
    if (
      !(error instanceof SheetsError) ||
      error.httpStatus !== 400 ||
      withoutIndex.length === requests.length
    )
      throw error;
    return { digest: null, read: await readRanges(sheets, withoutIndex), headerOnly: true };
  }
}

/** Sheets calls readLedgerMerges makes (with the plan's read, the calls of a plan that can be kept). */
export const MERGES_CALLS = 1;

/**
 * The merged cells of 建议台账 (their problems are worked out by the finish, which has the header),
 * one spreadsheets.get of every tab's merges: asking for the ledger's range alone would fail the
 * call, not only the merges, when the tab is missing.
 */
export async function readLedgerMerges(sheets: SheetsClient): Promise<GridMerge[]> {
  const spreadsheet = await sheets.getSpreadsheet({ fields: "sheets(properties(title),merges)" });
  const ledger = spreadsheet.sheets?.find((s) => s.properties?.title === TAB_NAMES.ledger);
  return (ledger?.merges ?? []).map((m) => ({
    startRowIndex: m.startRowIndex,
    endRowIndex: m.endRowIndex,
    startColumnIndex: m.startColumnIndex,
    endColumnIndex: m.endColumnIndex,
  }));
}

/**
 * The last row the tail columns hold data in (0: none) past the 编号 column's end, `idEnd`. They
 * were read from row `from` (Infinity: not read): when the 编号 column now ends above it (staff
 * deleted more than TAIL_MARGIN rows at the end), the rows between are read (one more call). None
 * below the grid's last row, `gridRows`, where Google refuses a range.
 */
export async function tailsEnd(
  sheets: SheetsClient,
  header: readonly string[],
  read: RangesRead,
  from: number,
  idEnd: number,
  gridRows: number,
): Promise<number> {
  const start = Math.min(from, idEnd + 1);
  if (start > gridRows) return 0;
  const tails = start < from ? await readRanges(sheets, columnRequests(header, TAIL_HEADERS, start)) : read;
  const ends = TAIL_HEADERS.map((h) => {
    const rows = tails.values[h]?.length ?? 0;
    return rows > 0 ? start + rows - 1 : 0;
  });
  return Math.max(0, ...ends);
}
