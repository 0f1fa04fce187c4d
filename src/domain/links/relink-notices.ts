import { type NoticeKeyParts, noticeKey } from "../notices/keys";
import { blankView, type View } from "../notices/placeholders";
import { type RecipientBook, resolveRecipient } from "../notices/recipients";
import { renderNotice } from "../notices/render";
import type { NoticeEvaluation, PlannedNotice } from "../notices/types";
import { KIND_LABELS, type LinkKind } from "./capability";
import { PERSONAL_LINK_SLOT } from "./notice-link";

/** The notice that carries a new personal link after the office rotated LINK_SECRET. */
export const RELINK_TYPE = "链接更换通知";

/** A holder of links that stopped working, as /links names it. */
export interface LinkHolder {
  readonly kind: LinkKind;
  readonly name: string;
}

/** “承办单位 区教育局”: a holder as /links lists it. */
export const holderLabel = (h: LinkHolder): string => `${KIND_LABELS[h.kind]} ${h.name}`;

/** A holder the notice cannot reach, and what staff should fix, in Chinese. */
export interface UnreachableHolder {
  readonly holder: LinkHolder;
  readonly reason: string;
}

export interface RelinkPlan {
  /** One per channel of each reachable holder (its personal link attached later, by the job). */
  readonly notices: PlannedNotice[];
  /** The holders those notices are for, in the order given. */
  readonly reached: LinkHolder[];
  readonly unreachable: UnreachableHolder[];
  /** 通知模板 has 启用 = 否 on 链接更换通知: nothing is planned. */
  readonly disabled: boolean;
}

/**
 * A 链接更换通知's values: about no suggestion (every 建议台账 column blank, as in the 督办周报), with
 * 接收方 and the slot where the job puts the new link.
 */
export function relinkView(recipient: string): View {
  return { ...blankView(recipient), 个人链接: PERSONAL_LINK_SLOT };
}

/**
 * The occurrence of one press: the day, the kind of link (a leader who is also a deputy holds two)
 * and the secret now in use. A second press that day finds the same key in the outbox and sends
 * nothing; a press after another rotation that day, or the next day, is a new notice.
 */
export function relinkOccurrence(today: string, kind: LinkKind, secretFingerprint: string): string {
  return `${today}@${kind}@${secretFingerprint}`;
}

/** A reachable holder: where each of its 链接更换通知 goes and under which outbox key. */
export interface RelinkRoute {
  readonly holder: LinkHolder;
  /** The name as its tab writes it (the notice's 接收方). */
  readonly name: string;
  readonly targets: readonly { channel: PlannedNotice["channel"]; address: string; key: string }[];
  readonly occurrence: string;
}

type RelinkInput = {
  readonly evaluation: Pick<NoticeEvaluation, "units" | "deputies" | "leaders" | "settings" | "templates">;
  readonly today: string;
  readonly secretFingerprint: string;
};

/**
 * Where each holder's 链接更换通知 would go, through the channels 承办单位, 代表 or 领导 give it
 * (通知渠道, 机器人地址, 邮箱), as every notice is routed, and its keys: cheap (nothing rendered), so
 * a press can tell which holders are left before it renders the notices of a few. A leader who could
 * be reached only through the 周报接收人 is not: their copy would carry no link.
 */
export function relinkRoutes(
  holders: readonly LinkHolder[],
  input: RelinkInput,
): { routes: RelinkRoute[]; unreachable: UnreachableHolder[] } {
  const ev = input.evaluation;
  const book: RecipientBook = {
    units: ev.units,
    deputies: ev.deputies,
    leaders: ev.leaders,
    digestRecipients: [],
  };
  const routes: RelinkRoute[] = [];
  const unreachable: UnreachableHolder[] = [];
  for (const holder of holders) {
    const resolved = resolveRecipient({ kind: holder.kind, name: holder.name }, book);
    if (!resolved.ok) {
      // A leader is looked up in 领导, then as a 代表: the deputy's reason alone would mislead.
      const why =
        holder.kind === "leader" ? "在『领导』表和『代表』表中都没有可用的通知渠道" : resolved.reason;
      unreachable.push({ holder, reason: `${why}：请补上通知渠道，或用“签发新链接”签发后自行转发` });
      continue;
    }
    const occurrence = relinkOccurrence(input.today, holder.kind, input.secretFingerprint);
    const parts: NoticeKeyParts = {
      type: RELINK_TYPE,
      suggestionId: null,
      round: 0,
      occurrence,
      recipient: resolved.keyName,
    };
    const targets = resolved.targets.map((t) => ({
      channel: t.channel,
      address: t.address,
      key: noticeKey(parts, t.channel),
    }));
    routes.push({ holder, name: resolved.name, targets, occurrence });
  }
  return { routes, unreachable };
}

/** The notices of some routes, rendered from 通知模板 (a channel whose template is off goes without). */
export function renderRelinkNotices(
  routes: readonly RelinkRoute[],
  input: Pick<RelinkInput, "evaluation" | "today">,
): { notices: PlannedNotice[]; reached: LinkHolder[] } {
  const notices: PlannedNotice[] = [];
  const reached: LinkHolder[] = [];
  for (const route of routes) {
    const view = relinkView(route.name);
    let planned = 0;
    for (const target of route.targets) {
      const rendered = renderNotice(input.evaluation.templates, RELINK_TYPE, target.channel, view);
      if (!rendered.enabled) continue;
      planned += 1;
      notices.push({
        key: target.key,
        type: RELINK_TYPE,
        suggestionId: null,
        round: 0,
        occurrence: route.occurrence,
        recipient: route.name,
        recipientKind: route.holder.kind,
        channel: target.channel,
        address: target.address,
        title: rendered.title,
        body: rendered.body,
        dueOn: input.today,
      });
    }
    if (planned > 0) reached.push({ kind: route.holder.kind, name: route.name });
  }
  return { notices, reached };
}

/** One 链接更换通知 to each holder through its channels (relinkRoutes, then renderRelinkNotices). */
export function planRelinkNotices(holders: readonly LinkHolder[], input: RelinkInput): RelinkPlan {
  const { routes, unreachable } = relinkRoutes(holders, input);
  const { notices, reached } = renderRelinkNotices(routes, input);
  return { notices, reached, unreachable, disabled: routes.length > 0 && notices.length === 0 };
}
