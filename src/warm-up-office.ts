/**
 * A made-up office of 48 suggestions, evaluated while the Worker starts (src/warm-up.tsx) as a
 * sync's chunk: its rows checked and computed, its writes planned, its part stored and derived.
 *
 * Since the deploy compiles every function at start-up (tools/eager-compile.ts), what this still
 * buys is the code run once before a fresh isolate's first sync steps (bench/cold-start.ts, A/B of
 * nine fresh isolates per row, capped estimate, 12-05): the practice step 8.6 → 4.1 ms (a quiet
 * sync) and 6.6 → 3.8 (a day's first); it costs the overview page's second request in a fresh
 * isolate (4.8 → 8.1), and the first chunk gained nothing measurable (29.1 against 33.9). The whole
 * office's evaluation and a 2,000-编号 index it also ran until then were dropped: with them the
 * fresh isolate's first page read 13.7 ms and its second 10.4, without the ledger's warm-up 11.8 and 4.1.
 * Nothing is kept.
 */
import { TAB_NAMES } from "../sheets-schema/tab-names";
import {
  contactsTab,
  coOpinionsTab,
  deputiesTab,
  extensionsTab,
  holidaysTab,
  ledgerTab,
  settingsTab,
  templatesTab,
  unitsTab,
} from "../sheets-schema/tabs";
import { evaluateChunk, indexIdColumns } from "./domain/evaluate-chunk";
import { contactsById } from "./domain/figures/contacts-part";
import { buildLedgerContext } from "./domain/ledger-context";
import { derivePart } from "./domain/summary/derive-part";
import { factsOf, storeRow } from "./domain/summary/summary-row";
import { cellsByHeader } from "./domain/sync/plan-history";
import { planLedgerWrites, staffColumnsOf } from "./domain/sync/plan-ledger";

/** Enough rows for each status to pass its code paths more than once (serial dates, as Sheets sends them). */
const ROWS = 48;
const UNITS = ["区教育局", "区住建局", "区交通运输局", "区卫健委"];
const DEPUTIES = ["王建国", "李秀英", "张志强", "刘海燕", "陈丽华"];
/** 2026-03-02 and later days as spreadsheet serial numbers. */
const MARCH_2 = 46083;
const TODAY = "2026-06-15";

const headers = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);

const id = (i: number) => `2026-${String(i + 1).padStart(3, "0")}`;
const unitOf = (i: number) => UNITS[i % UNITS.length] as string;

/** Row i of the ledger: i % 6 is how far it has come (submitted, accepted, assigned, replied, rated). */
function ledgerRow(i: number): (string | number)[] {
  const stage = i % 6;
  const cells: Record<string, string | number> = {
    编号: id(i),
    届次: "十一届四次会议",
    标题: `关于改进第${i + 1}号民生事项的建议`,
    内容摘要: `第${i + 1}件建议的内容摘要`,
    领衔代表: DEPUTIES[i % DEPUTIES.length] as string,
    附议代表: `${DEPUTIES[(i + 1) % DEPUTIES.length]}、${DEPUTIES[(i + 2) % DEPUTIES.length]}`,
    类别: "城乡建设",
    提出日期: MARCH_2 - 50,
    审查结果: stage === 0 ? "" : "立案",
  };
  if (stage >= 2) Object.assign(cells, { 主办单位: unitOf(i), 交办日期: MARCH_2 + i });
  if (i % 3 === 0 && stage >= 2) cells.协办单位 = unitOf(i + 1);
  if (stage >= 3)
    Object.assign(cells, {
      答复日期: MARCH_2 + 80,
      答复类别: "ABCD"[i % 4] as string,
      答复内容: "已按建议落实",
    });
  if (stage >= 4) Object.assign(cells, { 满意度: i % 2 ? "满意" : "不满意", 测评日期: MARCH_2 + 90 });
  if (stage === 5 && i % 2 === 0) cells.二次交办日期 = MARCH_2 + 100;
  return ledgerTab.columns.map((c) => cells[c.header] ?? "");
}

/** The made-up office's tabs, as values.batchGet gives them (exported for its test). */
export function warmUpTabs(): Record<string, (string | number)[][]> {
  const ledger = Array.from({ length: ROWS }, (_, i) => ledgerRow(i));
  const assigned = ledger.map((_, i) => i).filter((i) => i % 6 >= 2);
  return {
    [TAB_NAMES.ledger]: [headers(ledgerTab), ...ledger],
    [TAB_NAMES.units]: [
      headers(unitsTab),
      ...UNITS.map((u) => [u, "联系人", "13800000000", "unit@example.cn", "email"]),
    ],
    [TAB_NAMES.deputies]: [headers(deputiesTab), ...DEPUTIES.map((n) => [n, "城关代表团"])],
    // The 办前 contact of each assigned suggestion, and the co-unit's opinion where it has one.
    [TAB_NAMES.contacts]: [
      headers(contactsTab),
      ...assigned.map((i) => [id(i), MARCH_2 + i + 7, "办前", "电话", unitOf(i), "是", "", "了解诉求", ""]),
    ],
    [TAB_NAMES.extensions]: [
      headers(extensionsTab),
      [id(8), MARCH_2 + 40, unitOf(8), "需统筹资金", "同意", MARCH_2 + 42, "副主任"],
    ],
    [TAB_NAMES.coOpinions]: [
      headers(coOpinionsTab),
      ...assigned
        .filter((i) => i % 3 === 0)
        .map((i) => [id(i), unitOf(i + 1), MARCH_2 + i + 14, "同意办理方案"]),
    ],
    [TAB_NAMES.settings]: [headers(settingsTab)],
    [TAB_NAMES.templates]: [headers(templatesTab)],
    [TAB_NAMES.holidays]: [headers(holidaysTab)],
  };
}

/** The made-up ledger as one chunk of a sync: evaluated, its writes planned, its part stored and derived. */
function warmUpChunk(tabs: Record<string, (string | number)[][]>): number {
  const [header = [], ...rows] = tabs[TAB_NAMES.ledger] ?? [];
  const column = (name: string) => (tabs[TAB_NAMES.ledger] ?? []).map((row) => row[header.indexOf(name)]);
  const ids = indexIdColumns(column("编号"), column("审查结果"));
  const context = buildLedgerContext(tabs);
  const evaluation = evaluateChunk({ context, header, rows, firstRow: 2, today: TODAY, ids });
  const columns = evaluation.columns;
  if (!columns) return 0;
  const plan = planLedgerWrites(evaluation.rows, columns, new Map(), () => 1);
  const staffColumns = staffColumnsOf(columns);
  const stored = evaluation.rows.filter((r) => !r.blank).map((r) => storeRow(r, columns.indexOf));
  const staffCells = evaluation.rows.map((r) => cellsByHeader(r.raw, staffColumns));
  const contacts = contactsById(tabs[TAB_NAMES.contacts]);
  const derived = derivePart(stored, stored.map(factsOf), TODAY, new Set(), contacts);
  // Not hash53 (now only the rows' history digests, short texts; a chunk's input and its part are
  // SHA-1, src/digest.ts): warmed here, in workerd it then ran at about 50 ns a character on every
  // later call in 21 isolates of 25 (five ways of warming it), where unwarmed it pays about 11 ms
  // once, on its first long text (100,000 characters), and then runs at full speed.
  return plan.writes.length + staffCells.length + derived.csv.length;
}

/**
 * Evaluates the made-up office as a sync's chunk. Returns a count of what it made, so that nothing
 * here is left out as unused.
 */
export function warmUpLedger(): number {
  return warmUpChunk(warmUpTabs());
}
