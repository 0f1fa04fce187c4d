import {
  holderKeyOf,
  type LinkHolder,
  planRelinkNotices,
  type UnreachableHolder,
} from "../../domain/links/relink-notices";
import type { NoticeEvaluation } from "../../domain/notices/types";
import { secretFingerprint } from "../../links/secret-fingerprint";
import type { NoticeOutbox } from "../../store/outbox";
import type { ReplacedLinks } from "../../store/replaced-links";
import { enqueueNotices } from "../notices/enqueue";
import { attachPersonalLinks, type LinkDeps } from "./attach-links";

export interface ResendDeps extends LinkDeps {
  noticeOutbox: NoticeOutbox;
  noticesQueue: Queue<unknown>;
  replacedLinks: ReplacedLinks;
}

/** What one press did, for /links to say. */
export interface ResendResult {
  /** Holders given a 链接更换通知 now. */
  readonly sent: LinkHolder[];
  /** Holders whose notice of today is in the outbox already: nothing more was sent. */
  readonly repeated: LinkHolder[];
  /**
   * Holders skipped by the press for all: they hold a link in force signed with the current secret
   * already (a notice since the rotation carried one, or staff issued one by hand).
   */
  readonly renewed: LinkHolder[];
  readonly unreachable: UnreachableHolder[];
  /** 通知模板 turned 链接更换通知 off (启用 = 否). */
  readonly disabled: boolean;
  /** No link holder signed with an earlier secret was found (for `only`: that one holds none). */
  readonly none: boolean;
}

/**
 * 通过通知渠道发送新链接 (/links): one 链接更换通知 to each holder of links that stopped when the office
 * rotated LINK_SECRET (or to `only`), through its own channels and the outbox and queue like every
 * notice, carrying a freshly signed home link. The outbox key is the day, the link's kind and the
 * secret: a second press that day sends nothing and says so, and no link is signed for a notice
 * that will not go. A constant number of D1 queries however many holders: the holders, the keys
 * already queued, the links (one batch) and the outbox, then the queue's three.
 */
export async function resendLinks(
  deps: ResendDeps,
  input: {
    only: LinkHolder | null;
    evaluation: Pick<NoticeEvaluation, "units" | "deputies" | "leaders" | "settings" | "templates">;
    today: string;
    timeZone: string;
    nowMs: number;
  },
): Promise<ResendResult> {
  const settings = deps.linkSettings;
  const empty = { sent: [], repeated: [], renewed: [], unreachable: [], disabled: false };
  if (!settings) return { ...empty, none: true };
  const fingerprint = await secretFingerprint(settings.secret);
  const at = new Date(input.nowMs).toISOString();
  const found = await deps.replacedLinks.holders(fingerprint, at, input.only);
  if (found.length === 0) return { ...empty, none: true };
  const plan = planRelinkNotices(found, {
    evaluation: input.evaluation,
    today: input.today,
    secretFingerprint: fingerprint,
  });
  const ofHolder = (h: LinkHolder) => holderKeyOf({ recipientKind: h.kind, recipient: h.name });
  const queued = await deps.replacedLinks.queuedKeys(plan.notices.map((n) => n.key));
  const queuedFor = new Set(plan.notices.filter((n) => queued.has(n.key)).map(holderKeyOf));
  // Staff pressing for one holder mean it; the press for all leaves out those holding a new link
  // already (unless today's notice gave it: that one is said as sent today).
  const skipped = new Set(
    input.only ? [] : found.filter((h) => h.renewed && !queuedFor.has(ofHolder(h))).map(ofHolder),
  );
  const fresh = plan.notices.filter((n) => !queued.has(n.key) && !skipped.has(holderKeyOf(n)));
  const withLinks = await attachPersonalLinks(deps, fresh, input.nowMs, input.timeZone);
  const inserted = await deps.noticeOutbox.insert(withLinks, at);
  await enqueueNotices(deps, inserted, input.nowMs);
  const sentKeys = new Set(fresh.map(holderKeyOf));
  return {
    sent: plan.reached.filter((h) => sentKeys.has(ofHolder(h))),
    repeated: plan.reached.filter((h) => queuedFor.has(ofHolder(h))),
    renewed: plan.reached.filter((h) => skipped.has(ofHolder(h))),
    // One the notice cannot reach but who holds a new link needs nothing from staff.
    unreachable: plan.unreachable.filter(
      (u) => input.only || !found.some((h) => h.renewed && ofHolder(h) === ofHolder(u.holder)),
    ),
    disabled: plan.disabled,
    none: false,
  };
}
