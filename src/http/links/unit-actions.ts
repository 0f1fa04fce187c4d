import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { dateCellText } from "../../domain/civil-date";
import { type PracticeEntry, practiceEntries } from "../../domain/dashboard/practice-timeline";
import { firstRoundDeadline } from "../../domain/deadlines";
import { nameKey } from "../../domain/directory";
import { type CoOpinionState, coOpinionState, type SentOpinion } from "../../domain/links/co-opinion";
import {
  contactCheck,
  coOpinionCheck,
  type ExtensionRequest,
  extensionCheck,
  extensionState,
  type ObjectionOnRecord,
  objectionCheck,
  type PriorContact,
  priorContactMissing,
} from "../../domain/links/practice-actions";
import type { PracticeForm, PracticeFormContext } from "../../domain/links/practice-forms";
import { PRACTICE_TAB_OF } from "../../domain/links/practice-forms";
import type { RecipientRow } from "../../domain/links/recipient-rows";
import { type ActionCheck, awaitingSync } from "../../domain/links/row-actions";
import { objectionDueOn } from "../../domain/notices/placeholders";
import {
  buildPracticeIndex,
  PRACTICE_RECORD_TABS,
  type PracticeIndex,
} from "../../domain/practice/practice-index";
import type { InboxEntry } from "../../store/inbox";
import type { Objection } from "../../store/objections";
import { leadReplySent, opinionsOf, withSightings } from "./co-opinions";
import { asksLeadGivenOn, leadGivenOnFromTrail } from "./lead-given";
import type { LinkContext } from "./link-context";

/** The unit's actions on a suggestion besides the reply, each with its own form and path. */
export const UNIT_ACTIONS = ["extension", "contact", "co-opinion", "objection"] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

/** What a unit's page of one suggestion shows and offers besides the reply. */
export interface UnitExtras {
  /** The suggestion's 沟通记录, 延期申请 and 协办意见 as the last sync cached them, by date. */
  readonly records: readonly PracticeEntry[];
  /** Objections to this suggestion's assignment (every unit's; the page shows a unit its own only). */
  readonly objections: readonly Objection[];
  readonly checks: Readonly<Record<UnitAction, ActionCheck>>;
  /**
   * 异议期限 of the current assignment: 异议期限工作日 working days after 交办日期, or for a lead unit
   * named in place of another after 交办, after the day it was named, or for a co-unit added to
   * 协办单位 after 交办, after the day it was told (as its 交办通知 said).
   */
  readonly objectionDeadline: string | null;
  /** What the form checks need: the suggestion whole, the office's calendar and settings. */
  readonly formContext: PracticeFormContext;
  /** Why an action this unit took is closed now (a request waiting, an objection made). */
  readonly notes: readonly string[];
  /** A co-unit's 协办意见期限 and whether its opinion is in; null for the lead unit. */
  readonly coOpinion: CoOpinionState | null;
  /** The 协办意见 this co-unit delivered (tab and link), as coOpinion counts them; [] for the lead unit. */
  readonly ownOpinions: readonly SentOpinion[];
  /** The lead unit's reply now would have no 办前 contact before it (priorContactMissing). */
  readonly priorContactMissing: boolean;
}

const no = (reason: string): ActionCheck => ({ ok: false, reason });

function tabMissing(form: PracticeForm): ActionCheck {
  return no(`代表工委的表格中还没有『${PRACTICE_TAB_OF[form].name}』表，暂不能在线提交：请联系代表工委`);
}

/** The lead unit's 延期申请 the unit sent through links (not all in the tab yet). */
function sentRequests(sent: readonly InboxEntry[]): ExtensionRequest[] {
  return sent
    .filter((e) => e.form === "extension")
    .map((e) => ({
      unit: String(e.cells.申请单位 ?? ""),
      appliedOn: dateCellText(e.cells.申请日期),
      reason: String(e.cells.理由 ?? ""),
      result: "",
    }));
}

/**
 * The unit's objections sent through links and not yet recorded: intake runs seconds later, and a
 * second objection posted meanwhile must be refused like one posted after (once per assignment).
 */
function sentObjections(sent: readonly InboxEntry[]): ObjectionOnRecord[] {
  return sent
    .filter((e) => e.form === "objection" && e.status === "pending")
    .map((e) => ({
      unit: String(e.cells.承办单位 ?? ""),
      assignedOn: String(e.cells.交办日期 ?? ""),
      objectedOn: String(e.cells.提出日期 ?? ""),
      decision: null,
    }));
}

/** The suggestion's contacts in the tab and those the unit sent through links (not all in the tab yet). */
function contactsOf(index: PracticeIndex, id: string, sent: readonly InboxEntry[]): PriorContact[] {
  return [
    ...index.contacts
      .of(id)
      .filter((c) => !c.blank)
      .map((c) => ({ unit: c.record.unit, stage: c.record.stage, date: c.record.date })),
    ...sent
      .filter((e) => e.form === "contact" && e.status !== "discarded")
      .map((e) => ({
        unit: String(e.cells.承办单位 ?? ""),
        stage: String(e.cells.阶段 ?? ""),
        date: dateCellText(e.cells.日期),
      })),
  ];
}

function tabRequests(index: PracticeIndex, id: string): ExtensionRequest[] {
  return index.extensions.of(id).map((r) => ({
    unit: r.record.unit,
    appliedOn: r.record.appliedOn ?? "",
    reason: r.record.reason,
    result: r.record.result ?? "",
  }));
}

/**
 * Loads what the unit's page needs for its other actions: the suggestion's rows of 沟通记录, 延期申请
 * and 协办意见 (D1 picks them from the cached tabs), its objections, and whether each action is
 * open now. Pages never read the sheet.
 */
export async function loadUnitExtras(
  ctx: LinkContext,
  item: RecipientRow,
  record: LedgerRecord,
  sent: readonly InboxEntry[],
): Promise<UnitExtras> {
  const id = item.row.id ?? "";
  const ev = ctx.view.evaluation;
  const row = { ...item.row, record };
  const [tabs, objections, leadReply, seen, given] = await Promise.all([
    ctx.deps.tabCache.loadRowsOf(PRACTICE_RECORD_TABS, [id]),
    ctx.deps.objections.ofSuggestion(id),
    // A co-unit's objection closes with the lead unit's reply, which is not among its own sends.
    item.relation === "co" ? ctx.deps.inbox.latestAbout("reply", id) : null,
    // The day the co-unit was told, as its 交办通知 counted its 协办意见期限 and 异议期限 from.
    item.relation === "co" ? withSightings(ctx, [row]) : [],
    // The day the lead unit was given the suggestion, as its 交办通知 counted 异议期限 from: a unit
    // named 主办单位 in place of another after 交办 has its days from then (asked only while it matters).
    asksLeadGivenOn(row, item.relation, ctx.today) ? leadGivenOnFromTrail(ctx, row) : record.assignedOn,
  ]);
  const index = buildPracticeIndex(tabs, new Set([id]), ev.units);
  const state = extensionState(row, tabRequests(index, id), sentRequests(sent));
  const available = (form: PracticeForm) =>
    (form === "contact" ? index.contacts : form === "extension" ? index.extensions : index.coOpinions)
      .available;
  const guard = (form: PracticeForm, check: ActionCheck) =>
    check.ok && !available(form) ? tabMissing(form) : check;
  const unrecorded = sentObjections(sent);
  const opinions = item.relation === "co" ? opinionsOf(id, index, sent) : [];
  const coOpinion =
    item.relation === "co"
      ? coOpinionState(
          seen[0] ?? row,
          ctx.link.recipient,
          { coOpinionDays: ev.settings.coOpinionDays, calendar: ev.calendar },
          opinions,
          leadReplySent(leadReply, ctx.view.syncedAt),
        )
      : null;
  // A co-unit's 异议期限 counts from the day it was told (coOpinion.start, coUnitStart), as its
  // 交办通知 counted it: a unit added to 协办单位 after 交办 could not object before it knew.
  const objectFrom = item.relation === "co" ? (coOpinion?.start ?? given) : given;
  const deadline = objectFrom
    ? objectionDueOn(objectFrom, {
        calendar: ev.calendar,
        objectionWorkingDays: ev.settings.objectionWorkingDays,
      })
    : null;
  // A reply sent since the last sync closes the objection and the 延期申请 as the reply in the row will.
  const replySent =
    sent.some((e) => e.form === "reply" && awaitingSync(e, ctx.view.syncedAt)) ||
    (leadReply !== null && awaitingSync(leadReply, ctx.view.syncedAt));
  const checks: Record<UnitAction, ActionCheck> = {
    extension: guard("extension", extensionCheck(row, item.relation, state, ctx.today, replySent)),
    contact: guard("contact", contactCheck(row, item.relation, ctx.today)),
    "co-opinion": guard("co-opinion", coOpinionCheck(row, item.relation, coOpinion)),
    objection: objectionCheck(row, item.relation, {
      today: ctx.today,
      deadline,
      unit: ctx.link.recipient,
      onRecord: [...objections, ...unrecorded],
      replySent,
    }),
  };
  const records = practiceEntries(row, index, []).filter((e) => e.kind !== "review");
  const notes: string[] = [];
  const told = (check: ActionCheck) => {
    if (!check.ok) notes.push(check.reason);
  };
  // Said when the unit would otherwise wonder where the form went: a request waits or was approved,
  // or it is the day of assignment (the form opens the next day).
  const early = !!record.assignedOn && ctx.today <= record.assignedOn;
  if (item.relation === "lead" && (state.pendingSince || state.approved || early)) told(checks.extension);
  if (objections.some((o) => o.unit === ctx.link.recipient) || unrecorded.length > 0) told(checks.objection);
  // Where the 送达协办意见 form went once the lead unit replied (its opinion no longer counts).
  if (item.relation === "co" && coOpinion?.leadReplied) told(checks["co-opinion"]);
  return {
    records,
    objections,
    checks,
    notes,
    coOpinion,
    ownOpinions: opinions.filter((o) => o.deliveredOn && nameKey(o.unit) === nameKey(ctx.link.recipient)),
    priorContactMissing:
      !replySent &&
      priorContactMissing(row, item.relation, {
        today: ctx.today,
        tabKept: index.contacts.available,
        practiceSince: ev.settings.practiceSince || undefined,
        contacts: contactsOf(index, id, sent),
      }),
    objectionDeadline: deadline,
    formContext: {
      unit: ctx.link.recipient,
      id,
      record,
      today: ctx.today,
      calendar: ev.calendar,
      extensionReviewDays: ev.settings.extensionReviewDays,
      threeMonthDue: (assignedOn) => firstRoundDeadline(assignedOn, "三个月", ev.calendar, false).due,
    },
  };
}
