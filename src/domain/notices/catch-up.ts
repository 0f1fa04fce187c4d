import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import { listItems } from "../../../sheets-schema/cells/list-cells";
import { addDaysIso } from "../civil-date";
import { listedName, nameKey } from "../directory";
import { reassignmentFloor } from "../status";
import type { EvaluatedRow } from "../summary/evaluated";
import { clearedMark, isClearedReply } from "./reply-cleared";
import type { NoticeSeries, Occurrence } from "./series";

/** What the sightings ask of 承办单位: a name (a former one too) → its unit (Directory.find). */
type UnitNames = { find(name: string): { readonly name: string } | undefined };

/**
 * How far back a notice that no run sent may still go out: longer than the longest run of rest
 * days (春节 is nine) plus a few missed crons, and short enough that the first run over an existing
 * ledger does not send units months-old 交办通知.
 */
export const CATCH_UP_DAYS = 30;

/**
 * What the notices run found in the audit trail (SnapshotStore.filledSince), as an ISO instant: a
 * cell seen filled from blank, or a list cell (LATE_LIST_CELLS) seen changed, with its text before
 * and after.
 */
export interface Sighting {
  readonly id: string;
  readonly cell: string;
  readonly at: string;
  readonly before?: string;
  readonly after?: string;
}

/** What `seenOn` calls the row itself: the day the sync first saw the suggestion. */
export const ROW_SEEN = "*";

/**
 * When a one-off notice (交办通知, 二次交办通知, 答复告知) falls due: on the day typed in its date
 * cell, or on the day the sync first saw that cell (or the suggestion) filled, whichever is later.
 * A 交办日期 typed weeks late is then a new assignment the unit must hear of, while an imported
 * ledger (whose cells the notices run finds no sighting of) keeps the catch-up horizon's protection.
 */
export function dueOnOrSeen(
  typed: string,
  row: Pick<EvaluatedRow, "seenOn">,
  cells: readonly string[],
): string {
  const seen = row.seenOn;
  if (!seen) return typed;
  let due = typed;
  for (const cell of [ROW_SEEN, ...cells]) {
    const day = seen[cell];
    if (day && day > due) due = day;
  }
  return due;
}

/**
 * The cells whose first filling makes a one-off notice due (dueOnOrSeen): the notices run looks
 * up when the sync saw them filled, for the suggestions lateNoticeIds names.
 */
export const LATE_NOTICE_CELLS = [
  "审查意见",
  "交办日期",
  "主办单位",
  "协办单位",
  "领办领导",
  "二次交办日期",
  "答复日期",
  "二次答复日期",
] as const;

/**
 * The list cells whose names each have their own one-off notice: a unit added to a filled 协办单位,
 * or a leader to a filled 领办领导, weeks after 交办 is told then (its 交办通知), not never. 督办领导
 * is not one: a 督办领导 hears of a suggestion only when it is overdue (ledger.md), whenever named.
 */
export const LATE_LIST_CELLS = ["协办单位", "领办领导"] as const;

const CO_UNITS_CELL = "协办单位";

/**
 * 主办单位 changed while filled (one unit for another, after a 交办异议 agreed or a plain correction):
 * the unit named is told then (its 交办通知), the unit replaced is told it no longer handles it.
 * Asked about like the list cells, with its text before and after.
 */
export const LEAD_CELL = "主办单位";

/**
 * The cells whose filling and changing count from the office's first sync on, not only after its
 * first CATCH_UP_DAYS (SnapshotStore.filledSince's settling, which keeps an old ledger being brought
 * in from sending old notices). A 领办领导 hears of a suggestion by its 交办通知 alone until it is
 * overdue: one named in the office's first month, left to the settling, would never be told. A
 * 主办单位 replaced in that month (12-07: a 交办异议 agreed five days after the first sync) left the
 * unit jianyi had just told with no 【更正】, still working on a suggestion no longer its own, and the
 * unit named without the word that it takes over. One the first sync already saw in the cell has no
 * change in the audit trail (the sync records no change of a row it sees the first time), so an old
 * suggestion stays as quiet as the rest of it; only suggestions still in hand are asked about
 * (leadWatchIds), and a unit pasted down the column is not told (pastedLeadChanges).
 */
export const NAMED_AFTER_FIRST_SYNC = ["领办领导", LEAD_CELL] as const;

/**
 * The reply dates, asked about as changed while filled too: one typed before its round's 交办日期
 * (2025 for 2026) holds the deputy's 答复告知 and 测评提醒 (reply-series.ts), and the day staff are
 * seen correcting it is the day the deputy is told, however long the hold lasted (replyCorrectedOn).
 */
export const REPLY_DATE_CELLS = ["答复日期", "二次答复日期"] as const;

/**
 * The 交办日期 cells, asked about as changed while filled too: one before the date it must follow
 * (提出日期; 答复日期 for 二次交办日期) holds the units' notices of its round (handling-series.ts), and
 * the day staff are seen correcting it is the day the unit is told (ASSIGNMENT_CORRECTED).
 */
const ASSIGNMENT_DATE_CELLS = ["交办日期", "二次交办日期"] as const;

const NAME_CELLS = [...LATE_LIST_CELLS, LEAD_CELL] as const;

/**
 * The cells whose changes the notices run asks about with their text before and after: the names
 * (a unit or leader added, a 主办单位 replaced), the reply dates and the 交办日期 (one corrected).
 */
export const CHANGED_NAME_CELLS = [...NAME_CELLS, ...REPLY_DATE_CELLS, ...ASSIGNMENT_DATE_CELLS] as const;

type NameCell = (typeof NAME_CELLS)[number];
type ReplyDateCell = (typeof REPLY_DATE_CELLS)[number];
type AssignmentDateCell = (typeof ASSIGNMENT_DATE_CELLS)[number];

/**
 * What `seenOn` calls the day the sync last saw a round's 交办日期 corrected out of a hold (changed
 * from a date before 提出日期, or for round 2 before 答复日期): the day its held notices fall due.
 */
export const ASSIGNMENT_CORRECTED = { 交办日期: "交办日期<改正", 二次交办日期: "二次交办日期<改正" } as const;

/** What `seenOn` calls the day `name` was first seen in cell `cell` (CHANGED_NAME_CELLS). */
export function addedNameCell(cell: NameCell, name: string): string {
  return `${cell}+${nameKey(name)}`;
}

const REPLACED_LEAD = `${LEAD_CELL}-`;

const LEAD_FROM = `${LEAD_CELL}<`;

/**
 * What `seenOn` calls, followed by the cell's text before, the day `unit` was named in 主办单位 in
 * place of another (leadTakenFrom).
 */
function leadFromPrefix(unit: string): string {
  return `${LEAD_FROM}${nameKey(unit)}<`;
}

/** What `seenOn` calls the day `unit` was last seen replaced in 主办单位 by another. */
export function replacedLeadCell(unit: string): string {
  return `${REPLACED_LEAD}${nameKey(unit)}`;
}

const isReplyDateCell = (cell: string): cell is ReplyDateCell =>
  (REPLY_DATE_CELLS as readonly string[]).includes(cell);

const isAssignmentDateCell = (cell: string): cell is AssignmentDateCell =>
  (ASSIGNMENT_DATE_CELLS as readonly string[]).includes(cell);

/**
 * What `seenOn` calls the day date cell `cell` was last seen changed from the date `before` (ISO):
 * which of those days ended a hold depends on the dates the row holds now (replyCorrectedOn,
 * markAssignmentCorrections).
 */
function changedDateCell(cell: ReplyDateCell | AssignmentDateCell, before: string): string {
  return `${cell}<${before}`;
}

/**
 * A date cell's text as the audit trail keeps it (the sync's cell as read, a date a serial number
 * like "45664"), as an ISO date; null when it is no date.
 */
function auditDate(text: string): string | null {
  const parsed = parseDateValue(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  return parsed.ok ? parsed.iso : null;
}

/**
 * The sightings of names a list cell's change added (the names before it left out, by nameKey), of
 * the date a reply date's change replaced, or of a reply cell cleared (reply-cleared.ts).
 */
function addedNames(sighting: Sighting, units: UnitNames | undefined): { cell: string; at: string }[] {
  if (sighting.before === undefined || sighting.after === undefined) return [sighting];
  if (isClearedReply(sighting)) return [{ cell: clearedMark(sighting.cell), at: sighting.at }];
  if (isReplyDateCell(sighting.cell) || isAssignmentDateCell(sighting.cell)) {
    const before = auditDate(sighting.before);
    return before ? [{ cell: changedDateCell(sighting.cell, before), at: sighting.at }] : [];
  }
  const cell = sighting.cell as NameCell;
  // 机构改革: a unit cell's names are read as their current units (原名称), as the record's are, so a
  // 主办单位 find-replaced from 区城管局 to 区城市管理局 adds and replaces no unit: no 交办通知, no
  // 【更正】, no new 异议期限.
  const itemsOf = (text: string) =>
    units && (cell === LEAD_CELL || cell === CO_UNITS_CELL)
      ? listItems(text).map((name) => listedName(units, name))
      : listItems(text);
  const before = new Set(itemsOf(sighting.before).map(nameKey));
  const after = new Set(itemsOf(sighting.after).map(nameKey));
  const named = itemsOf(sighting.after).filter((name) => !before.has(nameKey(name)));
  const added = named.map((name) => ({ cell: addedNameCell(cell, name), at: sighting.at }));
  if (cell !== LEAD_CELL) return added;
  // The unit named in place of another is told which one it takes over from (leadTakenFrom): the
  // text before, as typed, so its 交办通知 names the unit as staff wrote it.
  const from = named.map((name) => ({
    cell: `${leadFromPrefix(name)}${sighting.before?.trim()}`,
    at: sighting.at,
  }));
  // The unit a changed 主办单位 no longer names: told it need not handle the suggestion (handlingSeries).
  const replaced = itemsOf(sighting.before)
    .filter((name) => !after.has(nameKey(name)))
    .map((name) => ({ cell: replacedLeadCell(name), at: sighting.at }));
  return [...added, ...from, ...replaced];
}

/**
 * The units a changed 主办单位 replaced, seen within the window the run asks about, each with the day
 * last seen replaced (but the unit named now: changed back, it handles the suggestion again).
 */
export function replacedLeadUnits(
  row: Pick<EvaluatedRow, "seenOn" | "record">,
): { unit: string; seenOn: string }[] {
  const lead = nameKey(row.record.leadUnit);
  return Object.entries(row.seenOn ?? {}).flatMap(([cell, day]) => {
    const unit = cell.startsWith(REPLACED_LEAD) ? cell.slice(REPLACED_LEAD.length) : "";
    return unit && unit !== lead ? [{ unit, seenOn: day }] : [];
  });
}

/**
 * The day the sync last saw the round's reply date changed from one before `start` (its 交办日期) to
 * the one it holds now: the day a held 答复告知 is due (reply-series.ts). Seen only within the window
 * the notices run asks the audit trail about (CATCH_UP_DAYS), as a late filling is.
 */
export function replyCorrectedOn(
  row: Pick<EvaluatedRow, "seenOn">,
  round: 1 | 2,
  start: string,
): string | null {
  const prefix = changedDateCell(round === 2 ? "二次答复日期" : "答复日期", "");
  let latest: string | null = null;
  for (const [cell, day] of Object.entries(row.seenOn ?? {})) {
    // ISO dates compared as text, as repliedBeforeAssigned reads the hold.
    const before = cell.startsWith(prefix) ? cell.slice(prefix.length) : "";
    if (before && before < start && (!latest || day > latest)) latest = day;
  }
  return latest;
}

/** The sighting is of a 主办单位 changed while filled (one unit for another). */
export function isLeadChange(sighting: Sighting): boolean {
  return sighting.cell === LEAD_CELL && sighting.before !== undefined && sighting.after !== undefined;
}

/** The sighting is of a reply date or a 交办日期 changed while filled (a hold it may end). */
function isDateChange(sighting: Sighting): boolean {
  return (
    (isReplyDateCell(sighting.cell) || isAssignmentDateCell(sighting.cell)) &&
    sighting.before !== undefined &&
    sighting.after !== undefined
  );
}

/**
 * The days a round's 交办日期 was seen changed from one its row contradicts (before 提出日期; for
 * 二次交办日期, before 测评日期 or 答复日期, reassignmentFloor: as series.ts reads the hold, ISO dates
 * compared as text), kept on
 * `seen` as ASSIGNMENT_CORRECTED: the day the held 交办通知 falls due (leadUnitStart and the rest), so
 * a correction made after the corrected date left the catch-up window still tells the unit.
 */
function markAssignmentCorrections(seen: Record<string, string>, row: Pick<EvaluatedRow, "record">): void {
  for (const cell of ASSIGNMENT_DATE_CELLS) {
    const prefix = changedDateCell(cell, "");
    const mark = ASSIGNMENT_CORRECTED[cell];
    for (const [key, day] of Object.entries(seen)) {
      if (key === mark || !key.startsWith(prefix)) continue;
      // The record is read only for a row whose 交办日期 was seen changed (few, if any).
      const earlier = cell === "交办日期" ? row.record.submittedOn : reassignmentFloor(row.record)?.day;
      const before = key.slice(prefix.length);
      if (earlier && before < earlier && (!seen[mark] || day > (seen[mark] as string))) seen[mark] = day;
    }
  }
}

/**
 * A round replied and not rated whose reply date is not before its 交办日期: one that was (a hold,
 * reply-series.ts) and is corrected now owes the deputy its 答复告知, and its 测评提醒 counts from
 * the day of the correction. Rows whose reply date is past the catch-up horizon are asked about as
 * lateNoticeIds anyway; these are the newer replies (at the default 测评期限天数 of 30 a 测评提醒 falls
 * due the day its reply date reaches the horizon, before lateNoticeIds names the row).
 */
function awaitingRating(record: EvaluatedRow["record"]): boolean {
  const { assignedOn, repliedOn, rating, reassignedOn, secondRepliedOn, secondRating } = record;
  return (
    (!!assignedOn && !!repliedOn && !rating && repliedOn >= assignedOn) ||
    (!!reassignedOn && !!secondRepliedOn && !secondRating && secondRepliedOn >= reassignedOn)
  );
}

/**
 * The suggestions whose 主办单位 may have changed after the 交办通知 went out (assigned, round 1
 * awaiting its reply), whose reply date may have been corrected out of a hold (awaitingRating), or
 * whose reply may have been cleared lately (a round awaiting its reply: reply-cleared.ts). The
 * notices run asks about these too (with lateNoticeIds, one query), but keeps of those lateNoticeIds
 * leaves out only their 主办单位 and reply date changes and reply clearings (leadChangesOnly), so
 * nothing else of theirs falls due on another day than before.
 */
export function leadWatchIds(rows: readonly EvaluatedRow[]): string[] {
  return rows.flatMap(({ id, record }) =>
    id &&
    record.review === "立案" &&
    record.leadUnit &&
    record.assignedOn &&
    (!record.repliedOn || awaitingRating(record) || (!!record.reassignedOn && !record.secondRepliedOn))
      ? [id]
      : [],
  );
}

/** A paste is this many suggestions at least given one 主办单位 on one day… */
const PASTE_MIN_SUGGESTIONS = 10;
/** …taken from at least this many different units (a unit renamed is one unit, not a paste). */
const PASTE_MIN_UNITS = 3;

/**
 * 主办单位 changes that look like one unit pasted down the column by mistake: on one day, at least
 * PASTE_MIN_SUGGESTIONS suggestions (of the part asked about) given the same unit, from at least
 * PASTE_MIN_UNITS different ones. Told, each would send the pasted unit a 交办通知 and every unit
 * replaced a 【更正】, and the undo as many again; an office that reassigns so many from so many units
 * in one day is rare, a slip of the fill handle is not. Its sightings are left out: no change notice
 * goes for them (what the ledger says otherwise goes on as before: README, decided).
 */
function pastedLeadChanges(sightings: readonly Sighting[], localDay: (iso: string) => string): Set<Sighting> {
  const groups = new Map<string, { sightings: Sighting[]; ids: Set<string>; units: Set<string> }>();
  for (const s of sightings) {
    if (!isLeadChange(s)) continue;
    const key = `${localDay(s.at)}\t${nameKey(s.after as string)}`;
    const group = groups.get(key) ?? { sightings: [], ids: new Set(), units: new Set() };
    group.sightings.push(s);
    group.ids.add(s.id);
    group.units.add(nameKey(s.before as string));
    groups.set(key, group);
  }
  const pasted = new Set<Sighting>();
  for (const group of groups.values())
    if (group.ids.size >= PASTE_MIN_SUGGESTIONS && group.units.size >= PASTE_MIN_UNITS)
      for (const s of group.sightings) pasted.add(s);
  return pasted;
}

/**
 * Marks a cell's filling the audit trail answers from the office's first sync on, settling or not
 * (SnapshotStore.filledSince `earlyFills`): under `cell + EARLY_FILL_MARK`, so that nothing reading
 * the cell itself (dueOnOrSeen) sends the old notices of a ledger being brought in.
 */
export const EARLY_FILL_MARK = "@填";

/** The cells the notices run asks about that way: round 1's 交办日期 (leadTakenFrom). */
export const EARLY_FILL_CELLS = ["交办日期"] as const;

/**
 * What `seenOn` calls the day the sync last saw round 1's 交办日期 filled from blank, on a suggestion
 * whose 主办单位 changed (leadChangesOnly): read by leadTakenFrom alone. The audit trail answers it
 * from the first sync on (EARLY_FILL_MARK), so that a unit typed ahead and replaced in an office's
 * first weeks, when 交办日期's own filling does not count yet, is not called taken over either.
 */
export const ASSIGNMENT_FILLED = `交办日期${EARLY_FILL_MARK}`;

/** The sighting is of round 1's 交办日期 filled from blank. */
const isAssignmentFilled = (s: Sighting): boolean =>
  (s.cell === "交办日期" || s.cell === ASSIGNMENT_FILLED) && s.before === undefined && s.after === undefined;

/**
 * The sightings as attachSightings should see them: those of `lateIds`, reply date and 交办日期
 * changes, reply cells cleared, 主办单位 changes but those that look pasted (pastedLeadChanges), and
 * 协办单位 filled or added to: a co-unit added days after 交办 counts its 异议期限 (7 working days,
 * long before the row is in lateIds) and 协办意见期限 from the day it was told (coUnitStart), as its
 * link's page does (co-opinions.ts withSightings), not from a 交办日期 it never heard of. Of a
 * suggestion whose 主办单位 changed, 交办日期 seen filled too, as ASSIGNMENT_FILLED (leadTakenFrom).
 */
export function leadChangesOnly(
  sightings: readonly Sighting[],
  lateIds: readonly string[],
  localDay: (iso: string) => string,
): Sighting[] {
  const late = new Set(lateIds);
  const pasted = pastedLeadChanges(sightings, localDay);
  const kept = sightings.filter(
    (s) =>
      !pasted.has(s) &&
      (late.has(s.id) || isLeadChange(s) || isDateChange(s) || isClearedReply(s) || s.cell === CO_UNITS_CELL),
  );
  // A 主办单位 changed before 交办日期 was typed named no unit in place of an assigned one: the day
  // 交办日期 was seen filled tells (leadTakenFrom), kept apart from the 交办日期 that dueOnOrSeen reads,
  // so that nothing of a suggestion not in lateIds falls due on another day than before.
  const changed = new Set(kept.filter(isLeadChange).map((s) => s.id));
  const filled = sightings.filter((s) => changed.has(s.id) && isAssignmentFilled(s));
  return [...kept, ...filled.map((s) => ({ id: s.id, cell: ASSIGNMENT_FILLED, at: s.at }))];
}

/** The cells whose filling (or correction out of a hold) makes round 1's 交办通知 due then. */
const ASSIGNMENT_SEEN = ["审查意见", "交办日期", ASSIGNMENT_CORRECTED.交办日期] as const;

/**
 * The day the lead unit is due its 交办通知: 交办日期, or the day the sync first saw the assignment,
 * the filled 主办单位 or this unit named in it in place of another.
 */
export function leadUnitStart(start: string, row: Pick<EvaluatedRow, "seenOn">, unit: string): string {
  return dueOnOrSeen(start, row, [...ASSIGNMENT_SEEN, LEAD_CELL, addedNameCell(LEAD_CELL, unit)]);
}

/**
 * The day the lead unit was given round 1, which its 沟通提醒 counts from and says: 交办日期, or for
 * a unit named 主办单位 in place of another after 交办 the day its 交办通知 fell due (leadUnitStart):
 * a unit handed a suggestion weeks after 交办 had no days to contact the deputy before it. A unit named
 * back after it was replaced (a slip put back, a change undone) had it from 交办日期 as before.
 * The change is seen only while within the window the notices run asks the audit trail about
 * (CATCH_UP_DAYS): a 办前沟通提醒天数 over 30 would fall due after it, counted from 交办日期 again.
 */
export function leadGivenOn(start: string, row: Pick<EvaluatedRow, "seenOn">, unit: string): string {
  const named = row.seenOn?.[addedNameCell(LEAD_CELL, unit)];
  const wasLead = row.seenOn?.[replacedLeadCell(unit)] !== undefined;
  return named && !wasLead ? leadUnitStart(start, row, unit) : start;
}

/**
 * The unit `unit` took round 1 over from and the day, when it was named 主办单位 in place of another
 * after 交办 (as leadGivenOn reads it: not a unit named back), else null: its 交办通知 says so, since
 * it reads a 交办日期 weeks before it heard of the suggestion and a 办理期限 counted from that day.
 * The unit as the 主办单位 cell held it before the change seen last that named `unit`.
 *
 * Only a unit that was given the suggestion is taken it from: `unit` must have been named after the
 * day the unit before it was due its 交办通知 (`start`, 交办日期, or the day the sync saw it typed,
 * 立案 or corrected out of a hold: leadUnitStart's days but the unit's own). A unit typed ahead
 * while the suggestion waited for 交办 (no 交办日期, or one still to come) and replaced in the edit
 * that typed it, or before its day, was never told: the unit named has an ordinary 交办通知. So
 * {{改交日期}}, the day `unit` was named, is after 交办日期 and on or before its own 交办通知's day.
 * A change seen the very day the unit before was due counts as made before it was told.
 */
export function leadTakenFrom(
  start: string,
  row: Pick<EvaluatedRow, "seenOn">,
  unit: string,
): { from: string; on: string } | null {
  const seen = row.seenOn;
  const named = seen?.[addedNameCell(LEAD_CELL, unit)];
  if (!seen || !named || seen[replacedLeadCell(unit)] !== undefined) return null;
  if (named <= dueOnOrSeen(start, row, [...ASSIGNMENT_SEEN, ASSIGNMENT_FILLED])) return null;
  const prefix = leadFromPrefix(unit);
  let taken: { from: string; on: string } | null = null;
  for (const [cell, day] of Object.entries(seen))
    if (cell.startsWith(prefix) && (!taken || day > taken.on))
      taken = { from: cell.slice(prefix.length), on: day };
  return taken?.from ? { from: taken.from, on: named } : null;
}

/**
 * The suggestions with a one-off notice whose typed day is already past the catch-up horizon, so
 * that only a late sighting of its cells (dueOnOrSeen) could still make it due: the notices run
 * asks D1 about these alone, in one query per part. A suggestion with co-units awaiting its reply is
 * asked about once its assignment is `coOpinionDays` old: a co-unit added since counts its
 * 协办意见期限 from the day it was told (coUnitStart).
 */
export function lateNoticeIds(
  rows: readonly EvaluatedRow[],
  today: string,
  coOpinionDays = CATCH_UP_DAYS,
  horizonDays = CATCH_UP_DAYS,
): string[] {
  const horizon = addDaysIso(today, -horizonDays);
  const coHorizon = addDaysIso(today, -Math.min(horizonDays, coOpinionDays));
  const ids: string[] = [];
  for (const { id, record } of rows) {
    if (!id || record.review !== "立案" || !record.leadUnit || !record.assignedOn) continue;
    const old = (day: string | null) => !!day && day < horizon;
    const coUnitsWaiting = !record.repliedOn && record.coUnits.length > 0 && record.assignedOn < coHorizon;
    if (
      (!record.repliedOn && old(record.assignedOn)) ||
      coUnitsWaiting ||
      (!record.secondRepliedOn && old(record.reassignedOn)) ||
      (!record.rating && old(record.repliedOn)) ||
      (!record.secondRating && old(record.secondRepliedOn))
    )
      ids.push(id);
  }
  return ids;
}

/**
 * The day a co-unit was told of round 1 (its 交办通知 due, its 协办意见期限 counted from): 交办日期,
 * or the day the sync first saw the assignment, the filled 协办单位 or this unit added to it.
 */
export function coUnitStart(start: string, row: Pick<EvaluatedRow, "seenOn">, unit: string): string {
  return dueOnOrSeen(start, row, [...ASSIGNMENT_SEEN, "协办单位", addedNameCell("协办单位", unit)]);
}

/**
 * The day a 领办领导 is due his or her 交办通知: 交办日期, or the day the sync first saw the
 * assignment, the filled 领办领导 or this leader added to it. A leader added weeks after 交办 is told
 * then, within CATCH_UP_DAYS of that day like any notice; one added longer ago than that and never
 * told (no run went) is not told late. A leader removed and added back falls due again, but under
 * the key he or she was told by (交办日期 and name), so the outbox does not send it twice.
 */
export function handlingLeaderStart(
  start: string,
  row: Pick<EvaluatedRow, "seenOn">,
  leader: string,
): string {
  return dueOnOrSeen(start, row, [...ASSIGNMENT_SEEN, "领办领导", addedNameCell("领办领导", leader)]);
}

/**
 * The occurrence of a series to send today: the latest one due on or before today, if it is within
 * the catch-up horizon and the series is still open. Earlier ones are superseded: when several
 * offsets of one reminder passed unsent, only the latest goes out.
 */
export function dueOccurrence(
  series: NoticeSeries,
  today: string,
  horizonDays = CATCH_UP_DAYS,
): Occurrence | null {
  if (series.lastDay && today > series.lastDay) return null;
  let latest: Occurrence | null = null;
  for (const occurrence of series.occurrences) if (occurrence.dueOn <= today) latest = occurrence;
  if (!latest || latest.dueOn < addDaysIso(today, -horizonDays)) return null;
  return latest;
}

/**
 * Puts what the notices run found (SnapshotStore.filledSince) on the rows as `seenOn`, each instant
 * as the office's local day: the rows were just loaded for this run, so they are its own to mark.
 */
export function attachSightings(
  rows: readonly EvaluatedRow[],
  sightings: readonly Sighting[],
  localDay: (iso: string) => string,
  /** 承办单位, so that a unit's former name (原名称) is the unit itself (addedNames). */
  units?: UnitNames,
): void {
  if (sightings.length === 0) return;
  const byId = new Map<string, Record<string, string>>();
  for (const sighting of sightings) {
    const seen = byId.get(sighting.id) ?? {};
    for (const { cell, at } of addedNames(sighting, units)) {
      const day = localDay(at);
      if (!seen[cell] || day > (seen[cell] as string)) seen[cell] = day;
    }
    byId.set(sighting.id, seen);
  }
  for (const row of rows) {
    const seen = row.id ? byId.get(row.id) : undefined;
    if (!seen) continue;
    markAssignmentCorrections(seen, row);
    (row as { seenOn?: EvaluatedRow["seenOn"] }).seenOn = seen;
  }
}
