import type { FC } from "hono/jsx";
import type { Calendar } from "../../domain/calendar";
import { displayValue } from "../../domain/dashboard/cell-text";
import { dueText, suggestionRef } from "../../domain/dashboard/suggestion-ref";
import { FORM_NAMES, type InboxForm, isPracticeForm } from "../../domain/intake/inbox-forms";
import type { LinkKind } from "../../domain/links/capability";
import { awaitedCoUnits, type CoUnitOpinion, coOpinionText } from "../../domain/links/co-opinion";
import {
  type DeputyContact,
  deputyDue,
  deputyStatusLine,
  extensionLine,
} from "../../domain/links/deputy-view";
import { PRACTICE_TAB_OF } from "../../domain/links/practice-forms";
import { RELATION_LABELS, type RecipientRow } from "../../domain/links/recipient-rows";
import {
  type ReplyRound,
  replyRounds,
  type SentReply,
  withCorrection,
  withSentRating,
  withSentReply,
} from "../../domain/links/reply-rounds";
import { type ActionCheck, awaitingSync, type SentRating, writeState } from "../../domain/links/row-actions";
import type { SentMark } from "../../domain/links/sent-mark";
import type { SummaryRow } from "../../domain/summary/summary-row";
import type { InboxEntry } from "../../store/inbox";
import type { Objection } from "../../store/objections";
import { daysLeftText, localDateTime } from "../dashboard/format";
import { Badge, StatusBadge } from "../dashboard/ui";
import { type FormState, RatingForm, RefusedNote, ReplyForm, SENT_ID, UrgeForm } from "./action-forms";
import type { PendingCorrection } from "./deputy-reply";
import { DeadlineFold, DeputyContacts } from "./deputy-view";
import { type LeaderRecord, LeaderRecordCard, UrgeContext } from "./leader-record";
import { type LinkFrame, LinkLayout, Note } from "./link-layout";
import { withOfficePhone } from "./office-contact";
import { ProgressForm } from "./progress-form";
import { UNIT_ACTIONS } from "./unit-actions";
import { objectionStatus, UnitSection, type UnitSectionProps } from "./unit-section";

/** Where the 答复函 opens for this link: the link's own file route, or an address staff typed. */
export interface LetterLink {
  readonly href: string;
  readonly label: string;
  /** The address as the ledger (or the unit's pending reply) holds it: which round's letter it is. */
  readonly source: string;
}

/** The suggestion a merged (已并案) one went into: its page on this link when the link may see it. */
export interface MergedInto {
  readonly id: string;
  readonly title: string;
  readonly href: string | null;
  /** What the recipient does now (row-actions' mergedAdvice): it depends on what it is on that one. */
  readonly advice: string;
  /**
   * A leader's page: where that one stands (台账状态, 办理期限 as its own page says them), so the
   * leader sees what became of the suggestion he or she supervised; null when not known.
   */
  readonly standing?: { readonly status: string; readonly due: string } | null;
}

export interface SuggestionViewProps {
  readonly frame: LinkFrame;
  readonly kind: LinkKind;
  readonly base: string;
  readonly today: string;
  readonly timeZone: string;
  readonly item: RecipientRow;
  /** The row whole (long texts, 答复函, round 2); null when only its facts could be read. */
  readonly whole: SummaryRow | null;
  readonly letters: readonly LetterLink[];
  /** The action of this kind of link (reply, rate, urge) and whether it is open; null for a read-only link. */
  readonly action: { readonly check: ActionCheck; readonly path: string; readonly state: FormState } | null;
  /** What this recipient sent about this suggestion through links, newest first. */
  readonly sent: readonly InboxEntry[];
  /**
   * The stamp of the sync the page's ledger is from: what intake wrote after it is in the sheet but
   * not on this page yet, and 已提交 says so. Absent: every written entry is taken as shown.
   */
  readonly syncedAt?: string | null;
  /** The deputy's rating of this round not in that ledger yet: the reply card shows it, not the row's. */
  readonly sentRating?: SentRating | null;
  /** The unit's own reply of this round not in that ledger yet: its reply card shows it, not the row's. */
  readonly sentReply?: SentReply | null;
  /** The deputy's page: the unit's correction of the reply not in that ledger yet, shown as 更正. */
  readonly correction?: PendingCorrection | null;
  /** The deputy's page: the fingerprint of the reply shown, carried by the rating form. */
  readonly replyVersion?: string | null;
  /** Objections to this suggestion as staff hold them (decided or not), for the lines of `sent`. */
  readonly objections: readonly Objection[];
  readonly done: string | null;
  /** The sync's 提醒 about what the unit just sent (逾期后申请 …), told with `done`. */
  readonly warnings?: readonly string[];
  /** A unit's records and its other forms (延期申请, 沟通记录, 协办意见, 异议). */
  readonly unitSection?: UnitSectionProps | null;
  /** Where a 并案 suggestion went (并入编号), when the ledger says. */
  readonly mergedInto?: MergedInto | null;
  /** The lead unit's page: each co-unit's 协办意见, arrived or not yet (loadCoUnitOpinions). */
  readonly coUnits?: readonly CoUnitOpinion[];
  /** The sync's calendar: whether 办理期限 is 暂定 when only the row's facts could be read. */
  readonly calendar?: Pick<Calendar, "isYearKnown">;
  /** The recipient's reply or rating on its way (markOf): said in place of the row's status, as its list card says. */
  readonly mark?: SentMark | null;
  /**
   * A leader's page: the suggestion's 办理记录 (延期申请, 沟通记录, 协办意见, every 领导催办) and what
   * to know before 催办 (loadLeaderRecord); absent or null on the other pages.
   */
  readonly leaderRecord?: LeaderRecord | null;
  /** A leader's 催办 pressed today already: the local time of the press (urgedToday). */
  readonly urgedAt?: string | null;
  /**
   * A deputy's page: the units' contacts with the deputy about the suggestion (沟通记录, as
   * loadDeputyContacts reads them); null or absent when not shown (other links, no such tab).
   */
  readonly deputyContacts?: readonly DeputyContact[] | null;
  /** The lead unit's 报送落实情况 while 跟踪落实 (progress-report); null when not open. */
  readonly progress?: { readonly path: string; readonly state: FormState; readonly current: string } | null;
}

const Field: FC<{ label: string; value: string | null | undefined }> = ({ label, value }) =>
  value ? (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  ) : null;

/** Where a submission goes: the ledger, a practice tab, or (an objection) the office. */
function destination(form: InboxForm): string {
  if (isPracticeForm(form)) return `『${PRACTICE_TAB_OF[form].name}』表`;
  return "台账";
}

function sentState(
  e: InboxEntry,
  objections: readonly Objection[],
  timeZone: string,
  syncedAt?: string | null,
  repliedOn: string | null = null,
): string {
  if (e.status === "discarded") return "代表工委已作废这条提交，未写入台账；如有疑问请联系代表工委";
  if (e.form === "objection") {
    if (e.status !== "applied") return "已收到，正在转送代表工委";
    // Once staff decided, the line says so, as the 办理记录 below does (the same objection).
    const decided = objections.find((o) => o.submissionId === e.submissionId && o.decision);
    return `已送代表工委，${decided ? objectionStatus(decided, repliedOn, timeZone) : "等待决定"}`;
  }
  // The words of the note and the reply card (writeState), so the lines never disagree.
  const state = writeState(e, syncedAt !== undefined && awaitingSync(e, syncedAt), destination(e.form));
  return e.status === "applied" ? state : `已收到，${state}`;
}

/** The recipient's own submissions about this suggestion, and whether they are in the sheet yet. */
const Sent: FC<{
  sent: readonly InboxEntry[];
  objections: readonly Objection[];
  timeZone: string;
  syncedAt?: string | null;
  /** Round 1's 答复日期 in the row: what an objection the reply settled says (objectionStatus). */
  repliedOn: string | null;
}> = ({ sent, objections, timeZone, syncedAt, repliedOn }) =>
  sent.length === 0 ? null : (
    <>
      <h2 id={SENT_ID}>已提交</h2>
      <ul class="lk-list">
        {sent.map((e) => (
          <li class="lk-item small">
            {localDateTime(e.receivedAt, timeZone)} 提交的{FORM_NAMES[e.form]}：
            {sentState(e, objections, timeZone, syncedAt, repliedOn)}
          </li>
        ))}
      </ul>
    </>
  );

const LetterLinks: FC<{ letters: readonly LetterLink[] }> = ({ letters }) => (
  <>
    {letters.map((l, i) => (
      <>
        {i > 0 ? "、" : ""}
        <a href={l.href} rel="noreferrer">
          {l.label}
        </a>
      </>
    ))}
  </>
);

/** One round's reply: what the unit answered, its 答复函, and the deputy's rating of it. */
const ReplyCard: FC<{ round: ReplyRound; letters: readonly LetterLink[] }> = ({ round, letters }) => (
  <section class="card">
    <h2>{round.label}</h2>
    {round.correctedAt ? (
      <p class="alert warn">
        更正：承办单位已于 {round.correctedAt} 更正了本轮答复，以下是更正后的答复（下次同步后写入台账）。
      </p>
    ) : null}
    <dl class="fields">
      <Field label="二次交办日期" value={round.assignedOn} />
      <Field label="答复日期" value={round.repliedOn} />
      <Field label="答复类别" value={round.replyClass} />
      <Field label="答复内容" value={round.content} />
      <Field label="落实情况" value={round.implementation} />
      {letters.length > 0 ? (
        <>
          <dt>答复函</dt>
          <dd>
            <LetterLinks letters={letters} />
          </dd>
        </>
      ) : null}
      <Field label="满意度" value={round.rating} />
      <Field label="测评日期" value={round.ratedOn} />
      {/* The deputy's words with the rating (in 备注, which units never see): what round 2 must answer. */}
      <Field label="测评意见" value={round.comment} />
    </dl>
    {round.assignedOn && !round.repliedOn && !round.replyClass ? (
      <p class="muted small">承办单位尚未作出二次答复。</p>
    ) : null}
  </section>
);

/**
 * The replies, round 2 (the one the deputy rates now) above round 1, each with its own 答复函; the
 * letters of no recorded round (a unit's reply not yet in the ledger, staff's own) are listed after.
 */
const Replies: FC<{ rounds: readonly ReplyRound[]; letters: readonly LetterLink[] }> = ({
  rounds,
  letters,
}) => {
  const ofRound = (round: ReplyRound) => letters.filter((l) => round.letter && l.source === round.letter);
  const rest = letters.filter((l) => !rounds.some((round) => round.letter && l.source === round.letter));
  return (
    <>
      {rounds.map((round) => (
        <ReplyCard round={round} letters={ofRound(round)} />
      ))}
      {rest.length > 0 ? (
        <section class="card">
          <h2>答复函</h2>
          <ul>
            {rest.map((l) => (
              <li>
                <a href={l.href} rel="noreferrer">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
};

/**
 * Where a merged suggestion went and what the recipient does now: a deputy follows that one (its
 * reply, its rating); a unit replies or sends its opinion there, or has nothing more to do. A link
 * only when this link may open it.
 */
const Merged: FC<{ into: MergedInto; officePhone: string }> = ({ into, officePhone }) => (
  <Note tone="info">
    本建议已并入{" "}
    {into.href ? (
      <a href={into.href}>
        {into.id}
        {into.title ? ` ${into.title}` : ""}
      </a>
    ) : (
      `${into.id}${into.title ? ` ${into.title}` : ""}`
    )}{" "}
    一并办理。{into.standing ? standingText(into.standing) : ""}
    {withOfficePhone(into.advice, officePhone)}
  </Note>
);

/** 该建议台账状态为“已逾期”，办理期限 2026-04-07。 (no 办理期限 before 交办). */
function standingText(standing: { status: string; due: string }): string {
  const status = `台账状态为“${standing.status || "未知"}”`;
  return `该建议${status}${standing.due ? `，办理期限 ${standing.due}` : ""}。`;
}

/**
 * The lead unit's co-units and their 协办意见: arrived (送达日期, 内容摘要) or not yet, with the
 * 协办意见期限 as the co-unit's own page says it, so the lead knows whom it waits for before replying.
 */
const CoUnits: FC<{ opinions: readonly CoUnitOpinion[] }> = ({ opinions }) => {
  const awaited = awaitedCoUnits(opinions);
  return (
    <section class="card">
      <h2>协办意见</h2>
      {awaited.length > 0 ? (
        <p>尚待 {awaited.join("、")} 送达协办意见。</p>
      ) : (
        <p class="muted small">各协办单位的意见已送达，或已不再需要送达。</p>
      )}
      <ul class="lk-list">
        {opinions.map((o) => (
          <li class="lk-item small">
            <div class="lk-meta">
              <span>{o.unit}</span>
              <span>{coOpinionText(o.state)}</span>
            </div>
            {o.delivered.map((d) => (
              <p class="pre">
                {d.on} 送达{d.summary ? `：${d.summary}` : ""}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
};

/** The form of the page that came back refused, if one did: the link's action or a unit's other form. */
function refusedForm(p: SuggestionViewProps): InboxForm | null {
  if (p.action && p.action.state.errors.length > 0)
    return p.kind === "unit" ? "reply" : p.kind === "deputy" ? "rating" : null;
  if (p.progress && p.progress.state.errors.length > 0) return "progress";
  const states = p.unitSection?.states ?? {};
  return UNIT_ACTIONS.find((a) => (states[a]?.errors.length ?? 0) > 0) ?? null;
}

/** One suggestion as its unit, deputy or leader sees it, with the action open to them. */
export const SuggestionView: FC<SuggestionViewProps> = (p) => {
  const row = p.whole ?? p.item.row;
  const r = row.record;
  const ref = suggestionRef(row, p.today);
  const role = RELATION_LABELS[p.kind][p.item.relation];
  const check = p.action?.check;
  const coOpinion = p.unitSection?.extras.coOpinion ?? null;
  const refused = refusedForm(p);
  const deputy = p.kind === "deputy";
  // A deputy reads the office's words plainly: what her suggestion's status means, 办理期限 of a round
  // answered named as that round's, an approved 延期 on its own line, how the date is reckoned folded.
  const plain = deputy && !p.mark ? deputyStatusLine(ref.status, p.item.relation) : null;
  const due = deputy
    ? deputyDue(row, p.calendar)
    : { label: coOpinion ? "办理期限（主办单位答复）" : "办理期限", value: dueText(row, p.calendar) };
  const explanation = p.whole?.secondDeadline?.explanation || p.whole?.firstDeadline?.explanation;
  return (
    <LinkLayout title={`${ref.id} ${ref.title}`} frame={p.frame}>
      <a class="lk-back" href={p.base}>
        ← 返回全部建议
      </a>
      {refused ? <RefusedNote form={refused} /> : null}
      {p.done ? <Note tone="ok">{p.done}</Note> : null}
      {(p.warnings ?? []).map((w) => (
        <Note tone="warn">提醒：{w}</Note>
      ))}
      <h1>
        {ref.id} {ref.title}
      </h1>
      <div class="lk-meta">
        {p.mark ? <Badge tone="teal">{p.mark.badge}</Badge> : <StatusBadge status={ref.status} />}
        {plain ? <span>{plain}</span> : null}
        {role ? (
          <span>{p.kind === "leader" ? `您${role}` : `本${p.kind === "unit" ? "单位" : "人"}：${role}`}</span>
        ) : null}
        {/* A co-unit's own period is its 协办意见期限; 剩 … 天 would be the lead unit's 办理期限. */}
        {p.mark ? (
          <span>{p.mark.text}</span>
        ) : coOpinion ? (
          <span>{coOpinionText(coOpinion)}</span>
        ) : ref.daysLeft !== null ? (
          <span>{daysLeftText(ref.daysLeft)}</span>
        ) : null}
      </div>
      {p.mergedInto ? <Merged into={p.mergedInto} officePhone={p.frame.officePhone ?? ""} /> : null}
      <section class="card">
        <dl class="fields">
          <Field label="领衔代表" value={r.leadDeputy} />
          <Field label="附议代表" value={displayValue(r.coSigners)} />
          <Field label="类别" value={r.category} />
          <Field label="提出日期" value={r.submittedOn} />
          <Field label="主办单位" value={r.leadUnit} />
          <Field label="协办单位" value={displayValue(r.coUnits)} />
          <Field label="督办领导" value={r.supervisor} />
          <Field label="领办领导" value={r.handlingLeader} />
          <Field label="交办日期" value={r.assignedOn} />
          {due ? <Field label={due.label} value={due.value} /> : null}
          {deputy ? <Field label="延期" value={extensionLine(row, p.calendar)} /> : null}
          <Field label="协办意见期限" value={coOpinion?.deadline} />
          {deputy ? null : <Field label="期限说明" value={explanation} />}
        </dl>
        {deputy && explanation ? <DeadlineFold explanation={explanation} /> : null}
      </section>
      {r.summary ? (
        <section class="card">
          <h2>建议内容</h2>
          <p class="pre">{r.summary}</p>
        </section>
      ) : null}
      <Replies
        rounds={withSentRating(
          withCorrection(
            withSentReply(replyRounds(r), p.sentReply ?? null),
            p.correction?.reply ?? null,
            p.correction?.at ?? "",
          ),
          p.sentRating ?? null,
        )}
        letters={p.letters}
      />
      {p.deputyContacts ? <DeputyContacts contacts={p.deputyContacts} /> : null}
      {p.coUnits && p.coUnits.length > 0 ? <CoUnits opinions={p.coUnits} /> : null}
      {p.leaderRecord && p.leaderRecord.coUnits.length > 0 ? (
        <CoUnits opinions={p.leaderRecord.coUnits} />
      ) : null}
      {p.leaderRecord ? <LeaderRecordCard record={p.leaderRecord} /> : null}
      <Sent
        sent={p.sent}
        objections={p.objections}
        timeZone={p.timeZone}
        syncedAt={p.syncedAt}
        repliedOn={p.item.row.record.repliedOn}
      />
      {/* A merged suggestion's note above already says where it is handled (closedReason says it again). */}
      {check && !check.ok && !p.mergedInto ? (
        <Note tone="info">{withOfficePhone(check.reason, p.frame.officePhone ?? "")}</Note>
      ) : null}
      {p.action && check?.ok && p.kind === "unit" ? (
        <ReplyForm
          action={p.action.path}
          state={p.action.state}
          today={p.today}
          correcting={check.correcting}
          round={r.reassignedOn ? 2 : 1}
          assignedOn={r.reassignedOn || r.assignedOn || ""}
          priorContactMissing={p.unitSection?.extras.priorContactMissing ?? false}
          contactFormShown={p.unitSection?.extras.checks.contact.ok ?? false}
        />
      ) : null}
      {p.progress ? (
        <ProgressForm action={p.progress.path} state={p.progress.state} current={p.progress.current} />
      ) : null}
      {p.unitSection ? (
        <UnitSection {...p.unitSection} timeZone={p.timeZone} officePhone={p.frame.officePhone ?? ""} />
      ) : null}
      {p.action && check?.ok && p.kind === "deputy" ? (
        <RatingForm action={p.action.path} state={p.action.state} replyVersion={p.replyVersion ?? ""} />
      ) : null}
      {p.action && check?.ok && p.kind === "leader" && p.leaderRecord ? (
        <UrgeContext record={p.leaderRecord} />
      ) : null}
      {p.action && check?.ok && p.kind === "leader" ? (
        <UrgeForm
          action={p.action.path}
          nonce={p.action.state.nonce}
          unit={r.leadUnit}
          urgedAt={p.urgedAt ?? null}
        />
      ) : null}
    </LinkLayout>
  );
};
