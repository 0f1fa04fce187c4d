import { describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../../src/domain/civil-date";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import {
  attachSightings,
  CATCH_UP_DAYS,
  CHANGED_NAME_CELLS,
  LATE_NOTICE_CELLS,
  lateNoticeIds,
  leadChangesOnly,
  leadWatchIds,
  type Sighting,
} from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import {
  ASSIGNED_ROW,
  daysBetweenInclusive,
  noticeTabs,
  REASSIGNED_ROW,
  ROUND_2_TOLD_KEYS,
  type SettingsRows,
} from "./helpers";

/** The ledger's cells as each sync saw them: `base`, then each day's edits from that day on. */
type Edits = Record<string, Partial<LedgerCells>>;

function cellsOn(base: LedgerCells, edits: Edits, day: string): LedgerCells {
  let cells = { ...base };
  for (const [from, change] of Object.entries(edits).sort()) if (from <= day) cells = { ...cells, ...change };
  return cells;
}

/** A cell as the sync keeps it in the audit trail: a date the sheet holds as its serial number. */
function audited(value: LedgerCells[string]): string {
  const text = String(value ?? "");
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? String(serialFromIso(text)) : text;
}

/**
 * The audit trail's answer (SnapshotStore.filledSince) for the suggestions asked about, the office's
 * first sync long past: a cell of LATE_NOTICE_CELLS filled from blank (the latest filling), and each
 * change to one of CHANGED_NAME_CELLS that kept it filled, with its text before and after.
 */
function sightingsOf(base: LedgerCells, edits: Edits, today: string, asked: readonly string[]): Sighting[] {
  const id = String(base.编号);
  if (!asked.includes(id)) return [];
  const since = addDaysIso(today, -CATCH_UP_DAYS - 1);
  const filled = new Map<string, string>();
  const changed: Sighting[] = [];
  let before = base;
  for (const day of Object.keys(edits).sort()) {
    if (day > today) break;
    const after = cellsOn(base, edits, day);
    const at = `${day}T02:00:00.000Z`;
    for (const cell of new Set<string>([...LATE_NOTICE_CELLS, ...CHANGED_NAME_CELLS])) {
      const was = audited(before[cell]);
      const now = audited(after[cell]);
      if (day < since || was === now || now === "") continue;
      if (was === "" && (LATE_NOTICE_CELLS as readonly string[]).includes(cell)) filled.set(cell, at);
      if (was !== "" && (CHANGED_NAME_CELLS as readonly string[]).includes(cell))
        changed.push({ id, cell, at, before: was, after: now });
    }
    before = after;
  }
  return [...[...filled].map(([cell, at]) => ({ id, cell, at })), ...changed];
}

/**
 * The notices run every day as plan-steps runs it: one ask of the audit trail about lateNoticeIds and
 * leadWatchIds, the sightings leadChangesOnly keeps put on the row, the outbox keys due within the
 * catch-up window; a key already in the outbox is not inserted again (ON CONFLICT). Returns the lead
 * deputy's notices as they went out: "day type round".
 */
function deputyNotices(
  base: LedgerCells,
  edits: Edits,
  from: string,
  to: string,
  sentBefore: readonly string[] = [],
  settings: SettingsRows = [],
): { lines: string[]; notices: PlannedNotice[] } {
  const outbox = new Map<string, string>(sentBefore.map((key) => [key, "2000-01-01"]));
  const lines: string[] = [];
  const notices: PlannedNotice[] = [];
  const localDay = (iso: string) => iso.slice(0, 10);
  for (const day of daysBetweenInclusive(from, to)) {
    const evaluation = evaluateLedger({
      tabs: noticeTabs([cellsOn(base, edits, day)], settings),
      today: day,
    });
    const late = lateNoticeIds(evaluation.rows, day, evaluation.settings.coOpinionDays);
    const asked = [...new Set([...late, ...leadWatchIds(evaluation.rows)])];
    attachSightings(
      evaluation.rows,
      leadChangesOnly(sightingsOf(base, edits, day, asked), late, localDay),
      localDay,
    );
    const since = addDaysIso(day, -CATCH_UP_DAYS);
    const existingKeys = [...outbox].flatMap(([key, dueOn]) => (dueOn >= since ? [key] : []));
    for (const n of planNotices({ today: day, evaluation, existingKeys, arrivals: [] }).notices) {
      if (outbox.has(n.key)) continue;
      outbox.set(n.key, n.dueOn);
      if (n.recipient !== base.领衔代表) continue;
      lines.push(`${day} ${n.type} r${n.round}`);
      notices.push(n);
    }
  }
  return { lines, notices };
}

/** 2026-128, assigned 2026-09-20 to 区教育局; 张明 its lead deputy. */
const ASSIGNED_SEPT: LedgerCells = { ...ASSIGNED_ROW, 编号: "2026-128", 交办日期: "2026-09-20" };
const REPLY = { 答复类别: "A", 答复内容: "已解决" };

describe("a 答复日期 before its 交办日期 corrected after the catch-up window", () => {
  it("tells the deputy of the reply on the day the correction is seen, and asks a rating 30 days after", () => {
    // Typed 2025-01-07 for 2027-01-07, corrected five weeks later.
    const edits: Edits = {
      "2027-01-11": { ...REPLY, 答复日期: "2025-01-07" },
      "2027-02-15": { 答复日期: "2027-01-07" },
    };
    const { lines, notices } = deputyNotices(ASSIGNED_SEPT, edits, "2027-01-11", "2027-04-30");
    // Before: no 答复告知 (its due day, the filling seen 2027-01-11, past the window), and a
    // 测评提醒 the same day about a reply the deputy was never told of.
    expect(lines).toEqual(["2027-02-15 答复告知 r1", "2027-03-17 测评提醒 r1"]);
    expect(notices[0]?.body).toContain(
      "（编号 2026-128）已由区教育局作出答复，答复为 A 类（已解决或采纳）。请对办理情况进行测评。",
    );
    expect(notices[1]?.body).toContain("已由区教育局答复，尚未收到您的测评意见。请尽快测评。");
  });

  it("asks no rating on the day the deputy is first told, when the reply date is just inside the window", () => {
    // Corrected 30 days after the date it now holds: lateNoticeIds does not name the row yet, and the
    // 测评提醒 counted from 2026-04-11 would fall due that very day.
    const edits: Edits = {
      "2026-04-13": { ...REPLY, 答复日期: "2025-04-11" },
      "2026-05-11": { 答复日期: "2026-04-11" },
    };
    const { lines } = deputyNotices(ASSIGNED_ROW, edits, "2026-04-13", "2026-07-31");
    expect(lines).toEqual(["2026-05-11 答复告知 r1", "2026-06-10 测评提醒 r1"]);
  });

  it("asks the rating on the last working day a run still sees the correction, when 30 days after it is a rest day", () => {
    // Corrected Thursday 2026-05-14: 30 days on is Saturday 2026-06-13, and by Monday's run the
    // correction is past the 30 days the run asks the audit trail about.
    const edits: Edits = {
      "2026-04-13": { ...REPLY, 答复日期: "2025-04-10" },
      "2026-05-14": { 答复日期: "2026-04-10" },
    };
    const { lines } = deputyNotices(ASSIGNED_ROW, edits, "2026-04-13", "2026-08-31");
    expect(lines).toEqual(["2026-05-14 答复告知 r1", "2026-06-12 测评提醒 r1"]);
  });

  it("asks the rating within the 30 days a run sees the correction, under a longer 测评期限天数", () => {
    const edits: Edits = {
      "2027-01-11": { ...REPLY, 答复日期: "2025-01-07" },
      "2027-02-15": { 答复日期: "2027-01-07" },
    };
    const { lines } = deputyNotices(
      ASSIGNED_SEPT,
      edits,
      "2027-01-11",
      "2027-06-30",
      [],
      [["测评期限天数", "60"]],
    );
    expect(lines).toEqual(["2027-02-15 答复告知 r1", "2027-03-17 测评提醒 r1"]);
  });

  it("does the same for round 2's 二次答复日期 before 二次交办日期", () => {
    const edits: Edits = {
      "2026-06-22": { 二次答复日期: "2025-06-20", 二次答复类别: "A" },
      "2026-08-10": { 二次答复日期: "2026-06-20" },
    };
    const { lines } = deputyNotices(REASSIGNED_ROW, edits, "2026-06-22", "2026-10-31", ROUND_2_TOLD_KEYS);
    expect(lines).toEqual(["2026-08-10 答复告知 r2", "2026-09-09 测评提醒 r2"]);
  });

  it("counts the 测评提醒 from a correction seen within the window too", () => {
    const quick: Edits = {
      "2026-03-05": { ...REPLY, 答复日期: "2025-03-05" },
      "2026-03-09": { 答复日期: "2026-03-05" },
    };
    // Told the day the correction is seen (as before: due 2026-03-05, sent by the first run after),
    // asked to rate 30 days after that, not 30 days after 2026-03-05.
    expect(deputyNotices(ASSIGNED_ROW, quick, "2026-03-05", "2026-05-29").lines).toEqual([
      "2026-03-09 答复告知 r1",
      "2026-04-08 测评提醒 r1",
    ]);
  });

  it("moves nothing when a reply date is retyped between two dates not before 交办日期", () => {
    const retyped: Edits = {
      "2026-03-05": { ...REPLY, 答复日期: "2026-03-05" },
      "2026-03-20": { 答复日期: "2026-03-06" },
    };
    // 2026-03-06 + 30 is 2026-04-05, in 清明's rest days: the first working day after.
    expect(deputyNotices(ASSIGNED_ROW, retyped, "2026-03-05", "2026-05-29").lines).toEqual([
      "2026-03-05 答复告知 r1",
      "2026-04-07 测评提醒 r1",
    ]);
  });
});
