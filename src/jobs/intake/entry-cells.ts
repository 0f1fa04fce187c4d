import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import type { ColumnMap } from "../../../sheets-schema/header-map";
import { dateCellText, isoFromSerial } from "../../domain/civil-date";
import { lateReplyNote, type StoredDues } from "../../domain/intake/late-reply";
import { FORM_EXTRAS, RATING_COMMENT, SENDER_CELL } from "../../domain/intake/map-answers";
import { ratingCommentLine } from "../../domain/intake/rating-comment";
import { secondReplyLine, secondReplyNote, secondReplySender } from "../../domain/intake/second-reply-note";
import { progressLine } from "../../domain/links/progress-report";
import type { CellScalar } from "../../domain/sync/remap";
import { cellText } from "../../domain/sync/row-identity";
import type { InboxEntry } from "../../store/inbox";
import { localDate, localDateTime } from "../local-time";

/**
 * The cells a reply or a rating fills in its suggestion's row, as read; 备注 lines one by one
 * (planApply joins a row's lines of a batch into one write). `onlyIfChanges`: written only where it
 * changes the cell as read, or replaces what an earlier submission of the batch wrote there.
 */
export type CellWrite = {
  header: string;
  value: CellScalar;
  appendLine?: boolean;
  onlyIfChanges?: boolean;
};

/** Who sent an entry, as a 备注 line names them: the link's recipient, or the form's submission. */
function senderOf(entry: InboxEntry): string {
  return entry.actor ? entry.actor.name : `提交号 ${entry.submissionId}`;
}

/**
 * When an entry was sent, to the second, in the office's time zone (a round-2 备注 line names it):
 * the link's or the form's own time, as lateNote reads it.
 */
function sentAtText(entry: InboxEntry, timeZone: string): string {
  const ms = Date.parse(entry.submittedAt);
  const seconds = String(new Date(ms).getUTCSeconds()).padStart(2, "0");
  return `${localDateTime(ms, timeZone)}:${seconds}`;
}

/** A date cell of the row as read, as an ISO date; null when blank, missing or not a date. */
function dateAt(row: readonly unknown[], index: number | undefined): string | null {
  if (index === undefined) return null;
  const parsed = parseDateValue(row[index]);
  return parsed.ok ? parsed.iso : null;
}

/**
 * What 备注 says of a reply, by link or by form, sent after its round's 办理期限 though dated earlier,
 * or null. It was sent when it was submitted: on a link that is when the Worker took it; on a form,
 * the form's own time (a webhook retried the next morning was still sent the evening before). The
 * 办理期限 is the round's as the last sync computed it (`dues`, stored in D1 with the evaluated row):
 * the cell may have been cleared or typed over since, and only the next sync writes it again. The
 * cell is read only where no sync computed the round's (a row not evaluated yet, round 2 opened
 * since). One older than the round's start is the last round's, left by a sync not run since.
 * The day it was sent is a local date in 设置 时区 (`timeZone`), as 办理期限 is.
 */
function lateNote(
  entry: InboxEntry,
  row: readonly unknown[],
  columns: ColumnMap,
  secondRound: boolean,
  dues: StoredDues | undefined,
  timeZone: string,
): string | null {
  if (entry.form !== "reply") return null;
  const computed = secondRound ? dues?.second : dues?.first;
  const due = computed !== undefined ? computed : dateAt(row, columns.indexOf.dueDate);
  const start = dateAt(row, secondRound ? columns.indexOf.reassignedOn : columns.indexOf.assignedOn);
  const replied = entry.cells.答复日期;
  return lateReplyNote(
    localDate(Date.parse(entry.submittedAt), timeZone),
    typeof replied === "number" ? isoFromSerial(replied) : null,
    due !== null && (start === null || due >= start) ? due : null,
    entry.actor ? "link" : "form",
  );
}

/**
 * What 备注 says of a reply written to a round the deputy rated before any reply was in (intake once
 * wrote a rating without waiting for the reply; planApply writes the reply all the same), or null.
 * The rating stays the round's: the system does not clear what a deputy sent, and a status read
 * from the row goes on as it would after a rating. Staff see it came first, and may clear it for
 * the deputy to rate this reply.
 */
function earlyRatingNote(
  entry: InboxEntry,
  row: readonly unknown[],
  columns: ColumnMap,
  secondRound: boolean,
): string | null {
  if (entry.form !== "reply") return null;
  const at = (i: number | undefined) => (i === undefined ? "" : dateCellText(row[i]));
  const rating = at(columns.indexOf[secondRound ? "secondRating" : "rating"]);
  const ratedOn = secondRound ? "" : at(columns.indexOf.ratedOn);
  if (!rating && !ratedOn) return null;
  const cells = [
    rating ? { header: secondRound ? "二次满意度" : "满意度", text: `“${rating}”` } : null,
    ratedOn ? { header: "测评日期", text: ` ${ratedOn}` } : null,
  ].filter((c) => c !== null);
  return (
    `答复（${senderOf(entry)}）写入时，本轮已有${cells.map((c) => c.header + c.text).join("、")}，早于答复：` +
    `仍作为本轮的测评；如需代表对这次答复重新测评，请代表工委清空${cells.map((c) => c.header).join("和")}`
  );
}

/**
 * What 落实情况 holds once a reply other than B (given without 落实情况) replaces its round's reply,
 * or null when the reply leaves it alone (a B reply writes its own progress, if it gives one). A
 * correction from B to A must not leave the B reply's 推进中 under it. Round 1's progress is round
 * 1's reply's alone: cleared. In round 2 the one column may still hold round 1's B progress, which
 * stays, unless round 2's reply on record is itself B: the progress is then that reply's (it wrote
 * over round 1's), and goes with it. Written onlyIfChanges: a blank cell is not written blank again,
 * but a B reply of the same batch before this one is undone.
 */
function implementationAfter(
  cells: InboxEntry["cells"],
  row: readonly unknown[],
  columns: ColumnMap,
  secondRound: boolean,
): string | null {
  const cls = cellText(cells.答复类别);
  if (!cls || cls === "B" || cellText(cells.落实情况) !== "") return null;
  const column = columns.indexOf.implementation;
  if (column === undefined) return null;
  if (!secondRound) return "";
  const at = (i: number | undefined) => (i === undefined ? "" : cellText(row[i]));
  // A sheet without 二次答复类别 keeps round 2's class only in intake's 备注 line.
  const roundTwoClass =
    at(columns.indexOf.secondReplyClass) || (secondReplyNote(at(columns.indexOf.notes))?.replyClass ?? "");
  return roundTwoClass === "B" ? "" : at(column);
}

/**
 * Round-2 replies and ratings go to the 二次 columns (the class to 二次答复类别; 落实情况 to its one
 * column, as in round 1); the reply's text is added to 备注. A 答复函 goes to its column, or (a
 * sheet without 答复函 yet) into 备注; a rating's 测评意见 is a 备注 line, and so are a form's
 * answers without a column (FORM_EXTRAS), after the entry's own lines. A reply (link or form) sent
 * after 办理期限 but dated before the day it came says so in 备注 (lateNote). A reply other than B
 * takes back its round's 落实情况 (implementationAfter).
 * Each 备注 line is a write of its own here; planApply joins those of a row into one.
 * Nothing is written into a column the sheet lacks (it would wait forever): 备注 missing too, the
 * text stays in the D1 inbox. `timeZone`: 设置 时区, in which the day and time an entry was sent are told.
 */
export function cellsFor(
  entry: InboxEntry,
  row: readonly unknown[],
  columns: ColumnMap,
  dues: StoredDues | undefined,
  timeZone: string,
): CellWrite[] {
  if (entry.form === "progress") return progressCells(entry, columns, timeZone);
  const {
    编号: _id,
    答复函: letter,
    [RATING_COMMENT]: comment,
    [FORM_EXTRAS]: extras,
    // The sender's own name: checked by planApply, already in the 附言 line, no column of its own.
    [SENDER_CELL.reply]: _unit,
    [SENDER_CELL.rating]: _rater,
    ...cells
  } = entry.cells;
  const hasNotes = columns.indexOf.notes !== undefined;
  const note = (text: string): CellWrite[] =>
    hasNotes ? [{ header: "备注", value: text, appendLine: true }] : [];
  const secondRound =
    columns.indexOf.reassignedOn !== undefined && cellText(row[columns.indexOf.reassignedOn]) !== "";
  const late = lateNote(entry, row, columns, secondRound, dues, timeZone);
  const early = earlyRatingNote(entry, row, columns, secondRound);
  const writes: CellWrite[] = [];
  if (comment !== undefined && comment !== "")
    writes.push(...note(ratingCommentLine(senderOf(entry), String(comment))));
  const extrasLine =
    extras !== undefined && extras !== ""
      ? note(`${entry.form === "rating" ? "测评" : "答复"}附言（${senderOf(entry)}）：${extras}`)
      : [];
  if (!secondRound) {
    if (late && typeof cells.答复日期 === "number")
      writes.push(
        ...note(`答复（${senderOf(entry)}）：${late}，所填答复日期为 ${isoFromSerial(cells.答复日期)}`),
      );
    writes.push(...extrasLine);
    for (const [header, value] of Object.entries(cells)) writes.push({ header, value });
    if (entry.form === "reply")
      writes.push(...progressTaken(implementationAfter(cells, row, columns, false)));
    if (letter !== undefined && letter !== "") {
      if (columns.indexOf.replyLetter !== undefined) writes.push({ header: "答复函", value: letter });
      else writes.push(...note(`答复函（${senderOf(entry)}）：${letter}`));
    }
    if (early) writes.push(...note(early));
    return writes;
  }
  if (entry.form === "rating") {
    if (cells.满意度 !== undefined) writes.push({ header: "二次满意度", value: cells.满意度 });
    writes.push(...extrasLine);
    return writes;
  }
  if (cells.答复日期 !== undefined) writes.push({ header: "二次答复日期", value: cells.答复日期 });
  // 二次答复类别 (practice.md) is required with 二次答复日期: the form's class goes there too.
  if (cells.答复类别 !== undefined && columns.indexOf.secondReplyClass !== undefined)
    writes.push({ header: "二次答复类别", value: cells.答复类别 });
  // 落实情况 has one column for both rounds: a B reply's progress stands wherever it was reported.
  if (cells.落实情况 !== undefined && columns.indexOf.implementation !== undefined)
    writes.push({ header: "落实情况", value: cells.落实情况 });
  writes.push(...progressTaken(implementationAfter(cells, row, columns, true)));
  const line = secondReplyLine({
    sender: secondReplySender(senderOf(entry), sentAtText(entry, timeZone)),
    replyClass: cells.答复类别,
    content: cells.答复内容,
    letter,
    late,
  });
  if (line) writes.push(...note(line));
  writes.push(...extrasLine);
  if (early) writes.push(...note(early));
  return writes;
}

/**
 * A lead unit's 落实情况 report (报送落实情况): the choice into 落实情况, one column for both rounds
 * as a B reply's own; a dated 备注 line naming the unit with its 说明 (the line stands even where the
 * sheet lacks 落实情况, so staff still read it). The same line is not written twice (planApply's
 * holdsLine), so a retried batch adds nothing.
 */
function progressCells(entry: InboxEntry, columns: ColumnMap, timeZone: string): CellWrite[] {
  const state = cellText(entry.cells.落实情况);
  const writes: CellWrite[] = [];
  if (columns.indexOf.implementation !== undefined) writes.push({ header: "落实情况", value: state });
  if (columns.indexOf.notes !== undefined) {
    const sender = secondReplySender(senderOf(entry), sentAtText(entry, timeZone));
    writes.push({
      header: "备注",
      value: progressLine(sender, state, cellText(entry.cells.说明)),
      appendLine: true,
    });
  }
  return writes;
}

function progressTaken(value: string | null): CellWrite[] {
  return value === null ? [] : [{ header: "落实情况", value, onlyIfChanges: true }];
}

/** Whether a cell's text already holds `line` as whole lines (a line may span several). */
export function holdsLine(cell: string, line: string): boolean {
  return `\n${cell}\n`.includes(`\n${line}\n`);
}
