import type { PracticeIndex } from "../practice/practice-index";
import type { Problem } from "../problems";
import type { EvaluatedRow } from "../summary/evaluated";
import { dueOccurrence } from "./catch-up";
import { type DigestFigures, digestFigures, digestSeries } from "./digest";
import { handlingSeries } from "./handling-series";
import {
  baseKeyOf,
  type NoticeKeyParts,
  type NoticeNaming,
  noticeBaseKey,
  noticeKey,
  noticesTold,
  tellingOf,
  toldKey,
} from "./keys";
import type { View } from "./placeholders";
import { practiceSeries } from "./practice-series";
import { type FormArrival, receiptSeries } from "./receipt-series";
import { asStandIn, type RecipientBook, resolveRecipient, standInRecipient } from "./recipients";
import { renderNotice } from "./render";
import { replySeries } from "./reply-series";
import type { Introduction, NoticeSeries, SeriesContext } from "./series";
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
    return rows.flatMap((row) => [
      ...handlingSeries(row, ctx),
      ...replySeries(row, ctx),
      ...practiceSeries(row, practice, ctx),
    ]);
  };
  const digest =
    input.scope === "rows"
      ? []
      : digestSeries(() => input.digest ?? digestFigures(rows, ev.statistics.total), {
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

/**
 * What a notice opens with when the one that was to introduce it (a co-unit's 交办通知) was never
 * sent, nor is planned in this run (`done` holds both): it is the recipient's first word. null when
 * it was, or is taken as sent.
 */
function firstWord(
  intro: Introduction | undefined,
  naming: NoticeNaming,
  told: ReadonlyMap<string, readonly string[]>,
  done: ReadonlySet<string>,
  view: View,
): string | null {
  if (!intro || intro.presumedSent) return null;
  const introduction = { ...naming, type: intro.type };
  if ((told.get(toldKey(introduction)) ?? []).length > 0) return null;
  if (done.has(noticeBaseKey({ ...introduction, occurrence: intro.occurrence }))) return null;
  return intro.line(view);
}

/**
 * The notices due today that are not in the outbox yet, rendered and keyed. Pure: the same ledger,
 * day and outbox always give the same plan, so running twice plans nothing new the second time.
 * On a rest day with 仅工作日发送 = 是 nothing is planned; the next working day catches up.
 */
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
  for (const key of input.existingKeys) done.add(baseKeyOf(key));
  const told = noticesTold(done);
  const failedAt = new Map<string, string>();
  for (const f of input.failedNotices ?? []) failedAt.set(f.key, f.address);
  const failedTold = noticesTold([...failedAt.keys()].map(baseKeyOf));
  const ctx: SeriesContext = {
    today,
    ratingLink: ev.settings.ratingLink,
    objectionWorkingDays: ev.settings.objectionWorkingDays,
    coOpinionDays: ev.settings.coOpinionDays,
    calendar: ev.calendar,
    settings: ev.settings,
  };
  const book: RecipientBook = {
    units: ev.units,
    deputies: ev.deputies,
    leaders: ev.leaders,
    digestRecipients: ev.settings.digestRecipients,
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
      const opening = firstWord(series.introducedBy, naming, told, done, view);
      for (const target of resolved.targets) {
        // Failed for good at this very address: planning it again would fail again every day.
        if (failedAt.get(noticeKey(parts, target.channel)) === target.address) continue;
        const rendered = renderNotice(ev.templates, series.template ?? type, target.channel, view);
        if (!rendered.enabled) {
          disabled += 1;
          continue;
        }
        const { title, body } = asStandIn(
          markSecondRound(markFirstWord(markCorrection(rendered, telling.correction, view), opening), round),
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
          body: series.appendix ? `${body}\n\n${series.appendix(body)}` : body,
          dueOn: due.dueOn,
        });
      }
    }
  }
  return { restDay: false, notices, unreachable, disabled, problems: [...problems.values()] };
}
