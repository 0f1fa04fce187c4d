import { URGED } from "../dashboard/timeline";
import { nameKey } from "../directory";
import type { FieldChange } from "../sync/plan-history";
import { KIND_LABELS } from "./capability";

/**
 * What a leader's page of a suggestion says of the 催办 on it and of the lead unit's day, before the
 * leader presses 催办 again: every leader's press on record, and the 领导催办 the unit already got
 * today from other leaders (of this suggestion or another). Pure: the page reads the history and
 * the outbox once each.
 */

/** One leader's 催办 press on the suggestion, as its history recorded it (urgeFromLink). */
export interface UrgeOnRecord {
  /** The leader as the link names him or her (刘振华主任). */
  readonly leader: string;
  /** 督办领导 or 领办领导, as the press said; "" when not said. */
  readonly role: string;
  /** The unit urged. */
  readonly unit: string;
  /** Local "YYYY-MM-DD HH:mm". */
  readonly at: string;
}

const LEADER_ACTOR = `${KIND_LABELS.leader} `;
const LINK_MARK = " · ";

/**
 * Every 领导催办 press on the suggestion, oldest first: the 催办 lines of its history made through a
 * leader's link (actor `领导 <name> · 链接 …`, note `<role><name>在专属页面催办`).
 * `localTime`: an instant's "YYYY-MM-DD HH:mm" in the office's time zone.
 */
export function urgesOnRecord(
  history: readonly (Pick<FieldChange, "column" | "source" | "actor" | "newValue" | "note"> & {
    readonly seenAt: string;
  })[],
  localTime: (iso: string) => string,
): UrgeOnRecord[] {
  const out: UrgeOnRecord[] = [];
  for (const change of history) {
    if (change.column !== URGED || change.source !== "link" || !change.actor?.startsWith(LEADER_ACTOR))
      continue;
    const rest = change.actor.slice(LEADER_ACTOR.length);
    const end = rest.lastIndexOf(LINK_MARK);
    const leader = end >= 0 ? rest.slice(0, end) : rest;
    const role = change.note?.startsWith("领办领导")
      ? "领办领导"
      : change.note?.startsWith("督办领导")
        ? "督办领导"
        : "";
    out.push({ leader, role, unit: change.newValue ?? "", at: localTime(change.seenAt) });
  }
  return out;
}

/** A 领导催办 the lead unit got today from another leader. */
export interface UrgedToday {
  readonly leader: string;
  /** The suggestion it was about. */
  readonly suggestionId: string;
  /** Local "HH:mm" the press was made. */
  readonly time: string;
}

/**
 * The 领导催办 notices the unit got today from leaders other than `self`, earliest first, one per
 * press (a unit with two channels gets two notices of one press). The notice's occurrence is
 * `c<day>@<leader's nameKey>` (urgeFromLink): the day and who pressed.
 * `notices`: the unit's latest 领导催办 notices, any order.
 */
export function othersUrgedToday(
  notices: readonly {
    readonly type: string;
    readonly suggestionId: string | null;
    readonly occurrence: string;
    readonly plannedAt: string;
  }[],
  self: string,
  today: string,
  localTime: (iso: string) => string,
): UrgedToday[] {
  const prefix = `c${today}@`;
  const selfKey = nameKey(self);
  const seen = new Set<string>();
  const out: (UrgedToday & { readonly plannedAt: string })[] = [];
  for (const n of notices) {
    if (n.type !== "领导催办" || !n.occurrence.startsWith(prefix)) continue;
    const leader = n.occurrence.slice(prefix.length);
    if (!leader || leader === selfKey) continue;
    const key = `${n.suggestionId ?? ""}|${n.occurrence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = localTime(n.plannedAt);
    out.push({
      leader,
      suggestionId: n.suggestionId ?? "",
      time: at.slice(at.indexOf(" ") + 1),
      plannedAt: n.plannedAt,
    });
  }
  out.sort((a, b) => (a.plannedAt < b.plannedAt ? -1 : a.plannedAt > b.plannedAt ? 1 : 0));
  return out.map(({ leader, suggestionId, time }) => ({ leader, suggestionId, time }));
}

/**
 * What the page says near 催办 of the others' presses today: 区住建局今天已收到王志强副区长的催办
 * （10:42，本建议）. Pressing stays open: the leader's own word is his or hers to add.
 */
export function othersUrgedText(unit: string, urged: readonly UrgedToday[], id: string): string | null {
  if (urged.length === 0) return null;
  const each = urged.map(
    (u) => `${u.leader}的催办（${u.time}，${u.suggestionId === id ? "本建议" : `建议 ${u.suggestionId}`}）`,
  );
  return `${unit}今天已收到${each.join("、")}。`;
}

/** What the page says near 催办 of a 延期申请 awaiting the office's decision. */
export function pendingExtensionText(unit: string, since: string): string {
  return `主办单位${unit}已于 ${since} 申请延期，待代表工委审批；审批前办理期限不变。`;
}
