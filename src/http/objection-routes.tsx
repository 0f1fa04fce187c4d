import { type Context, Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps, type Deps } from "../deps";
import { RELATION_LABELS } from "../domain/links/recipient-rows";
import { OBJECTED } from "../jobs/intake/apply-objections";
import { SYNC_DECIDER } from "../jobs/sync/inbox-followup";
import type { Objection } from "../store/objections";
import { actorOf } from "./actor";
import { localDateTime } from "./dashboard/format";
import { loadFrame } from "./dashboard/load-view";
import { HttpError } from "./errors";

const DECISIONS = { upheld: "维持交办", reassigned: "已改交" } as const;
type Decision = keyof typeof DECISIONS;

const isDecision = (v: unknown): v is Decision => v === "upheld" || v === "reassigned";

/** What became of staff's 说明 on an objection the sync had settled (the overview's `noted`). */
type SettledNote = "kept" | "exists";

/**
 * Where 已改交 on an objection the sync already settled leads: the overview, saying when (the
 * settling's instant, which the page shows in 设置 时区) and what became of the 说明 typed.
 */
function settledRedirect(decidedAt: string | null, noted: SettledNote | null): string {
  const query = new URLSearchParams({ decided: "synced" });
  if (decidedAt) query.set("at", decidedAt);
  if (noted) query.set("noted", noted);
  return `/?${query}`;
}

/** Keeps the 说明 staff typed on an objection the sync settled without one, in its history too. */
async function keepNote(
  deps: Deps,
  o: Objection,
  note: string,
  at: string,
  by: string,
): Promise<SettledNote> {
  if (!(await deps.objections.addNote(o.submissionId, note))) return "exists";
  await deps.snapshots.record(
    [
      {
        suggestionId: o.suggestionId,
        column: OBJECTED,
        oldValue: null,
        newValue: `代表工委补记改交说明（${o.unit}的异议）：${note}`,
        source: "dashboard",
        actor: by,
      },
    ],
    at,
  );
  return "kept";
}

/** Why a decided objection cannot be decided again, with who decided it and when. */
async function alreadyDecided(c: Context<AppEnv>, o: Objection): Promise<HttpError> {
  const { frame } = await loadFrame(c);
  const when = localDateTime(o.decidedAt, frame.timeZone);
  if (o.decidedBy === SYNC_DECIDER)
    return new HttpError(
      409,
      "settled_by_sync",
      `该异议已在 ${when} 同步时随台账改交了结（台账已不再由${o.unit}${RELATION_LABELS.unit[o.relation]}），不能再维持交办；如确应由该单位办理，请在台账中改回并另行告知该单位`,
    );
  if (o.decision === "replied")
    return new HttpError(
      409,
      "settled_by_reply",
      `该异议已在 ${when} 同步时了结：台账已录入首轮答复，不再需要决定维持交办或改交；如仍要改交，请在台账中改主办单位或协办单位并另行告知相关单位`,
    );
  return new HttpError(
    409,
    "not_open",
    `该异议已于 ${when} 由${o.decidedBy ?? "代表工委"}决定${o.decision ? DECISIONS[o.decision] : ""}：请刷新督办概览`,
  );
}

/**
 * Staff decide a unit's objection to its assignment (behind the dashboard's sign-in and its
 * same-origin check): 维持交办 or 已改交, with an optional note; the suggestion's history records
 * who decided. The unit sees the decision on its page. A decided objection is not decided again,
 * but 已改交 on one the sync settled first (staff changed the ledger, as the card asks, and the next
 * sync ran before the click) is what staff wanted: the overview says so and the 说明 is kept.
 */
export const objectionRoutes = new Hono<AppEnv>().post("/objections/:id/decide", async (c) => {
  const id = c.req.param("id");
  const form = await c.req.parseBody();
  const decision = form.decision;
  if (!isDecision(decision)) throw new HttpError(400, "invalid_decision", "请选择“维持交办”或“已改交”");
  const note = typeof form.说明 === "string" ? form.说明.trim().slice(0, 200) : "";
  const deps = createDeps(c.env);
  const at = new Date().toISOString();
  const by = actorOf(c).label;
  const found = await deps.objections.get(id);
  if (!found) throw new HttpError(404, "not_found", "没有这条交办异议：请刷新督办概览");
  if (!found.decision && (await deps.objections.decide(id, decision, at, by, note || null))) {
    await deps.snapshots.record(
      [
        {
          suggestionId: found.suggestionId,
          column: OBJECTED,
          oldValue: null,
          newValue: `代表工委决定${DECISIONS[decision]}（${found.unit}的异议）${note ? `：${note}` : ""}`,
          source: "dashboard",
          actor: by,
        },
      ],
      at,
    );
    return c.redirect(`/?decided=${decision}`, 303);
  }
  // Decided meanwhile (a sync finishing between the read and the click) or before: as it stands now.
  const decided = found.decision ? found : ((await deps.objections.get(id)) ?? found);
  if (decision === "reassigned" && decided.decision === "reassigned" && decided.decidedBy === SYNC_DECIDER) {
    const noted = note ? await keepNote(deps, decided, note, at, by) : null;
    return c.redirect(settledRedirect(decided.decidedAt, noted), 303);
  }
  throw await alreadyDecided(c, decided);
});
