import type { Channel } from "../../../sheets-schema/enums";
import type { DeputyRecord, LeaderRecord, UnitRecord } from "../../../sheets-schema/tabs/directory";
import { botChannelOf, type Directory, type DirectoryEntry } from "../directory";

/** Who a notice is for, before looking up how to reach them. */
export type RecipientRef =
  | { readonly kind: "unit" | "deputy" | "leader"; readonly name: string }
  | { readonly kind: "digest"; readonly address: string };

/** One way to reach a recipient. */
export interface NoticeTarget {
  readonly channel: Channel;
  /** E-mail address, or bot/webhook URL as written (a `#secret` suffix included). */
  readonly address: string;
}

/** A leader's notice that goes to the 周报接收人 instead: whom it is for, and why it could not reach them. */
export interface StandIn {
  readonly leader: string;
  /** Completes “因其…”: what staff should fix (e.g. 在『领导』表中没有可用的通知渠道). */
  readonly reason: string;
  /** Whether 领导 lists the leader: if not, staff must add the leader there, not just an address. */
  readonly listed: boolean;
}

export type Resolved =
  | {
      readonly ok: true;
      readonly name: string;
      readonly keyName: string;
      readonly targets: NoticeTarget[];
      /** Set when a leader's notice goes to the 周报接收人 in his or her stead. */
      readonly standIn?: StandIn;
    }
  | { readonly ok: false; readonly name: string; readonly reason: string };

export interface RecipientBook {
  readonly units: Directory<UnitRecord>;
  readonly deputies: Directory<DeputyRecord>;
  /** 领导 (practice.md): 督办领导 and 领办领导 are looked up here first. */
  readonly leaders?: Directory<LeaderRecord>;
  /** 设置 周报接收人: e-mail addresses or bot URLs. */
  readonly digestRecipients: readonly string[];
}

type ContactEntry = DirectoryEntry<Pick<UnitRecord, "email" | "botUrl">>;

/** Every usable channel of a contact; one bot format per 机器人地址 (the first listed). */
export function targetsOf(entry: ContactEntry): NoticeTarget[] {
  const targets: NoticeTarget[] = [];
  for (const channel of entry.channels) {
    const address = channel === "email" ? entry.record.email : entry.record.botUrl;
    if (!address || targets.some((t) => t.address === address)) continue;
    targets.push({ channel, address });
  }
  return targets;
}

/** A 周报接收人 entry: an e-mail address, or a robot/webhook URL whose host names its kind. */
export function digestTarget(address: string): NoticeTarget {
  return { channel: address.includes("://") ? botChannelOf(address) : "email", address };
}

/** The part of an address that identifies it in keys and logs: never the `#secret`. */
export function publicAddress(address: string): string {
  const hash = address.indexOf("#");
  return hash < 0 ? address : address.slice(0, hash);
}

function fromDirectory(name: string, entry: ContactEntry | undefined, tab: string): Resolved {
  if (!entry) return { ok: false, name, reason: `不在『${tab}』表中` };
  const targets = targetsOf(entry);
  if (targets.length === 0) return { ok: false, name, reason: `在『${tab}』表中没有可用的通知渠道` };
  return { ok: true, name: entry.name, keyName: entry.name, targets };
}

/** Why a leader's notice could not reach the leader, worded to follow “因其”. */
function standInReason(inLeaders: boolean, inDeputies: boolean): string {
  if (inLeaders) return "在『领导』表中没有可用的通知渠道";
  if (inDeputies) return "不在『领导』表中，在『代表』表中也没有可用的通知渠道";
  return "不在『领导』表中，也不在『代表』表中";
}

/** What 通知记录 and the outbox name as the receiver of a stand-in copy: the 周报接收人, for whom. */
export function standInRecipient(standIn: StandIn): string {
  return `周报接收人（代${standIn.leader}）`;
}

/**
 * A leader's notice as the 周报接收人 receive it in the leader's stead: the title marked 【代转】 (so
 * the mailbox and 通知记录's 摘要 show it at a glance), the body opening with whom it is for, why it
 * came to them and what to do, then the leader's own text unchanged (its greeting still names the
 * leader, as the text to pass on).
 */
export function asStandIn<T extends { readonly title: string; readonly body: string }>(
  notice: T,
  standIn: StandIn | undefined,
): T {
  if (!standIn) return notice;
  const fix = standIn.listed
    ? "在『领导』表中为其填写邮箱或机器人地址"
    : "在『领导』表中添加其姓名，并填写邮箱或机器人地址";
  const line = `【代转】本通知应发给${standIn.leader}，因其${standIn.reason}，现转至周报接收人：请转告本人，并${fix}。`;
  return { ...notice, title: `【代转】${notice.title}`, body: `${line}\n\n${notice.body}` };
}

/**
 * How to reach a recipient. A 督办领导 or 领办领导 is reached through 领导 (practice.md), then as a
 * 代表 of that name (leaders of the standing committee are deputies); failing that, through the
 * 周报接收人, who receive the supervision digest anyway; failing all, the notice cannot go and the
 * caller reports it.
 */
export function resolveRecipient(ref: RecipientRef, book: RecipientBook): Resolved {
  switch (ref.kind) {
    case "unit":
      return fromDirectory(ref.name, book.units.find(ref.name), "承办单位");
    case "deputy":
      return fromDirectory(ref.name, book.deputies.find(ref.name), "代表");
    case "leader": {
      const listed = book.leaders?.find(ref.name);
      const asLeader = fromDirectory(ref.name, listed, "领导");
      if (asLeader.ok) return asLeader;
      const deputy = book.deputies.find(ref.name);
      const asDeputy = fromDirectory(ref.name, deputy, "代表");
      if (asDeputy.ok) return asDeputy;
      if (book.digestRecipients.length === 0) return listed ? asLeader : asDeputy;
      // Keyed as the leader's own notice: one telling per leader, whichever way it went.
      return {
        ok: true,
        name: ref.name,
        keyName: ref.name,
        targets: book.digestRecipients.map(digestTarget),
        standIn: {
          leader: ref.name,
          reason: standInReason(listed !== undefined, deputy !== undefined),
          listed: listed !== undefined,
        },
      };
    }
    case "digest": {
      const address = publicAddress(ref.address);
      return { ok: true, name: address, keyName: address, targets: [digestTarget(ref.address)] };
    }
  }
}
