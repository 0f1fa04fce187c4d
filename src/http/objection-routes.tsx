import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { OBJECTED } from "../jobs/intake/apply-objections";
import { actorOf } from "./actor";
import { HttpError } from "./errors";

const DECISIONS = { upheld: "维持交办", reassigned: "已改交" } as const;
type Decision = keyof typeof DECISIONS;

const isDecision = (v: unknown): v is Decision => v === "upheld" || v === "reassigned";

/**
 * Staff decide a unit's objection to its assignment (behind the dashboard's sign-in and its
 * same-origin check): 维持交办 or 已改交, with an optional note; the suggestion's history records
 * who decided. The unit sees the decision on its page. A decided objection is not decided again.
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
  const objection = (await deps.objections.open()).find((o) => o.submissionId === id);
  if (!objection || !(await deps.objections.decide(id, decision, at, by, note || null)))
    throw new HttpError(409, "not_open", "该异议不存在或已经决定过：请刷新督办概览");
  await deps.snapshots.record(
    [
      {
        suggestionId: objection.suggestionId,
        column: OBJECTED,
        oldValue: null,
        newValue: `代表工委决定${DECISIONS[decision]}（${objection.unit}的异议）${note ? `：${note}` : ""}`,
        source: "dashboard",
        actor: by,
      },
    ],
    at,
  );
  return c.redirect(`/?decided=${decision}`, 303);
});
