import type { Context } from "hono";
import { toHalfWidth } from "../../../sheets-schema/cells/cell-type";
import { DEFAULT_TIME_ZONE } from "../../../sheets-schema/settings";
import type { AppEnv } from "../../app";
import { createDeps, type Deps } from "../../deps";
import { trimInvisible } from "../../domain/invisible-chars";
import { allows, type Capability, type LinkAction } from "../../domain/links/capability";
import { noLongerHeld } from "../../domain/links/past-holding";
import { unlistedFrom, unlistedMessage } from "../../domain/links/recipient-listed";
import { mentionKey, type RecipientRow, recipientRows } from "../../domain/links/recipient-rows";
import { comradeOf } from "../../domain/notices/honorific";
import { loadLedgerView, loadRecipientView, type RecipientView } from "../../jobs/ledger-view";
import { linkLastDay } from "../../jobs/links/issue-link";
import { localDate, localDateTime } from "../../jobs/local-time";
import { META_SUMMARY } from "../../store/meta";
import { HttpError } from "../errors";
import { linkPurpose } from "./leader-role";
import type { LinkFrame } from "./link-layout";

/** Everything a link page has: the link, the office's today, and the recipient's suggestions. */
export interface LinkContext {
  readonly deps: Deps;
  readonly link: Capability;
  /** `/l/<token>`: every page and form of this link starts with it. */
  readonly base: string;
  readonly nowMs: number;
  readonly today: string;
  readonly timeZone: string;
  /** The ledger cut to the rows that mention the recipient (loadRecipientView). */
  readonly view: RecipientView;
  /** The recipient's suggestions (the only ones this link may see). */
  readonly mine: readonly RecipientRow[];
  readonly frame: LinkFrame;
}

/** How the page names its holder: 区教育局 · 王伟(北关)代表 · 张三同志 (刘振华主任 as written). */
export function holderName(link: Capability): string {
  if (link.kind === "deputy") return `${link.recipient}代表`;
  if (link.kind === "leader") return comradeOf(link.recipient);
  return link.recipient;
}

/** The verified link of this request (set by linkGate), refused (403) unless it allows `action`. */
export function linkOf(c: Context<AppEnv>, action: LinkAction): { link: Capability; base: string } {
  const link = c.get("link");
  const base = c.get("linkBase");
  if (!link || !base) throw new HttpError(403, "link_invalid", "链接无效：请使用通知中的链接");
  if (!allows(link, action)) {
    throw new HttpError(403, "not_allowed", "本链接不能进行此操作：请使用通知中的链接，或联系代表工委");
  }
  return { link, base };
}

type Stamp = { timeZone?: string; today?: string; at?: string };

/** The last sync's stamp, the office's time zone (设置 时区 as that sync read it) and its today. */
async function officeDay(deps: Deps, nowMs: number) {
  const stampText = await deps.meta.get(META_SUMMARY);
  const stamp = stampText ? (JSON.parse(stampText) as Stamp) : null;
  const timeZone = stamp?.timeZone || DEFAULT_TIME_ZONE;
  return { stamp, timeZone, today: localDate(nowMs, timeZone) };
}

/**
 * The stored ledger as the last sync left it (facts only: no sheet read, no evaluation), cut to the
 * recipient's own suggestions (D1 picks the rows that mention the recipient).
 */
export async function loadLinkContext(c: Context<AppEnv>, action: LinkAction = "view"): Promise<LinkContext> {
  const { link, base } = linkOf(c, action);
  const deps = createDeps(c.env);
  const nowMs = Date.now();
  const { stamp, timeZone, today } = await officeDay(deps, nowMs);
  const view =
    (await loadRecipientView(deps, stamp, today, mentionKey(link.kind, link.recipient))) ??
    (await loadLedgerView(deps, today, "facts"));
  // A recipient the office took out of its tab (a deputy who left office, a unit removed from
  // 承办单位): every page and form of its links is refused, read-only ones too. From the directories
  // the view already holds: no query of its own.
  const unlisted = unlistedFrom(link.kind, link.recipient, view.evaluation);
  if (unlisted) throw new HttpError(403, "link_unlisted", unlistedMessage(holderName(link), unlisted));
  const mine = recipientRows(view.evaluation.rows, link.kind, link.recipient);
  const frame: LinkFrame = {
    who: holderName(link),
    purpose: linkPurpose(link.kind, mine, link.scope === "read"),
    lastDay: linkLastDay(link.expiresAt, timeZone),
    asOf: view.syncedAt ? localDateTime(Date.parse(view.syncedAt), timeZone) : null,
    home: base,
    readOnly: link.scope === "read",
    // From the small tabs the view already holds: no read of its own.
    officePhone: view.evaluation.settings.officePhone,
  };
  return { deps, link, base, nowMs, today, timeZone, view, mine, frame };
}

/**
 * The suggestion of a link's `/s/<编号>/…` path and its 编号 as the ledger holds it (what the
 * route writes and redirects to). Every link route reads the 编号 through this (mineById).
 */
export async function linkSuggestion(
  ctx: Pick<LinkContext, "mine" | "link" | "deps">,
  c: Context<AppEnv>,
): Promise<{ id: string; item: RecipientRow }> {
  const item = await mineById(ctx, c.req.param("id") ?? "");
  return { id: item.row.id ?? "", item };
}

/**
 * The recipient's suggestion with this 编号. Another recipient's suggestion and a 编号 that does
 * not exist get the same 403, so a link cannot be used to learn which suggestions exist; a
 * recipient is told more only of a suggestion the ledger once named it on (noLongerHeld): gone from
 * the ledger, or no longer its (a unit's: handled by other units now).
 */
export async function mineById(
  ctx: Pick<LinkContext, "mine" | "link" | "deps">,
  typed: string,
): Promise<RecipientRow> {
  // A link copied with a trailing space (`%20`), or a 编号 retyped with a Chinese IME
  // (`２０２６－０２０`), names the same suggestion, as on the dashboard's /suggestions/:id and in
  // the forms' 编号. The 编号 as the ledger holds it wins: one written with full-width （） stays.
  // Spaces, and the zero-width characters chat apps slip in, around the 编号 are dropped.
  const id = trimInvisible(typed);
  let found = ctx.mine.filter((m) => m.row.id === id);
  if (found.length === 0) {
    const half = toHalfWidth(id);
    found = ctx.mine.filter((m) => m.row.id !== null && toHalfWidth(m.row.id) === half);
  }
  if (found.length === 0) {
    const gone = await noLongerHeldBy(ctx, id);
    if (gone) throw new HttpError(gone.status, gone.code, gone.message);
    throw new HttpError(403, "not_yours", notYours(id, ctx.link));
  }
  if (found.length > 1) {
    throw new HttpError(
      409,
      "duplicate_id",
      `台账中有 ${found.length} 条建议使用编号 ${id}：请联系代表工委更正后再办理`,
    );
  }
  return found[0] as RecipientRow;
}

/**
 * The refusal of a suggestion the link holder has no part in, in the words of the holder's part: a
 * unit handles its suggestions, a leader supervises (督办) or leads (领办) them and has none to 办理.
 */
function notYours(id: string, link: Capability): string {
  if (link.kind === "leader") return `编号 ${id} 的建议不在您督办或领办的建议之列，无法查看或催办`;
  return `编号 ${id} 的建议不在${holderName(link)}的办理范围内，无法查看或办理`;
}

/**
 * What the office recorded of a 编号 the link cannot open, read only on that refusal (three
 * indexed D1 reads): its snapshot, its audit trail and its objections. The 编号 as typed, else in
 * half-width (the ledger's usual form).
 */
async function noLongerHeldBy(ctx: Pick<LinkContext, "link" | "deps">, typed: string) {
  const { snapshots, objections } = ctx.deps;
  const half = toHalfWidth(typed);
  const seen = await snapshots.loadMany(half === typed ? [typed] : [typed, half]);
  const lastSeen = seen.get(typed) ?? seen.get(half) ?? null;
  const id = lastSeen?.id ?? typed;
  const [changes, objected] = await Promise.all([snapshots.history(id), objections.ofSuggestion(id)]);
  return noLongerHeld(id, ctx.link.kind, ctx.link.recipient, { lastSeen, changes, objections: objected });
}
