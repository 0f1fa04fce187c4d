import {
  ANY_REPLY,
  type ConfirmedVisit,
  candidatesOf,
  type Drawable,
  type ReplyRange,
  replyDatesKnown,
  visitedIds,
  visitsTakenBack,
} from "../../domain/dashboard/sample-candidates";
import {
  checkSampleSize,
  type Invalid,
  REPLIED_FROM,
  type SampleRequest,
} from "../../domain/dashboard/sample-request";
import { drawSample } from "../../domain/dashboard/sampling";
import { suggestionRef } from "../../domain/dashboard/suggestion-ref";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import { draftSample, type StoredSample } from "../../store/samples";
import { ADMIN_TOKEN_LABEL, actorFromIdentity } from "../actor";
import { HttpError } from "../errors";
import { writeFollowUps } from "./follow-up-writer";
import { localDateTime } from "./format";
import type { PageBase } from "./load-view";
import type { DrawnRow } from "./sample-page";
import { replyRangeText } from "./sampling-form";

/** A seed people can read out and type again: eight random digits. */
export function newSeed(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String((n ?? 0) % 100_000_000).padStart(8, "0");
}

/** A draw refused (too many asked, nothing left to draw), with the HTTP status to answer with. */
export type Refusal = Invalid & { readonly status: 400 | 409 };

/**
 * When the stored rows were last read from the sheet as a whole: the start of the last sync, once it
 * completed (null while one runs, or when it failed or did not read the ledger). A confirmation
 * before it is in the stored rows; one after it is not yet.
 */
export function readSinceOf(d: PageBase): string | null {
  const run = d.frame.lastSync;
  return run && run.outcome === "ok" ? run.startedAt : null;
}

/** A sample's 答复日期 range (open on samples drawn before it was kept). */
export const rangeOf = (sample: Pick<StoredSample, "repliedFrom" | "repliedTo">): ReplyRange =>
  !sample.repliedFrom && !sample.repliedTo
    ? ANY_REPLY
    : { from: sample.repliedFrom ?? null, to: sample.repliedTo ?? null };

/**
 * Draws a sample from the replied suggestions (`drawable`: those that may be drawn, as the last
 * sync stored them; those of the request's year and 答复日期 range) and stores it (待确认) with its
 * seed, range and options. Those visited already (回访 = 是 as the sync read it, or in a confirmed
 * sample: `confirmed`, 编号 → sample, less those staff set back since) are skipped and listed in the
 * sample: a deputy is not visited twice about one suggestion, and a second draw in a year (a
 * supplement, a redo) should reach suggestions the first did not.
 */
export async function drawAndStore(
  d: PageBase,
  drawable: readonly Drawable[],
  confirmed: ReadonlyMap<string, ConfirmedVisit>,
  request: SampleRequest,
): Promise<StoredSample | Refusal> {
  const range = request.replied ?? ANY_REPLY;
  if (range !== ANY_REPLY && !replyDatesKnown(drawable))
    return {
      ok: false,
      code: "reply_dates_unknown",
      field: REPLIED_FROM,
      message:
        "现有的可抽样名单由更新前的版本生成，还没有答复日期：请等下一次同步完成后再按答复日期抽取，或清空答复日期范围",
      status: 409,
    };
  const candidates = candidatesOf(drawable, request.year, range);
  const visited = visitedIds(drawable, confirmed.keys());
  const skipped = candidates.filter((c) => visited.has(c.id)).length;
  const refused = checkSampleSize(request.size, candidates.length - skipped, skipped);
  // None replied in the range: said by the range, which is what to change.
  if (refused?.code === "nothing_to_sample" && range !== ANY_REPLY)
    return {
      ...refused,
      field: REPLIED_FROM,
      message: `${replyRangeText(range)}：${refused.message}`,
      status: 409,
    };
  if (refused) return { ...refused, status: refused.code === "nothing_to_sample" ? 409 : 400 };
  const draw = drawSample(candidates, request.size, request.seed ?? newSeed(), visited, {
    atLeastOne: request.atLeastOne === true,
  });
  const fields = {
    seed: draw.seed,
    year: request.year,
    mode: request.size.kind,
    amount: request.size.kind === "count" ? request.size.count : request.size.percent,
    population: draw.population,
    size: draw.size,
    strata: draw.strata,
    drawnAt: new Date(d.nowMs).toISOString(),
    drawnOn: d.frame.today,
    // The Access e-mail, or 管理令牌: who drew it, as the audit trail names authors.
    drawnBy: d.frame.staff ? actorFromIdentity(d.frame.staff).label : null,
    // A seed staff typed is shown apart from one the system made up: the 主任 can tell the two.
    seedTyped: request.seed !== null,
    repliedFrom: range.from,
    repliedTo: range.to,
    atLeastOne: request.atLeastOne === true,
  };
  return draftSample(fields, await d.deps.samples.create(fields));
}

/** Who is acting, as samples record it: the Access e-mail, or 管理令牌. */
const actorLabel = (d: PageBase) =>
  d.frame.staff ? actorFromIdentity(d.frame.staff).label : ADMIN_TOKEN_LABEL;

/** A drawn suggestion visited already (another sample's confirmation, or 回访 = 是 in the sheet). */
export const overlapOf = (drawn: readonly DrawnRow[]) => drawn.filter((r) => r.followedUp);

/**
 * Why a draft holding suggestions visited already cannot be confirmed, naming them and what to do
 * instead: what its page shows in place of the confirm button, and what confirming answers (409).
 */
export function overlapMessage(overlap: readonly DrawnRow[]): string {
  const named = overlap
    .map((r) => `${r.id}（${r.visitedBy ? `第 ${r.visitedBy} 次抽样已列入回访` : "台账“回访”列已为“是”"}）`)
    .join("、");
  return (
    `抽中的建议中有 ${overlap.length} 件已列入回访：${named}。确认会使这些建议重复列入回访，因此本次抽样不能确认；` +
    "请重新抽取（年度和抽样比例或件数不变，换新的随机种子，已列入回访的建议不再抽取），或作废本次抽样。"
  );
}

/** The longest 作废原因 kept (a line of text, not a report). */
export const DISCARD_REASON_MAX = 200;

/** The optional 作废原因 as posted: trimmed, null when blank; 400 when over DISCARD_REASON_MAX. */
export function discardReasonFrom(raw: unknown): string | null {
  const reason = typeof raw === "string" ? raw.trim() : "";
  if ([...reason].length > DISCARD_REASON_MAX)
    throw new HttpError(
      400,
      "invalid_discard_reason",
      `作废原因最多 ${DISCARD_REASON_MAX} 字，收到 ${[...reason].length} 字：请删短后再作废`,
    );
  return reason || null;
}

/** "（2026-12-06 10:00 由 管理令牌 作废，原因：…）": when, by whom and why a sample was thrown away. */
function discardedText(d: PageBase, sample: StoredSample): string {
  const why = sample.discardReason ? `，原因：${sample.discardReason}` : "";
  return `（${localDateTime(sample.discardedAt, d.frame.timeZone)} 由 ${sample.discardedBy ?? "—"} 作废${why}）`;
}

/** Throws a draft away (已作废): it stays listed, with who, when and why, and can never be confirmed. */
export async function discardSample(
  d: PageBase,
  sample: StoredSample,
  reason: string | null,
): Promise<StoredSample> {
  if (sample.status === "已确认") {
    throw new HttpError(
      409,
      "already_confirmed",
      `第 ${sample.id} 次抽样已于 ${localDateTime(sample.confirmedAt, d.frame.timeZone)} 确认并写入台账“回访”列，不能作废`,
    );
  }
  if (sample.status === "已作废")
    throw new HttpError(409, "sample_discarded", `第 ${sample.id} 次抽样已作废${discardedText(d, sample)}`);
  const at = new Date(d.nowMs).toISOString();
  const by = actorLabel(d);
  if (!(await d.deps.samples.discard(sample.id, at, by, reason))) {
    // Confirmed or thrown away meanwhile (another tab): say which, as above.
    const now = await findSample(d, String(sample.id));
    if (now.status !== "待确认") return discardSample(d, now, reason);
    throw new HttpError(409, "sample_busy", `第 ${sample.id} 次抽样未能作废，请刷新页面后重试`);
  }
  return { ...sample, status: "已作废", discardedAt: at, discardedBy: by, discardReason: reason };
}

/**
 * After 重新抽取 from draft `replaced` drew sample `by`: the draft is thrown away, naming the new
 * one (nothing happens when it is no draft any more).
 */
export async function discardReplaced(d: PageBase, replaced: string, by: number): Promise<void> {
  if (!/^\d{1,9}$/.test(replaced) || Number(replaced) === by) return;
  const at = new Date(d.nowMs).toISOString();
  await d.deps.samples.discard(Number(replaced), at, actorLabel(d), `已重新抽取（第 ${by} 次抽样）`);
}

/** A stored sample by the id in the path; 400 for a malformed id, 404 for an unknown one. */
export async function findSample(d: Pick<PageBase, "deps">, raw: string): Promise<StoredSample> {
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(400, "invalid_sample_id", `抽样序号须为数字，收到“${raw}”`);
  const sample = await d.deps.samples.get(Number(raw));
  if (!sample) throw new HttpError(404, "unknown_sample", `没有第 ${raw} 次抽样`);
  return sample;
}

/**
 * Confirms a draft: 回访 = 是 in the sheet for every drawn suggestion, then the record with who
 * confirmed it. `drawn`: the draft's suggestions as they are now (sampleView). Refused (409, and
 * nothing written) when it was confirmed or thrown away already, or when any drawn suggestion was
 * visited since the draw: a deputy is not visited twice about one suggestion.
 */
export async function confirmSample(
  d: PageBase,
  sample: StoredSample,
  drawn: readonly DrawnRow[],
): Promise<StoredSample> {
  if (sample.status === "已确认") {
    throw new HttpError(
      409,
      "already_confirmed",
      `第 ${sample.id} 次抽样已于 ${localDateTime(sample.confirmedAt, d.frame.timeZone)} 确认`,
    );
  }
  if (sample.status === "已作废") {
    throw new HttpError(
      409,
      "sample_discarded",
      `第 ${sample.id} 次抽样已作废，不能确认${discardedText(d, sample)}；如需回访，请重新抽取`,
    );
  }
  const overlap = overlapOf(drawn);
  if (overlap.length > 0)
    throw new HttpError(
      409,
      "sample_overlaps_visited",
      `第 ${sample.id} 次抽样不能确认：${overlapMessage(overlap)}`,
    );
  const ids = sample.strata.flatMap((s) => s.drawn);
  const at = new Date(d.nowMs).toISOString();
  const by = actorLabel(d);
  const result = await writeFollowUps(d.deps, ids, by, at);
  await d.deps.samples.confirm(sample.id, at, by, result.marked, result.held);
  return {
    ...sample,
    status: "已确认",
    confirmedAt: at,
    confirmedBy: by,
    written: result.marked,
    held: result.held,
  };
}

/**
 * The drawn suggestions as they are now (`rows`: the stored rows that hold their 编号; `confirmed`:
 * 编号 → the confirmed sample that wrote 回访 = 是 to it, which the rows show only after the next
 * sync, read since `readSince`: readSinceOf), and whether the same seed still gives the same sample
 * from the suggestions that may be drawn now (of the sample's year and 答复日期 range), less those
 * the draw skipped as visited. A suggestion whose 回访 staff set back to 否 since a confirmed sample
 * wrote 是 (visitsTakenBack) shows as not visited, marked, and no longer keeps a draft from being
 * confirmed: it may be drawn again.
 */
export function sampleView(
  d: PageBase,
  drawable: readonly Drawable[],
  rows: readonly EvaluatedRow[],
  sample: StoredSample,
  confirmed: ReadonlyMap<string, ConfirmedVisit>,
  readSince: string | null = readSinceOf(d),
): { drawn: DrawnRow[]; reproducible: boolean } {
  const byId = new Map(rows.filter((r) => !r.blank && r.id).map((r) => [r.id as string, r]));
  const takenBack = visitsTakenBack(
    [...byId].map(([id, r]) => [id, r.record.followUp === true] as const),
    confirmed,
    readSince,
  );
  const held = new Set(sample.held.map((h) => h.id));
  const drawn = sample.strata.flatMap((s) =>
    s.drawn.map((id) => {
      const row = byId.get(id);
      const back = takenBack.has(id);
      const written = sample.status === "已确认" && !held.has(id) && !back;
      const by = back ? undefined : confirmed.get(id)?.sample;
      return {
        id,
        unit: s.unit,
        ref: row ? suggestionRef(row, d.frame.today) : null,
        followedUp: written || row?.record.followUp === true || by !== undefined,
        // Another sample's confirmation: the page names it, so a draft's overlap is plain.
        visitedBy: by !== undefined && by !== sample.id ? by : null,
        ...(back ? { takenBack: true } : {}),
      };
    }),
  );
  const size =
    sample.mode === "count"
      ? ({ kind: "count", count: sample.amount } as const)
      : ({ kind: "share", percent: sample.amount } as const);
  const skipped = new Set(sample.strata.flatMap((s) => s.visited ?? []));
  const again = drawSample(candidatesOf(drawable, sample.year, rangeOf(sample)), size, sample.seed, skipped, {
    atLeastOne: sample.atLeastOne === true,
  });
  const before = sample.strata.flatMap((s) => s.drawn);
  const reproducible = again.ids.length === before.length && again.ids.every((id, i) => id === before[i]);
  return { drawn, reproducible };
}
