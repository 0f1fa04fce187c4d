import type { ColumnMap } from "../../../sheets-schema/header-map";
import { DEFAULT_TIME_ZONE } from "../../../sheets-schema/settings";
import { dateCellText } from "../../domain/civil-date";
import type { StoredDues } from "../../domain/intake/late-reply";
import { SENDER_CELL } from "../../domain/intake/map-answers";
import { senderMismatch, type UnitLookup } from "../../domain/intake/sender-check";
import type { PlannedWrite } from "../../domain/sync/remap";
import { cellText } from "../../domain/sync/row-identity";
import type { InboxEntry } from "../../store/inbox";
import type { NewLedgerRow } from "../sheet-writes/insert-ledger-rows";
import { cellsFor, holdsLine } from "./entry-cells";

/** The 备注 lines one entry brought to a joined write. */
export interface EntryLines {
  entry: InboxEntry;
  lines: string[];
}

export interface ApplyPlan {
  /** New suggestions, one row each (a submission repeated in the batch counts once). */
  newRows: NewLedgerRow[];
  appended: InboxEntry[];
  /** Reply and rating cells, each for the row holding its 编号 (placed and checked by the writer). */
  writes: PlannedWrite[];
  /** The writes of each reply or rating entry, by submission. */
  writesOf: Map<InboxEntry, PlannedWrite[]>;
  /** Each joined 备注 write's lines, by the entry that brought them, in order (for the history). */
  linesBy: Map<PlannedWrite, EntryLines[]>;
  /** Already in the sheet (an earlier attempt wrote them): nothing to do. */
  alreadyThere: InboxEntry[];
  unmatched: { entry: InboxEntry; reason: string }[];
  /**
   * Replies to a round the deputy already rated, 推进中 reports under staff's 已落实, and a form's
   * reply or rating naming a sender its row does not: kept in the inbox, not written, told to staff.
   */
  refused: { entry: InboxEntry; reason: string }[];
  /** Ratings of a round with no reply yet: kept in the inbox, retried, written once the reply is in. */
  awaitingReply: { entry: InboxEntry; reason: string }[];
}

/**
 * Why a rating may not be written yet, or null: its round (round 1, or round 2 once 二次交办日期 is
 * set) has no reply in the row, nor in the batch before it (`repliedInBatch`). ledger.md allows
 * 满意度 only after a reply; written first, it would also make the unit's reply look like a change to
 * a rated round (ratedRoundReason), refused for good. It waits as a 编号 not yet in the sheet does.
 * A sheet without the round's reply column cannot tell: the rating is written, as it always was.
 */
function awaitingReplyReason(
  row: readonly unknown[],
  columns: ColumnMap,
  id: string,
  repliedInBatch: ReadonlySet<string>,
): string | null {
  if (repliedInBatch.has(id)) return null;
  const { reassignedOn, repliedOn, secondRepliedOn } = columns.indexOf;
  const secondRound = reassignedOn !== undefined && cellText(row[reassignedOn]) !== "";
  const replyColumn = secondRound ? secondRepliedOn : repliedOn;
  if (replyColumn === undefined || cellText(row[replyColumn]) !== "") return null;
  const round = secondRound ? "二次交办后" : "本轮";
  return `建议 ${id} ${round}还没有答复，答复写入后自动写入；如代表测评的是别的建议，请作废这条提交`;
}

/**
 * Whether the round a reply would fill holds a reply: its date, or its class (a reply whose date was
 * lost, as the row checks read it). A sheet without the round's date column cannot tell: replied.
 */
function roundReplied(row: readonly unknown[], columns: ColumnMap, secondRound: boolean): boolean {
  const date = columns.indexOf[secondRound ? "secondRepliedOn" : "repliedOn"];
  const cls = columns.indexOf[secondRound ? "secondReplyClass" : "replyClass"];
  if (date === undefined) return true;
  return cellText(row[date]) !== "" || (cls !== undefined && cellText(row[cls]) !== "");
}

/**
 * Why a reply may not be written to its row, or null: the deputy has rated the reply of the round it
 * would fill (round 1, or round 2 once 二次交办日期 is set). Writing it would change the reply under
 * the deputy's rating (a 不满意 would then rate a reply it never saw) and put 答复日期 after 测评日期.
 * A rating in a round with no reply (written before intake made ratings wait for the reply) rated
 * no reply: the unit's reply is written (a reply is never lost), and cellsFor notes the early rating.
 */
function ratedRoundReason(row: readonly unknown[], columns: ColumnMap): string | null {
  const at = (key: keyof ColumnMap["indexOf"]) => {
    const i = columns.indexOf[key];
    // 校验问题 says a date as its date, not the sheet's serial number.
    return i === undefined ? "" : dateCellText(row[i]);
  };
  const keep = "为免改动代表测评过的答复，不予写入；如需更正答复，请代表工委核实后直接在台账中修改";
  if (at("reassignedOn")) {
    const rating = at("secondRating");
    if (!rating || !roundReplied(row, columns, true)) return null;
    return `代表已对二次答复提交测评（二次满意度 ${rating}），${keep}`;
  }
  const rating = at("rating");
  const ratedOn = at("ratedOn");
  if ((!rating && !ratedOn) || !roundReplied(row, columns, false)) return null;
  const said = `代表${ratedOn ? `已于 ${ratedOn} ` : "已"}对本轮答复提交测评${rating ? `（满意度 ${rating}）` : ""}`;
  // A unit's answer to a 不满意 belongs to round 2: it lands there once staff record the 二次交办.
  return `${said}，${keep}；如这是二次交办后的答复，请先填写二次交办日期，系统会把它写入二次答复`;
}

/**
 * Why a 落实情况 report (报送落实情况) may not be written, or null: 推进中 where the row says 已落实
 * already (staff typed it since the page was shown) would reopen 跟踪落实 and its 跟踪提醒; staff
 * decide which stands. The unit's words stay in the inbox and 校验问题.
 */
function progressRefusal(row: readonly unknown[], columns: ColumnMap, entry: InboxEntry): string | null {
  const at = columns.indexOf.implementation;
  if (at === undefined || cellText(row[at]) !== "已落实" || cellText(entry.cells.落实情况) === "已落实")
    return null;
  return `台账中落实情况已是“已落实”，本次报送为“${cellText(entry.cells.落实情况)}”，未写入：请代表工委核实后直接在台账中修改`;
}

/**
 * Why a form's reply or rating may not be written to this row, or null: it names a sender (the
 * rater's 姓名, its 答复单位) the row does not (senderMismatch). A personal link's entry is its
 * recipient's, checked when the link was made; an entry stored before the check names none.
 * `units`: 承办单位, by which a unit's former name (原名称) is the unit.
 */
function senderReason(
  entry: InboxEntry,
  row: readonly unknown[],
  columns: ColumnMap,
  units: UnitLookup | undefined,
): string | null {
  if (entry.actor || (entry.form !== "reply" && entry.form !== "rating")) return null;
  const sent = cellText(entry.cells[SENDER_CELL[entry.form]]);
  if (!sent) return null;
  const at = (key: keyof ColumnMap["indexOf"]) => {
    const i = columns.indexOf[key];
    return i === undefined ? "" : cellText(row[i]);
  };
  return senderMismatch(
    entry.form,
    sent,
    entry.suggestionId,
    {
      leadDeputy: at("leadDeputy"),
      coSigners: at("coSigners"),
      leadUnit: at("leadUnit"),
      coUnits: at("coUnits"),
    },
    units,
  );
}

/**
 * Decides what a batch of inbox entries writes, from the ledger as just read: each suggestion is
 * added once (an entry whose 编号 and 标题 are already in the sheet is done), each reply or rating
 * is meant for the row holding its 编号, or waits as unmatched when no single row holds it. `dues`:
 * the 办理期限 the last sync computed, by 编号 (a late reply's 备注 line is judged by them);
 * `timeZone`: 设置 时区 as the last sync read it, in which a 备注 line dates what was sent;
 * `units`: 承办单位 as the last sync stored it, so a reply under a unit's former name (原名称), or
 * to a row still holding it, is the unit's (without it, names are compared alone).
 */
export function planApply(
  entries: readonly InboxEntry[],
  ledger: readonly (readonly unknown[])[],
  columns: ColumnMap,
  dues: ReadonlyMap<string, StoredDues> = new Map(),
  timeZone: string = DEFAULT_TIME_ZONE,
  units?: UnitLookup,
): ApplyPlan {
  const idColumn = columns.indexOf.id;
  const titleColumn = columns.indexOf.title;
  // Only the batch's own 编号 are looked up: a row of any other is passed over, not indexed.
  const asked = new Set(entries.map((e) => e.suggestionId));
  const rowsOf = new Map<string, number[]>();
  const titlesOf = new Map<string, Set<string>>();
  for (let i = 1; i < ledger.length && idColumn !== undefined; i++) {
    const id = cellText(ledger[i]?.[idColumn]);
    if (!asked.has(id)) continue;
    rowsOf.set(id, [...(rowsOf.get(id) ?? []), i + 1]);
    const titles = titlesOf.get(id) ?? new Set<string>();
    titles.add(titleColumn === undefined ? "" : cellText(ledger[i]?.[titleColumn]));
    titlesOf.set(id, titles);
  }
  const plan: ApplyPlan = {
    newRows: [],
    appended: [],
    writes: [],
    writesOf: new Map(),
    linesBy: new Map(),
    alreadyThere: [],
    unmatched: [],
    refused: [],
    awaitingReply: [],
  };
  // 编号 whose reply this batch writes: a rating after it in the batch rates that reply.
  const repliedInBatch = new Set<string>();
  const newIds = new Set<string>();
  // Two answers for one cell in a batch: the later submission wins, written once.
  const writes = new Map<string, PlannedWrite>();
  // Lines added to one cell (备注) in a batch, whichever entries they come from: one write holding
  // them all, in order, since each write of a cell replaces the text the one before it added.
  const lines = new Map<string, { write: PlannedWrite; text: string }>();
  const headerRow = (ledger[0] ?? []).map((h) => cellText(h));
  for (const entry of entries) {
    if (entry.form === "suggestion") {
      // Done only if this very suggestion is there: a number staff typed meanwhile must not
      // swallow a deputy's submission (the duplicate 编号 is then reported by the sync).
      if (titlesOf.get(entry.suggestionId)?.has(cellText(entry.cells.标题))) {
        plan.alreadyThere.push(entry);
        continue;
      }
      if (!newIds.has(entry.suggestionId)) {
        newIds.add(entry.suggestionId);
        plan.newRows.push({
          id: entry.suggestionId,
          title: cellText(entry.cells.标题),
          cells: entry.cells,
        });
      }
      plan.appended.push(entry);
      continue;
    }
    const rows = rowsOf.get(entry.suggestionId) ?? [];
    if (rows.length !== 1) {
      const reason =
        rows.length === 0
          ? "编号不在台账中"
          : `编号在台账中出现 ${rows.length} 次（第 ${rows.join("、")} 行）`;
      plan.unmatched.push({ entry, reason });
      continue;
    }
    const row = rows[0] as number;
    const refusal =
      senderReason(entry, ledger[row - 1] ?? [], columns, units) ??
      (entry.form === "reply"
        ? ratedRoundReason(ledger[row - 1] ?? [], columns)
        : entry.form === "progress"
          ? progressRefusal(ledger[row - 1] ?? [], columns, entry)
          : null);
    if (refusal) {
      plan.refused.push({ entry, reason: refusal });
      continue;
    }
    const sheetRow = ledger[row - 1] ?? [];
    const waits =
      entry.form === "rating"
        ? awaitingReplyReason(sheetRow, columns, entry.suggestionId, repliedInBatch)
        : null;
    if (waits) {
      plan.awaitingReply.push({ entry, reason: waits });
      continue;
    }
    if (entry.form === "reply") repliedInBatch.add(entry.suggestionId);
    const own = new Set<PlannedWrite>();
    const at = { key: { kind: "id", id: entry.suggestionId } as const, sourceRow: row };
    for (const c of cellsFor(entry, sheetRow, columns, dues.get(entry.suggestionId), timeZone)) {
      const key = `${entry.suggestionId}|${c.header}|`;
      if (!c.appendLine) {
        // A cell put back as it was (entry-cells' onlyIfChanges) is left alone, unless this batch changed it.
        const held = () => cellText(sheetRow[headerRow.indexOf(c.header)]);
        if (c.onlyIfChanges && !writes.has(key) && held() === cellText(c.value)) continue;
        const w: PlannedWrite = { ...at, header: c.header, value: c.value };
        writes.set(key, w);
        own.add(w);
        continue;
      }
      const line = String(c.value);
      // A line the cell already holds was written by an earlier try of this batch: not again.
      const held = cellText(sheetRow[headerRow.indexOf(c.header)]);
      if (holdsLine(held, line)) continue;
      let cell = lines.get(key);
      if (!cell) {
        const write: PlannedWrite = { ...at, header: c.header, value: "", appendLine: true };
        cell = { write, text: "" };
        lines.set(key, cell);
        writes.set(`${key}+`, write);
      }
      if (!holdsLine(cell.text, line)) {
        cell.text = cell.text ? `${cell.text}\n${line}` : line;
        cell.write.value = cell.text;
        const by = plan.linesBy.get(cell.write) ?? [];
        const last = by.at(-1);
        if (last?.entry === entry) last.lines.push(line);
        else by.push({ entry, lines: [line] });
        plan.linesBy.set(cell.write, by);
      }
      own.add(cell.write);
    }
    plan.writesOf.set(entry, [...own]);
  }
  plan.writes = [...writes.values()];
  return plan;
}
