import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { addDaysIso, dateCellText } from "../../domain/civil-date";
import { nameKey } from "../../domain/directory";
import {
  type CoOpinionState,
  type CoUnitOpinion,
  coOpinionState,
  coUnitOpinions,
  coUnitsOf,
  type SentOpinion,
} from "../../domain/links/co-opinion";
import type { RecipientRow } from "../../domain/links/recipient-rows";
import { awaitingSync } from "../../domain/links/row-actions";
import {
  attachSightings,
  CATCH_UP_DAYS,
  CHANGED_NAME_CELLS,
  LATE_NOTICE_CELLS,
  NAMED_AFTER_FIRST_SYNC,
} from "../../domain/notices/catch-up";
import type { PracticeIndex } from "../../domain/practice/practice-index";
import { buildPracticeIndex } from "../../domain/practice/practice-index";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import { localDate } from "../../jobs/local-time";
import type { InboxEntry } from "../../store/inbox";
import type { LinkContext } from "./link-context";

/**
 * A co-unit's 协办意见期限 and whether its opinion is in, for its link's pages: the day it was told
 * is the notices run's (coUnitStart over the audit trail's sightings: a unit added to 协办单位 weeks
 * after 交办 counts from then), so the page says the day its 交办通知 said.
 */

/**
 * Copies of the rows with the days the sync first saw their assignment cells filled or their names
 * changed (seenOn), asked as the notices run asks (a 主办单位 replaced or a 领办领导 named in the
 * office's first month counts): one D1 query for all. The context's rows are shared: copies are
 * marked. A co-unit's page takes the day it was told from it, a lead unit's the day it was given
 * the suggestion (lead-given.ts).
 */
export async function withSightings(
  ctx: Pick<LinkContext, "deps" | "timeZone">,
  rows: readonly EvaluatedRow[],
): Promise<EvaluatedRow[]> {
  const copies = rows.map((row) => ({ ...row }));
  const ids = copies.flatMap((r) => (r.id && r.record.assignedOn ? [r.id] : []));
  if (ids.length === 0) return copies;
  // From the day before the earliest assignment: what filled the cells later (the notices run asks
  // from its own horizon, which never reaches before the assignment it tells of).
  const earliest = copies.flatMap((r) => (r.record.assignedOn ? [r.record.assignedOn] : [])).sort()[0] ?? "";
  const since = `${addDaysIso(earliest, -1)}T00:00:00.000Z`;
  const sightings = await ctx.deps.snapshots.filledSince(
    ids,
    LATE_NOTICE_CELLS,
    since,
    CATCH_UP_DAYS,
    CHANGED_NAME_CELLS,
    NAMED_AFTER_FIRST_SYNC,
  );
  attachSightings(copies, sightings, (iso) => localDate(Date.parse(iso), ctx.timeZone));
  return copies;
}

/** The opinions of a suggestion: the 协办意见 tab's rows, and what the co-unit sent through links. */
export function opinionsOf(
  id: string,
  index: Pick<PracticeIndex, "coOpinions">,
  sent: readonly InboxEntry[],
): SentOpinion[] {
  return [
    ...index.coOpinions.of(id).map((o) => ({
      unit: o.record.unit,
      deliveredOn: o.record.deliveredOn ?? "",
      summary: o.record.summary ?? "",
    })),
    ...sent
      .filter((e) => e.form === "co-opinion" && e.suggestionId === id && e.status !== "discarded")
      .map((e) => ({
        unit: String(e.cells.协办单位 ?? ""),
        deliveredOn: dateCellText(e.cells.送达日期),
        summary: String(e.cells.内容摘要 ?? ""),
      })),
  ];
}

/**
 * The lead unit's round-1 reply sent through its link that the last sync's ledger cannot hold yet:
 * its 答复日期 ("" when unreadable), or null.
 */
export function leadReplySent(reply: InboxEntry | null, syncedAt: string | null): string | null {
  if (!reply || !awaitingSync(reply, syncedAt)) return null;
  return dateCellText(reply.cells.答复日期);
}

/**
 * The co-unit's state on each suggestion it co-handles (the home page's list): the tab's rows and
 * the audit trail's sightings in two queries for all, its own opinions sent lately (`sent`: the
 * unit's last submissions, newest first, which the page reads once for all its lists), and the lead
 * units' replies not in the last sync's ledger yet (one query for all): a card says what the
 * suggestion's page says (unit-actions asks latestAbout there), not that an opinion is owed the
 * lead unit's reply already made moot.
 */
export async function loadCoOpinionStates(
  ctx: Pick<LinkContext, "deps" | "timeZone" | "link" | "view">,
  items: readonly RecipientRow[],
  sent: readonly InboxEntry[],
): Promise<Map<string, CoOpinionState>> {
  const co = items.filter((m) => m.relation === "co" && m.row.id);
  const out = new Map<string, CoOpinionState>();
  if (co.length === 0) return out;
  const ids = co.map((m) => m.row.id as string);
  const [rows, tabs, replies] = await Promise.all([
    withSightings(
      ctx,
      co.map((m) => m.row),
    ),
    ctx.deps.tabCache.loadRowsOf([TAB_NAMES.coOpinions], ids),
    ctx.deps.inbox.latestAboutEach("reply", ids),
  ]);
  const replyOf = new Map(replies.map((e) => [e.suggestionId, e]));
  const ev = ctx.view.evaluation;
  const index = buildPracticeIndex(tabs, new Set(ids), ev.units);
  const settings = { coOpinionDays: ev.settings.coOpinionDays, calendar: ev.calendar };
  for (const row of rows) {
    const id = row.id as string;
    const lead = leadReplySent(replyOf.get(id) ?? null, ctx.view.syncedAt);
    const state = coOpinionState(row, ctx.link.recipient, settings, opinionsOf(id, index, sent), lead);
    if (state) out.set(id, state);
  }
  return out;
}

/**
 * The names a co-unit's link may send under: the ledger's spelling and the 单位 tab's when they
 * differ only as the checks forgive (spaces, full-width parentheses). The inbox keys a submission by
 * its link's recipient exactly.
 */
function senderNames(
  unit: string,
  directory: { find(name: string): { name: string } | undefined },
): string[] {
  return [...new Set([unit, directory.find(unit)?.name ?? unit])];
}

/**
 * What the lead unit's page says of each co-unit's 协办意见: the co-unit's 协办意见期限 as its own page
 * has it, and what it delivered, including an opinion it sent through its link that the tab does not
 * hold yet (read as its own page reads it: its submissions about this suggestion). The tab and the
 * sightings in one query each; the inbox only for the co-units with nothing in the tab, while an
 * opinion still counts (before the lead unit's reply): a suggestion has a few co-units, not hundreds.
 * `replySent`: the lead unit's reply sent through its link that the ledger does not hold yet.
 */
export async function loadCoUnitOpinions(
  ctx: Pick<LinkContext, "deps" | "timeZone" | "view">,
  row: EvaluatedRow,
  replySent: InboxEntry | null,
): Promise<CoUnitOpinion[]> {
  const id = row.id;
  const units = coUnitsOf(row.record);
  if (!id || units.length === 0 || !row.record.assignedOn || row.record.review !== "立案") return [];
  const [seen, tabs] = await Promise.all([
    withSightings(ctx, [row]),
    ctx.deps.tabCache.loadRowsOf([TAB_NAMES.coOpinions], [id]),
  ]);
  const index = buildPracticeIndex(tabs, new Set([id]), ctx.view.evaluation.units);
  const inTab = new Set(
    index.coOpinions.of(id).flatMap((o) => (o.record.deliveredOn ? [nameKey(o.record.unit)] : [])),
  );
  const lead = leadReplySent(replySent, ctx.view.syncedAt);
  const ev = ctx.view.evaluation;
  const asking =
    row.record.repliedOn || lead !== null ? [] : units.filter((unit) => !inTab.has(nameKey(unit)));
  const sent = await Promise.all(
    asking
      .flatMap((unit) => senderNames(unit, ev.units))
      .map((name) => ctx.deps.inbox.byActor({ kind: "unit", name }, { suggestionId: id, limit: 10 })),
  );
  const settings = { coOpinionDays: ev.settings.coOpinionDays, calendar: ev.calendar };
  return coUnitOpinions(seen[0] ?? row, settings, opinionsOf(id, index, sent.flat()), lead);
}
