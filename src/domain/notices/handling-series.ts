import {
  CO_UNIT_TEMPLATE,
  HANDLING_LEADER_TEMPLATE,
  OVERDUE_LEADER_TEMPLATE,
} from "../../../sheets-schema/enums";
import { addDaysIso } from "../civil-date";
import { daysBetween } from "../deadlines";
import { leaderNames, listedName, nameKey } from "../directory";
import type { EvaluatedRow } from "../summary/evaluated";
import {
  ASSIGNMENT_CORRECTED,
  addedNameCell,
  coUnitStart,
  dueOnOrSeen,
  handlingLeaderStart,
  LEAD_CELL,
  leadGivenOn,
  leadTakenFrom,
  leadUnitStart,
  replacedLeadCell,
  replacedLeadUnits,
} from "./catch-up";
import { displayDate } from "./format";
import { leadIntroduction, reassignmentIntroduction } from "./introductions";
import { assignmentOccurrence, reminderOccurrence } from "./keys";
import { coOpinionDeadline, objectionView } from "./placeholders";
import type { RecipientRef } from "./recipients";
import { clearedReplyGraceEnd } from "./reply-cleared";
import {
  type NoticeSeries,
  type Occurrence,
  type Round,
  replyPresent,
  roundsOf,
  roundView,
  type SeriesContext,
} from "./series";
import type { Spacing } from "./spacing";

function unique(names: readonly string[]): string[] {
  return [...new Set(names.filter((n) => n !== ""))];
}

/** The leaders told of an overdue suggestion: its 督办领导 (of a key one), then its 领办领导, each once. */
function overdueLeaders(supervising: readonly string[], leading: readonly string[]): RecipientRef[] {
  const told = new Set(supervising.map(nameKey));
  const names = [...supervising, ...leading.filter((name) => !told.has(nameKey(name)))];
  return names.map((name) => ({ kind: "leader", name }));
}

/**
 * 到期提醒 occurrences: each 到期提醒天数 before 办理期限, none on or before the assignment day, keyed
 * by their day (keys.ts, reminderOccurrence): a 办理期限 moved later has reminders of its own.
 */
function reminderOccurrences(round: Round, days: readonly number[]): Occurrence[] {
  if (!round.due) return [];
  const due = round.due;
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (const offset of [...days].sort((a, b) => b - a)) {
    const dueOn = addDaysIso(due, -offset);
    if (dueOn <= round.start || seen.has(dueOn)) continue;
    seen.add(dueOn);
    out.push({ occurrence: reminderOccurrence(offset, dueOn), dueOn });
  }
  return out;
}

/**
 * The latest 逾期催办 due by today: the first working day after 办理期限, then every
 * 逾期催办间隔天数 after that. Earlier ones are superseded, so only the latest is returned. Planning
 * spaces each recipient's from the last he or she got (overdueSpacing).
 */
function overdueOccurrence(round: Round, today: string, ctx: SeriesContext): Occurrence[] {
  if (!round.due || today <= round.due) return [];
  const first = ctx.calendar.nextWorkingDay(round.due);
  if (today < first) return [];
  const interval = ctx.settings.overdueIntervalDays;
  const n = Math.floor(daysBetween(first, today) / interval) + 1;
  return [{ occurrence: `n${n}`, dueOn: addDaysIso(first, (n - 1) * interval) }];
}

/**
 * The 逾期催办's grid: from the first working day after 办理期限, every 逾期催办间隔天数. One caught
 * up late moves the rest (spacing.ts): a unit is never pressed twice within the interval.
 */
function overdueSpacing(round: Round, ctx: SeriesContext): Spacing | undefined {
  if (!round.due) return undefined;
  return { first: ctx.calendar.nextWorkingDay(round.due), intervalDays: ctx.settings.overdueIntervalDays };
}

/**
 * 交办通知, 二次交办通知, 到期提醒 and 逾期催办 of one suggestion: everything that goes to the
 * handling units while a round waits for its reply. A reply date typed but unreadable counts as a
 * reply here: telling a unit it has not replied when it has is worse than a late reminder, and
 * staff have an 错误 on the cell to fix. So, for the reminders only, does a reply class typed but
 * not one of the classes (E) beside a blank reply date: typed as a class it would count as a reply
 * already (series.ts, replyWithoutDate), and the wording of the cell must not decide whether a unit
 * is pressed. The unit still hears of the assignment (the cell may sit on the wrong row), and the
 * reminders resume as soon as that 错误 is gone with the cell cleared. A rating beside a blank reply
 * date, typed as a choice or not, holds nothing: it is no reply, and a stray one must not silence
 * what the unit is owed by law (its 错误 says the reminders go on). A round
 * whose 交办日期 is before the date it must follow (an 错误 saying so) sends its units nothing: its
 * 办理期限 counts from a slip, and a unit pressed as 215 days overdue on a suggestion assigned last
 * week is worse than a reminder a few days late. Nor does a round whose reply was seen cleared in the
 * last days (reply-cleared.ts): staff are told and may put it back; after the grace, the latest
 * reminder passed goes out as any caught up.
 */
export function handlingSeries(row: EvaluatedRow, ctx: SeriesContext): NoticeSeries[] {
  const { record } = row;
  const id = row.id;
  const rounds = roundsOf(row);
  const current = rounds[rounds.length - 1];
  if (!id || !current) return [];
  const out: NoticeSeries[] = [];
  const first = rounds[0] as Round;
  const lead: RecipientRef = { kind: "unit", name: record.leadUnit };
  // practice.md: the 领办领导 gets the 交办通知 and the 逾期催办 of the suggestions he or she leads;
  // a cell naming two leaders reaches each on his or her own channel, with a notice of their own.
  const leadingNames = leaderNames(record.handlingLeader);
  // A 交办日期 the row contradicts (series.ts, assignedOnContradicted) holds the round's notices to
  // its units, 交办通知 included: it would state a 交办日期 and 异议期限 staff are told are wrong.
  // Corrected, it goes under the corrected date's key, due the day the correction was seen at the
  // latest (catch-up.ts, ASSIGNMENT_CORRECTED), as a held 答复告知 does (reply-series.ts).
  if (!replyPresent(first) && !first.assignedOnContradicted && !clearedReplyGraceEnd(row, 1, ctx.today)) {
    const view = roundView(row, first, ctx);
    // Once per (suggestion, unit, 交办日期): a corrected 交办日期 is a new assignment. Due on
    // 交办日期, or on the day the sync first saw the assignment (typed late) for whom it is new, or
    // this unit named 主办单位 in place of another: keyed apart then, so that a unit told of the
    // suggestion before as a co-unit, or told it was replaced, hears it is the lead unit now.
    const named = row.seenOn?.[addedNameCell(LEAD_CELL, record.leadUnit)];
    const wasLead = row.seenOn?.[replacedLeadCell(record.leadUnit)] !== undefined;
    // Its 异议期限 counts from the day it was given the suggestion (leadGivenOn): a unit named in
    // place of another days after 交办 could not object before it knew, and its link takes the
    // objection until that day (unit-actions.ts).
    const given = leadGivenOn(first.start, row, record.leadUnit);
    // It is told which unit had the suggestion and since when it has it ({{原主办单位}},
    // {{改交日期}}): else it reads a 交办日期 weeks ago and a 办理期限 close by, which still counts
    // from 交办日期 (the statutory period is the suggestion's, not the unit's).
    const taken = leadTakenFrom(first.start, row, record.leadUnit);
    const moved = taken && {
      原主办单位: listedName(ctx.names?.units, taken.from),
      改交日期: displayDate(taken.on),
    };
    const leadView =
      given === first.start && !moved
        ? view
        : (recipient: string) => ({ ...view(recipient), 异议期限: objectionView(given, ctx), ...moved });
    out.push({
      type: "交办通知",
      suggestionId: id,
      round: 1,
      occurrences: [
        {
          occurrence: assignmentOccurrence(
            first.start,
            named ? { role: wasLead ? "仍主办" : "主办", seenOn: named } : undefined,
          ),
          dueOn: leadUnitStart(first.start, row, record.leadUnit),
        },
      ],
      lastDay: null,
      recipients: [lead],
      view: leadView,
    });
    // The 领办领导 sees it handled rather than handles it: a text of its own (模板 交办通知（领办领导）).
    // Each leader is due on the day he or she was named (handlingLeaderStart): one added to the cell
    // weeks after 交办 is told then, those told already are not (the outbox keys each by name).
    for (const name of leadingNames)
      out.push({
        type: "交办通知",
        suggestionId: id,
        round: 1,
        occurrences: [{ occurrence: first.start, dueOn: handlingLeaderStart(first.start, row, name) }],
        lastDay: null,
        template: HANDLING_LEADER_TEMPLATE,
        recipients: [{ kind: "leader", name }],
        view,
      });
    // Co-units send their opinion to the lead unit: their own text (模板 交办通知（协办单位）), each
    // due on the day it was told (coUnitStart: a unit added weeks after 交办 is told then), with
    // its 协办意见期限 and its 异议期限 counted from that day: it could not object before it knew, and
    // its link takes the objection until that day (unit-actions.ts). The outbox keeps each unit told once.
    const coUnits = unique(record.coUnits.filter((n) => n !== record.leadUnit));
    const coView = (told: string) => (recipient: string) => ({
      ...view(recipient),
      协办意见期限: coOpinionDeadline(told, ctx),
      异议期限: objectionView(told, ctx),
    });
    for (const name of coUnits) {
      const told = coUnitStart(first.start, row, name);
      out.push({
        type: "交办通知",
        suggestionId: id,
        round: 1,
        occurrences: [{ occurrence: first.start, dueOn: told }],
        lastDay: null,
        template: CO_UNIT_TEMPLATE,
        recipients: [{ kind: "unit", name }],
        view: coView(told),
      });
    }
    // A unit a changed 主办单位 replaced is told so on the day seen, once (a 【更正】 of the 交办通知 it
    // got: planning sends it only to a unit told of the suggestion), else it would think it still
    // handles it. One made a co-unit gets the co-units' text under that 【更正】 instead.
    const coKeys = new Set(coUnits.map(nameKey));
    for (const { unit, seenOn } of replacedLeadUnits(row)) {
      const co = coKeys.has(unit);
      const told = co ? coUnitStart(first.start, row, unit) : seenOn;
      out.push({
        type: "交办通知",
        suggestionId: id,
        round: 1,
        occurrences: [
          {
            occurrence: assignmentOccurrence(first.start, { role: co ? "协办" : "无", seenOn }),
            dueOn: seenOn,
          },
        ],
        lastDay: null,
        ...(co ? { template: CO_UNIT_TEMPLATE } : {}),
        recipients: [{ kind: "unit", name: unit }],
        view: co ? coView(told) : view,
      });
    }
  }
  if (replyPresent(current)) return out;
  if (current.assignedOnContradicted) return out;
  // A reply cleared lately (a selection deleted by mistake, say) presses no unit until staff had
  // the days to notice and put it back.
  if (clearedReplyGraceEnd(row, current.round, ctx.today)) return out;
  // The day the 二次交办通知 falls due, from which its reminders may be the unit's first word of round 2.
  const reassignedSeen =
    current.round === 2
      ? dueOnOrSeen(current.start, row, ["二次交办日期", ASSIGNMENT_CORRECTED.二次交办日期])
      : "";
  if (current.round === 2) {
    out.push({
      type: "二次交办通知",
      suggestionId: id,
      round: 2,
      occurrences: [{ occurrence: "-", dueOn: reassignedSeen }],
      lastDay: null,
      recipients: [lead],
      view: roundView(row, current, ctx),
    });
  }
  // A class typed as no class beside a blank reply date (above): its 错误 is mended first.
  if (current.replyClassUnreadable) return out;
  const view = roundView(row, current, ctx);
  // The reminders may be the lead unit's first word of the suggestion, or of its round 2: a ledger
  // taken over mid-year never sent the 二次交办通知 (introductions.ts).
  const introducedBy =
    current.round === 1
      ? leadIntroduction(row, first, ctx)
      : reassignmentIntroduction(current, reassignedSeen);
  out.push({
    type: "到期提醒",
    suggestionId: id,
    round: current.round,
    occurrences: reminderOccurrences(current, ctx.settings.reminderDays),
    lastDay: current.due,
    recipients: [lead],
    introducedBy,
    view,
  });
  const leaders = overdueLeaders(record.isKey ? leaderNames(record.supervisor) : [], leadingNames);
  const overdue = {
    type: "逾期催办",
    suggestionId: id,
    round: current.round,
    occurrences: overdueOccurrence(current, ctx.today, ctx),
    lastDay: null,
    spacing: overdueSpacing(current, ctx),
    view,
  } as const;
  out.push({ ...overdue, recipients: [lead], introducedBy });
  // A leader is not the one to reply: told which unit has not, to press it (模板 逾期催办（领导）).
  if (leaders.length > 0) out.push({ ...overdue, template: OVERDUE_LEADER_TEMPLATE, recipients: leaders });
  return out;
}
