import { URGED } from "../../domain/dashboard/timeline";
import { nameKey } from "../../domain/directory";
import { actorLabel, type Capability } from "../../domain/links/capability";
import type { Relation } from "../../domain/links/recipient-rows";
import { type NoticeKeyParts, noticeKey } from "../../domain/notices/keys";
import { resolveRecipient } from "../../domain/notices/recipients";
import { renderNotice } from "../../domain/notices/render";
import { markSecondRound } from "../../domain/notices/tidy";
import type { PlannedNotice } from "../../domain/notices/types";
import { type UrgingRole, urgeView } from "../../domain/notices/urge-view";
import type { EvaluatedLedger, EvaluatedRow } from "../../domain/summary/evaluated";
import type { NoticeOutbox } from "../../store/outbox";
import type { SnapshotStore } from "../../store/snapshots";
import { attachPersonalLinks, type LinkDeps } from "../links/attach-links";
import { enqueueNotices } from "../notices/enqueue";

export interface UrgeDeps extends LinkDeps {
  noticeOutbox: NoticeOutbox;
  noticesQueue: Queue<unknown>;
  snapshots: Pick<SnapshotStore, "record">;
}

export type UrgeResult =
  | { ok: true; unit: string; channels: string[]; repeated: boolean }
  | { ok: false; message: string };

/**
 * 催办 from a leader's page: one 领导催办 notice to the lead unit (each channel it lists), through
 * the notices outbox like every notice. The day and the leader are the idempotency key's
 * occurrence: a double tap, a resent form or a second press that day is one notice (a unit pressed
 * ten times in an afternoon reads the same words ten times), and the next day's press is a new one;
 * two leaders of one suggestion each have their own. The suggestion's history records the press and
 * the link it came through.
 */
export async function urgeFromLink(
  deps: UrgeDeps,
  input: {
    link: Capability;
    row: EvaluatedRow;
    /** How the leader concerns the suggestion (督办 or 领办), as the history says it. */
    relation?: Relation;
    evaluation: Pick<
      EvaluatedLedger,
      "units" | "deputies" | "leaders" | "settings" | "calendar" | "templates"
    >;
    today: string;
    timeZone: string;
    nowMs: number;
  },
): Promise<UrgeResult> {
  const { row, evaluation: ev, link } = input;
  const id = row.id ?? "";
  const resolved = resolveRecipient(
    { kind: "unit", name: row.record.leadUnit },
    { units: ev.units, deputies: ev.deputies, digestRecipients: ev.settings.digestRecipients },
  );
  if (!resolved.ok)
    return { ok: false, message: `主办单位${resolved.name}${resolved.reason}，催办无法送达：请联系代表工委` };
  const role: UrgingRole = input.relation === "handling" ? "领办领导" : "督办领导";
  const { round, view } = urgeView(
    row,
    resolved.name,
    {
      today: input.today,
      ratingLink: ev.settings.ratingLink,
      objectionWorkingDays: ev.settings.objectionWorkingDays,
      coOpinionDays: ev.settings.coOpinionDays,
      calendar: ev.calendar,
      // Names as the directory tabs write them, as every planned notice has them.
      names: { units: ev.units, deputies: ev.deputies, leaders: ev.leaders },
    },
    link.recipient,
    role,
    // The 职务 领导 gives the leader (the small tabs' context holds it: no query).
    ev.leaders.find(link.recipient)?.record.title ?? "",
  );
  const parts: NoticeKeyParts = {
    type: "领导催办",
    suggestionId: id,
    round,
    occurrence: `c${input.today}@${nameKey(link.recipient)}`,
    recipient: resolved.keyName,
  };
  const notices: PlannedNotice[] = [];
  for (const target of resolved.targets) {
    const rendered = renderNotice(ev.templates, "领导催办", target.channel, view);
    if (!rendered.enabled) continue;
    // As every planned notice of round 2: the unit would otherwise hold the date against round 1's.
    const { title, body } = markSecondRound(rendered, round);
    notices.push({
      key: noticeKey(parts, target.channel),
      type: "领导催办",
      suggestionId: id,
      round,
      occurrence: parts.occurrence,
      recipient: resolved.name,
      recipientKind: "unit",
      channel: target.channel,
      address: target.address,
      title,
      body,
      dueOn: input.today,
    });
  }
  if (notices.length === 0)
    return { ok: false, message: "通知模板中“领导催办”已停用（启用 = 否）：请联系代表工委" };
  const withLinks = await attachPersonalLinks(
    deps,
    notices,
    input.nowMs,
    input.timeZone,
    () => row.computed.dueDate || undefined,
  );
  const at = new Date(input.nowMs).toISOString();
  const inserted = await deps.noticeOutbox.insert(withLinks, at);
  if (inserted.length > 0) {
    await enqueueNotices(deps, inserted, input.nowMs);
    await deps.snapshots.record(
      [
        {
          suggestionId: id,
          column: URGED,
          oldValue: null,
          newValue: resolved.name,
          source: "link",
          actor: actorLabel(link),
          note: `${role}${link.recipient}在专属页面催办`,
        },
      ],
      at,
    );
  }
  return {
    ok: true,
    unit: resolved.name,
    channels: notices.map((n) => n.channel),
    repeated: inserted.length === 0,
  };
}
