import { addDaysIso } from "../civil-date";
import { nameKey } from "../directory";
import type { PracticeIndex } from "../practice/practice-index";
import type { Problem } from "../problems";
import type { EvaluatedRow } from "../summary/evaluated";
import { CATCH_UP_DAYS, dueOccurrence } from "./catch-up";
import { type DigestFigures, digestFigures, digestSeries } from "./digest";
import { handlingSeries } from "./handling-series";
import {
  baseKeyOf,
  hearingKey,
  hearingKeyOf,
  type NoticeKeyParts,
  type NoticeNaming,
  noticeBaseKey,
  noticeKey,
  noticesTold,
  tellingOf,
  toldKey,
} from "./keys";
import { type DecidedObjection, objectionSeries } from "./objection-series";
import type { View } from "./placeholders";
import { practiceSeries } from "./practice-series";
import { type FormArrival, receiptSeries } from "./receipt-series";
import { asStandIn, type RecipientBook, resolveRecipient, standInRecipient } from "./recipients";
import { renderNotice } from "./render";
import { replySeries } from "./reply-series";
import { type Introduction, type NoticeSeries, type SeriesContext, withAppendix } from "./series";
import { spacedDue } from "./spacing";
import { markCorrection, markFirstWord, markSecondRound } from "./tidy";
import type { NoticeEvaluation, NoticePlan, PlannedNotice, UnreachableNotice } from "./types";

export interface PlanNoticesInput {
  /** Local date in 设置 时区. */
  readonly today: string;
  readonly evaluation: NoticeEvaluation;
  /**
   * Idempotency keys already in the outbox (at least those due within the catch-up horizon) of
   * notices sent or still to be sent: the recipient counts as notified.
   */
  readonly existingKeys: Iterable<string>;
  /**
   * Notices in the outbox that failed for good (失败), with the address each failed at: they do not
   * count as notified, so a working channel (another 通知渠道, or a corrected address) sends them;
   * the same channel and address is not planned again (staff's 重试 is for that).
   */
  readonly failedNotices?: Iterable<{ readonly key: string; readonly address: string }>;
  /** Suggestions that arrived by form (for 受理回执). */
  readonly arrivals: readonly FormArrival[];
  /**
   * Which notices besides the receipts of `arrivals`: those about the rows (handling, replies,
   * practice), the weekly digest, or both (absent). A large ledger is planned a part at a time, the
   * digest once.
   */
  readonly scope?: "rows" | "digest";
  /** 编号 more than one row holds, rows outside `evaluation` counted (a part sees only its own). */
  readonly duplicateIds?: ReadonlySet<string>;
  /**
   * 沟通记录, 延期申请 and 协办意见 of the suggestions practice notices may concern (see
   * practiceNoticeIds); the evaluation's own index when left out.
   */
  readonly practice?: PracticeIndex;
  /**
   * The digest's figures as the sync's finish stored them for today; worked out from the rows of
   * `evaluation` when left out.
   */
  readonly digest?: DigestFigures;
  /** PUBLIC_URL's origin, where the digest points to the dashboard; absent or null without it. */
  readonly dashboard?: string | null;
  /**
   * Suggestions whose outbox keys `existingKeys` holds from their 交办日期 on, not only within the
   * catch-up horizon: whether a unit was ever sent anything about them is known, not presumed
   * (firstWord; NoticePlan.introductionsUnseen names those it would have to presume).
   */
  readonly historyOf?: ReadonlySet<string>;
  /**
   * Units' 交办异议 decided within the catch-up horizon, of the suggestions planned (D1 keeps them,
   * not the sheet): each unit whose objection was not agreed is told (交办异议处理结果). None when
   * left out.
   */
  readonly objections?: readonly DecidedObjection[];
  /**
   * 编号 whose deputy's rating the ledger as of the last sync does not hold yet (in the inbox, or
   * written by intake since): the rated round's 答复告知 and 测评提醒 wait (replySeries). None when
   * left out.
   */
  readonly ratingsSent?: ReadonlySet<string>;
}

/** The decided objections by 编号. */
function objectionsById(objections: readonly DecidedObjection[]): Map<string, DecidedObjection[]> {
  const byId = new Map<string, DecidedObjection[]>();
  for (const o of objections) byId.set(o.suggestionId, [...(byId.get(o.suggestionId) ?? []), o]);
  return byId;
}

/** Rows a notice can name: a 编号 that is in the sheet and unique (duplicates are 校验问题 first). */
export function noticeRows(rows: readonly EvaluatedRow[], duplicateIds: ReadonlySet<string>): EvaluatedRow[] {
  const count = new Map<string, number>();
  for (const r of rows) if (!r.blank && r.id && !r.newId) count.set(r.id, (count.get(r.id) ?? 0) + 1);
  return rows.filter((r) => !r.blank && r.id && !r.newId && count.get(r.id) === 1 && !duplicateIds.has(r.id));
}

function allSeries(input: PlanNoticesInput, ctx: SeriesContext): NoticeSeries[] {
  const ev = input.evaluation;
  const rows = noticeRows(ev.rows, input.duplicateIds ?? new Set());
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const aboutRows = () => {
    const practice = input.practice ?? ev.practice();
    const objections = objectionsById(input.objections ?? []);
    return rows.flatMap((row) => [
      ...handlingSeries(row, ctx),
      ...replySeries(row, ctx, input.ratingsSent?.has(row.id as string) ?? false),
      ...practiceSeries(row, practice, ctx),
      ...objectionSeries(row, objections.get(row.id as string) ?? [], ctx, practice),
    ]);
  };
  const digest =
    input.scope === "rows"
      ? []
      : digestSeries(() => input.digest ?? digestFigures(rows, ev.statistics.total, ev.rows), {
          today: input.today,
          calendar: ev.calendar,
          digestRecipients: ev.settings.digestRecipients,
          dashboard: input.dashboard,
        });
  return [
    ...receiptSeries(input.arrivals, byId, ctx),
    ...(input.scope === "digest" ? [] : aboutRows()),
    ...digest,
  ];
}

/** A day in [from, to) on which a run would have planned notices: the runs missed it. */
function runDayPassed(from: string, to: string, ctx: SeriesContext): boolean {
  for (let day = from; day < to; day = addDaysIso(day, 1))
    if (!ctx.settings.workingDaysOnly || ctx.calendar.isWorkingDay(day)) return true;
  return false;
}

/**
 * hearingKey of a recipient's notices of one round (Introduction.round): a round-2 notice counts
 * as this too. Only round 2's are kept (few), so the outbox's keys cost one look more each.
 */
function roundHearingKey(heard: string, round: number): string {
  return `${heard}|r${round}`;
}

const ROUND_TWO_PART = "|r2|";

/** hearingKey of each base key, and roundHearingKey of those of round 2. */
function heardOf(done: Iterable<string>): Set<string> {
  const heard = new Set<string>();
  for (const base of done) {
    const key = hearingKeyOf(base);
    heard.add(key);
    if (base.includes(ROUND_TWO_PART)) heard.add(roundHearingKey(key, 2));
  }
  return heard;
}

/** What firstWord weighs besides the notice: the outbox as planning knows it. */
interface Hearing {
  /** hearingKey (and roundHearingKey of round 2) of every notice sent, to be sent, or planned so far in this run. */
  readonly heard: Set<string>;
  readonly history: ReadonlySet<string>;
  /** Filled with the suggestions whose first word was presumed (NoticePlan.introductionsUnseen). */
  readonly unseen: Set<string>;
}

/**
 * What a reminder opens with when it is the recipient's first word of the suggestion: nothing about
 * it (of the round, for an introduction of round 2) was sent to the recipient, nor is planned before
 * it in this run (its 交办通知 or 二次交办通知 included). null when something was. A 交办通知 older than the catch-up horizon is past the keys loaded by default:
 * unless the suggestion's keys from 交办 on are given (historyOf), it is taken as sent when no run day
 * passed since this reminder fell due (the runs went on, so it went out in its time).
 */
function firstWord(
  intro: Introduction | undefined,
  naming: NoticeNaming,
  dueOn: string,
  hearing: Hearing,
  ctx: SeriesContext,
  view: View,
): string | null {
  if (!intro) return null;
  const heard = hearingKey(naming);
  if (hearing.heard.has(intro.round ? roundHearingKey(heard, intro.round) : heard)) return null;
  const id = naming.suggestionId ?? "";
  if (intro.dueOn < addDaysIso(ctx.today, -CATCH_UP_DAYS) && !hearing.history.has(id)) {
    hearing.unseen.add(id);
    if (!runDayPassed(dueOn, ctx.today, ctx)) return null;
  }
  return intro.line(view);
}

/**
 * The notices due today that are not in the outbox yet, rendered and keyed. Pure: the same ledger,
 * day and outbox always give the same plan, so running twice plans nothing new the second time.
 * On a rest day with 仅工作日发送 = 是 nothing is planned; the next working day catches up.
 */
/**
 * 机构改革: a base key whose recipient is a unit's former name (承办单位 原名称) as if made for the unit
 * that bears it now (nameKey, as noticeBaseKey writes it): what 区城管局 was told, 区城市管理局 was
 * told, so a find-replace of 主办单位 sends nothing again. One Map lookup per key, none without 原名称.
 */
function currentUnitKey(
  base: string,
  units: Pick<PlanNoticesInput["evaluation"]["units"], "renamed">,
): string {
  const cut = base.lastIndexOf("|");
  const current = units.renamed(base.slice(cut + 1));
  return current ? `${base.slice(0, cut + 1)}${nameKey(current.name).replaceAll("|", "/")}` : base;
}

export function planNotices(input: PlanNoticesInput): NoticePlan {
  const { today, evaluation: ev } = input;
  const notices: PlannedNotice[] = [];
  const unreachable: UnreachableNotice[] = [];
  const problems = new Map<string, Problem>();
  let disabled = 0;
  if (ev.settings.workingDaysOnly && ev.calendar.isRestDay(today)) {
    return { restDay: true, notices, unreachable, disabled, problems: [] };
  }
  const done = new Set<string>();
  for (const key of input.existingKeys) done.add(currentUnitKey(baseKeyOf(key), ev.units));
  const told = noticesTold(done);
  const hearing: Hearing = {
    heard: heardOf(done),
    history: input.historyOf ?? new Set(),
    unseen: new Set(),
  };
  const failedAt = new Map<string, string>();
  for (const f of input.failedNotices ?? []) failedAt.set(f.key, f.address);
  const failedTold = noticesTold([...failedAt.keys()].map(baseKeyOf));
  const book: RecipientBook = {
    units: ev.units,
    deputies: ev.deputies,
    leaders: ev.leaders,
    digestRecipients: ev.settings.digestRecipients,
  };
  const ctx: SeriesContext = {
    today,
    ratingLink: ev.settings.ratingLink,
    objectionWorkingDays: ev.settings.objectionWorkingDays,
    coOpinionDays: ev.settings.coOpinionDays,
    calendar: ev.calendar,
    settings: ev.settings,
    // Names in a notice as the directories write them, as its recipient already is.
    names: book,
  };
  for (const series of allSeries(input, ctx)) {
    const latest = dueOccurrence(series, today);
    if (!latest) continue;
    for (const ref of series.recipients) {
      const resolved = resolveRecipient(ref, book);
      const { type, suggestionId, round } = series;
      const naming = { type, suggestionId, round, recipient: resolved.ok ? resolved.keyName : resolved.name };
      // A spaced series (逾期催办) counts from the last one this recipient got, not from its grid.
      const due = series.spacing
        ? spacedDue(
            series.spacing,
            today,
            told.get(toldKey(naming)) ?? [],
            failedTold.get(toldKey(naming)) ?? [],
          )
        : latest;
      if (!due) continue;
      // What this recipient was told before decides the key: a changed 审批结果 is a new telling.
      const telling = tellingOf(naming, due.occurrence, told);
      if (!telling) continue;
      const parts: NoticeKeyParts = { ...naming, occurrence: telling.occurrence };
      // Already notified first: a notice sent before the recipient's channel broke is not unreachable.
      const base = noticeBaseKey(parts);
      if (done.has(base)) continue;
      if (!resolved.ok) {
        unreachable.push({ type, suggestionId, recipient: resolved.name, reason: resolved.reason });
        continue;
      }
      done.add(base);
      const view = series.view(resolved.name);
      const opening = firstWord(series.introducedBy, naming, due.dueOn, hearing, ctx, view);
      const heard = hearingKey(naming);
      hearing.heard.add(heard);
      if (round === 2) hearing.heard.add(roundHearingKey(heard, 2));
      for (const target of resolved.targets) {
        // Failed for good at this very address: planning it again would fail again every day.
        if (failedAt.get(noticeKey(parts, target.channel)) === target.address) continue;
        const rendered = renderNotice(ev.templates, series.template ?? type, target.channel, view);
        if (!rendered.enabled) {
          disabled += 1;
          continue;
        }
        const { title, body } = asStandIn(
          markSecondRound(
            markFirstWord(markCorrection(rendered, telling.correction, view), opening, view),
            round,
          ),
          resolved.standIn,
        );
        if (rendered.problem) problems.set(`${rendered.problem.row}|${type}`, rendered.problem);
        notices.push({
          key: noticeKey(parts, target.channel),
          type,
          suggestionId,
          round,
          occurrence: telling.occurrence,
          // A copy for the 周报接收人 is recorded as theirs, and carries no leader's personal link.
          recipient: resolved.standIn ? standInRecipient(resolved.standIn) : resolved.name,
          recipientKind: resolved.standIn ? "digest" : ref.kind,
          channel: target.channel,
          address: target.address,
          title,
          body: series.appendix ? withAppendix(body, series.appendix(body, title)) : body,
          dueOn: due.dueOn,
        });
      }
    }
  }
  return {
    restDay: false,
    notices,
    unreachable,
    disabled,
    problems: [...problems.values()],
    introductionsUnseen: [...hearing.unseen],
  };
}
