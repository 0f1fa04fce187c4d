import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import { addDaysIso } from "../civil-date";
import { PRACTICE_FACTS } from "../practice/practice-facts";
import type { Problem } from "../problems";
import type { EvaluatedRow } from "../summary/evaluated";
import type { Sighting } from "./catch-up";
import { type Round, rated, replyPresent, roundsOf } from "./series";

/**
 * The days a round's reply, seen cleared, holds its units' reminders: the day the sync saw it and the
 * two after. A reply cleared by mistake (a selection deleted, 答复日期…满意度 of twenty rows) would
 * otherwise have every unit pressed as months overdue at the next run, and putting the values back
 * sends nothing to say it was a mistake; staff are told (a 提醒 in 校验问题) and have these days to
 * undo it. A reply cleared on purpose is pressed as usual after them (the latest passed reminder).
 * A rating cleared alone (the reply's date kept) holds the deputy's 答复告知 and 测评提醒 alike: the
 * deputy who rated would otherwise be asked to rate again at the next run.
 */
export const CLEARED_GRACE_DAYS = 3;

/** The cells of a round's reply record, cleared together when a selection is deleted. */
export const ROUND_REPLY_CELLS = {
  1: ["答复日期", "答复类别", "满意度"],
  2: ["二次答复日期", "二次答复类别", "二次满意度"],
} as const;

/**
 * Those of them whose filling the notices take as its reply (series.ts, replyPresent): a rating is
 * not one. A 满意度 cleared beside no reply date or class (a stray one removed, as its 错误 asks) was
 * no reply, so it holds nothing: only a clearing of one of these starts a reply's grace.
 */
const ROUND_REPLY_PROOF = {
  1: ["答复日期", "答复类别"],
  2: ["二次答复日期", "二次答复类别"],
} as const;

/** The reply cells whose clearing the audit trail is asked about (SnapshotStore.filledSince, briefs). */
export const CLEARED_REPLY_CELLS = [...ROUND_REPLY_CELLS[1], ...ROUND_REPLY_CELLS[2]] as const;

/** The cell of a round whose filling the notices take as its rating (series.ts, rated). */
export const ROUND_RATING_CELL = { 1: "满意度", 2: "二次满意度" } as const;

const isReplyCell = (cell: string) => (CLEARED_REPLY_CELLS as readonly string[]).includes(cell);

/** The sighting is of a reply cell seen going from filled to blank (its text before kept). */
export function isClearedReply(sighting: Sighting): boolean {
  return isReplyCell(sighting.cell) && sighting.after === "" && !!sighting.before;
}

/** What `seenOn` calls the local day reply cell `cell` was last seen cleared. */
export function clearedMark(cell: string): string {
  return `${cell}>清空`;
}

/** The first day a clearing seen on `seenOn` no longer holds anything. */
const graceEndOf = (seenOn: string) => addDaysIso(seenOn, CLEARED_GRACE_DAYS);

/** The day nothing is held any more by the latest clearing of `cells` (null: none, or over today). */
function graceEndOfCells(
  row: Pick<EvaluatedRow, "seenOn">,
  cells: readonly string[],
  today: string,
): string | null {
  const seen = row.seenOn;
  if (!seen) return null;
  let latest: string | null = null;
  for (const cell of cells) {
    const day = seen[clearedMark(cell)];
    if (day && (!latest || day > latest)) latest = day;
  }
  if (!latest) return null;
  const end = graceEndOf(latest);
  return today < end ? end : null;
}

/**
 * The day the round's reminders resume when one of its reply cells was seen cleared lately and the
 * grace is not over today (the latest clearing counts); null when nothing holds them. Only called
 * for a round whose reply is not in now: one put back has nothing to hold.
 */
export function clearedReplyGraceEnd(
  row: Pick<EvaluatedRow, "seenOn">,
  round: 1 | 2,
  today: string,
): string | null {
  if (!graceEndOfCells(row, ROUND_REPLY_PROOF[round], today)) return null;
  // The rating cleared with it, or after it, counts too, as clearedHolds tells staff.
  return graceEndOfCells(row, ROUND_REPLY_CELLS[round], today);
}

/**
 * The day the deputy is asked to rate the round again when its rating was seen cleared lately (the
 * reply kept) and the grace is not over today; null when nothing holds it. Only called for a round
 * replied and not rated now.
 */
export function clearedRatingGraceEnd(
  row: Pick<EvaluatedRow, "seenOn">,
  round: 1 | 2,
  today: string,
): string | null {
  return graceEndOfCells(row, [ROUND_RATING_CELL[round]], today);
}

/** A cell's text as the audit trail keeps it, as staff typed it: a date (a serial number) as ISO. */
function shownValue(cell: string, text: string): string {
  if (!cell.endsWith("日期")) return text;
  const parsed = parseDateValue(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  return parsed.ok ? parsed.iso : text;
}

/** The clearings of one suggestion, the latest per cell. */
function latestByCell(cleared: readonly Sighting[], localDay: (iso: string) => string) {
  const byCell = new Map<string, { before: string; day: string }>();
  for (const s of cleared) {
    const day = localDay(s.at);
    const known = byCell.get(s.cell);
    if (!known || day > known.day) byCell.set(s.cell, { before: s.before ?? "", day });
  }
  return byCell;
}

/**
 * The cells of a round that a clearing still holds for: its reply cells while the reply is not in,
 * else its rating cell while the rating is not in (the reply kept); the rest is not held.
 */
function heldCells(round: Round): { cells: readonly string[]; kind: ClearedHold["held"] } | null {
  if (!replyPresent(round)) return { cells: ROUND_REPLY_CELLS[round.round], kind: "reply" };
  if (!rated(round)) return { cells: [ROUND_RATING_CELL[round.round]], kind: "rating" };
  return null;
}

/** A round a clearing holds (clearedHolds): what 校验问题 says of it, and what the 督办周报 marks. */
export interface ClearedHold {
  readonly row: EvaluatedRow;
  /** reply: the round's reply is not in (its unit's reminders held); rating: only its rating (the deputy's). */
  readonly held: "reply" | "rating";
  /** The held cells seen cleared within the grace, in the round's order. */
  readonly cells: readonly string[];
  /** What they held, as staff typed them, joined by 、. */
  readonly was: string;
  /** The latest local day one of them was seen cleared. */
  readonly found: string;
}

/**
 * Each round whose reply (or, the reply kept, rating) was seen cleared within the grace and is still
 * blank. Only rows with a clearing are looked at: a few, asked of the audit trail with the briefs.
 */
export function clearedHolds(
  rows: readonly EvaluatedRow[],
  cleared: readonly Sighting[],
  today: string,
  localDay: (iso: string) => string,
): ClearedHold[] {
  if (cleared.length === 0) return [];
  const byId = new Map<string, Sighting[]>();
  for (const s of cleared) if (isClearedReply(s)) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  const out: ClearedHold[] = [];
  for (const row of rows) {
    const theirs = row.id && !row.blank ? byId.get(row.id) : undefined;
    if (!theirs) continue;
    const byCell = latestByCell(theirs, localDay);
    for (const round of roundsOf(row)) {
      const held = heldCells(round);
      if (!held) continue;
      const cells = held.cells.filter((cell) => {
        const seen = byCell.get(cell);
        return seen !== undefined && today < graceEndOf(seen.day);
      });
      if (cells.length === 0) continue;
      // A rating alone cleared beside no reply (clearedReplyGraceEnd) holds nothing to tell of.
      if (held.kind === "reply" && cells.every((cell) => cell === ROUND_RATING_CELL[round.round])) continue;
      const found = cells.map((c) => byCell.get(c)?.day as string).sort()[cells.length - 1] as string;
      const was = cells.map((c) => shownValue(c, byCell.get(c)?.before ?? "")).join("、");
      out.push({ row, held: held.kind, cells, was, found });
    }
  }
  return out;
}

/** What each kind of hold resumes once the grace is over (a clearing on purpose). */
const RESUMES: Record<ClearedHold["held"], string> = {
  reply: "向承办单位发送到期提醒和逾期催办",
  rating: "向领衔代表发送测评提醒",
};

/**
 * The 提醒 in 校验问题 of each hold: naming the cells, what they held and when the reminders resume.
 * Said by every sync of the grace (the sync asks the audit trail at each check of the row), not only
 * by the one that saw it.
 */
export function clearedHoldProblems(holds: readonly ClearedHold[], tab: string): Problem[] {
  return holds.map(({ row, held, cells, was, found }) => ({
    tab,
    row: row.rowNumber,
    column: cells[0] as string,
    level: "提醒",
    id: row.id,
    message:
      `${cells.join("、")}已被清空（原为 ${was}，${found} 发现）：如系误删，请恢复` +
      `（看板中本件的“变更与通知记录”有原值）；确需清空的，${graceEndOf(found)} 起照常${RESUMES[held]}`,
  }));
}

/**
 * The PRACTICE_FACTS flags of each held row (by sheet row number), stored with the row so that the
 * 督办周报, written from the figures the sync's finish adds up, marks the suggestion in its lists
 * (digest.ts clearedReplyNote, clearedRatingNote) without asking the audit trail again: a reply
 * cleared by mistake would otherwise be read by leaders as months overdue.
 */
export function clearedFlags(holds: readonly ClearedHold[]): Map<number, number> {
  const flags = new Map<number, number>();
  for (const { row, held } of holds) {
    const flag = held === "reply" ? PRACTICE_FACTS.replyCleared : PRACTICE_FACTS.ratingCleared;
    flags.set(row.rowNumber, (flags.get(row.rowNumber) ?? 0) | flag);
  }
  return flags;
}

/**
 * The suggestions of `rows` with a round whose reply date is blank, or whose reply is not rated: the
 * only ones a clearing can hold (a few more: a reply class may stand for the reply,
 * clearedReplyProblems decides), so the sync asks the audit trail about these alone. The record's
 * fields only: no row is built again.
 */
export function awaitingReplyIds(rows: readonly EvaluatedRow[]): string[] {
  return rows.flatMap(({ id, blank, newId, record }) =>
    id &&
    !blank &&
    !newId &&
    record.review === "立案" &&
    record.leadUnit &&
    record.assignedOn &&
    (!record.repliedOn ||
      !record.rating ||
      (!!record.reassignedOn && (!record.secondRepliedOn || !record.secondRating)))
      ? [id]
      : [],
  );
}

/**
 * The instant from which the sync asks for clearings: UTC midnight a day before the grace's first
 * day, so the office's local day starts after it in any zone (the days are told apart locally).
 */
export function clearedSince(today: string): string {
  return new Date(Date.parse(`${addDaysIso(today, -CLEARED_GRACE_DAYS)}T00:00:00Z`)).toISOString();
}
