import {
  type LinkHolder,
  type RelinkRoute,
  relinkRoutes,
  renderRelinkNotices,
  type UnreachableHolder,
} from "../../domain/links/relink-notices";
import type { NoticeEvaluation } from "../../domain/notices/types";
import { secretFingerprint } from "../../links/secret-fingerprint";
import type { NoticeOutbox } from "../../store/outbox";
import type { ReplacedLinks } from "../../store/replaced-links";
import { enqueueNotices } from "../notices/enqueue";
import { attachPersonalLinks, type LinkDeps } from "./attach-links";

/**
 * Holders a press for all sends to at most: signing, rendering and queueing each one's notice is CPU
 * of the one request (40 read about 5 ms in the bench's workerd, under the Free plan's 10 ms with
 * the page), and a second press goes on where the first stopped (those sent hold a new link then).
 */
export const RESEND_PER_PRESS = 40;

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
  /** Holders of the press for all left for the next press (RESEND_PER_PRESS). */
  readonly left: number;
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
  const empty = { sent: [], repeated: [], renewed: [], left: 0, unreachable: [], disabled: false };
  if (!settings) return { ...empty, none: true };
  const fingerprint = await secretFingerprint(settings.secret);
  const at = new Date(input.nowMs).toISOString();
  const found = await deps.replacedLinks.holders(fingerprint, at, input.only);
  if (found.length === 0) return { ...empty, none: true };
  // Staff pressing for one holder mean it; the press for all leaves out those holding a new link
  // already (a notice since the rotation, one issued by hand, or an earlier press).
  const renewed = input.only ? [] : found.filter((h) => h.renewed);
  const waiting = input.only ? found : found.filter((h) => !h.renewed);
  const { routes, unreachable } = relinkRoutes(waiting, {
    evaluation: input.evaluation,
    today: input.today,
    secretFingerprint: fingerprint,
  });
  const queued = await deps.replacedLinks.queuedKeys(routes.flatMap((r) => r.targets.map((t) => t.key)));
  const isQueued = (r: RelinkRoute) => r.targets.some((t) => queued.has(t.key));
  // Rendered and signed for a batch only, the rest left to the next press.
  const open = routes.filter((r) => !isQueued(r));
  const batch = open.slice(0, RESEND_PER_PRESS);
  const { notices, reached } = renderRelinkNotices(batch, input);
  const withLinks = await attachPersonalLinks(deps, notices, input.nowMs, input.timeZone);
  const inserted = await deps.noticeOutbox.insert(withLinks, at);
  await enqueueNotices(deps, inserted, input.nowMs);
  const holderOf = (r: RelinkRoute): LinkHolder => ({ kind: r.holder.kind, name: r.name });
  return {
    sent: reached,
    repeated: routes.filter(isQueued).map(holderOf),
    renewed: renewed.map(({ kind, name }) => ({ kind, name })),
    left: open.length - batch.length,
    unreachable,
    disabled: batch.length > 0 && notices.length === 0,
    none: false,
  };
}
