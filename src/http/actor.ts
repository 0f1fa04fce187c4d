import type { Context } from "hono";
import type { AppEnv } from "../app";
import type { StaffIdentity } from "./auth";
import { HttpError } from "./errors";

/** Who did a dashboard action, for the audit trail and records such as samples.drawn_by. */
export interface Actor {
  via: StaffIdentity["via"];
  /** The Cloudflare Access e-mail; null for the admin token (bearer or session). */
  email: string | null;
  /** What staff read as the author: the e-mail, or 管理令牌. */
  label: string;
}

export const ADMIN_TOKEN_LABEL = "管理令牌";

/** The author of an action by a signed-in user. */
export function actorFromIdentity(staff: StaffIdentity): Actor {
  if (staff.email) return { via: staff.via, email: staff.email, label: staff.email };
  const label = staff.via === "access" ? "Cloudflare Access 用户" : ADMIN_TOKEN_LABEL;
  return { via: staff.via, email: null, label };
}

/** The author of the current request's action; only reachable behind the sign-in gate. */
export function actorOf(c: Context<AppEnv>): Actor {
  const staff = c.get("staff");
  if (!staff) throw new HttpError(401, "unauthenticated", "请先登录");
  return actorFromIdentity(staff);
}
