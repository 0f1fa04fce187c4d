import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app";
import type { Env } from "../env";
import { linkSettingProblems } from "../links/link-settings";
import { missingMigrations } from "../store/migrations";
import { HttpError } from "./errors";

/** One thing the Worker still needs before it can serve everything, with what to do about it. */
export interface MissingItem {
  what: "migration" | "secret" | "sheet";
  name: string;
  fix: string;
}

const REQUIRED_SECRETS = [
  "SPREADSHEET_ID",
  "GOOGLE_SERVICE_ACCOUNT",
  "ADMIN_TOKEN",
  "FORM_SECRET_SUGGESTION",
  "FORM_SECRET_REPLY",
  "FORM_SECRET_RATING",
] as const satisfies readonly (keyof Env)[];

function isServiceAccountJson(raw: string): boolean {
  try {
    const key = JSON.parse(raw) as { client_email?: unknown; private_key?: unknown };
    return typeof key.client_email === "string" && typeof key.private_key === "string";
  } catch {
    return false;
  }
}

/** Required secrets that are unset, blank, or unusable (the service account not a key file, a short LINK_SECRET). */
export function missingSecrets(env: Env): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const name of REQUIRED_SECRETS) {
    const value = env[name];
    if (typeof value !== "string" || value.trim() === "") {
      const input = name === "GOOGLE_SERVICE_ACCOUNT" ? " < key.json" : "";
      missing.push({ what: "secret", name, fix: `运行 npx wrangler secret put ${name}${input}` });
    } else if (name === "GOOGLE_SERVICE_ACCOUNT" && !isServiceAccountJson(value)) {
      missing.push({
        what: "secret",
        name,
        fix: "GOOGLE_SERVICE_ACCOUNT 不是服务账号的 JSON 密钥：运行 npx wrangler secret put GOOGLE_SERVICE_ACCOUNT < key.json",
      });
    }
  }
  // Personal links need their key and the Worker's address (every notice to a unit or deputy carries one).
  for (const p of linkSettingProblems(env)) missing.push({ what: "secret", name: p.name, fix: p.fix });
  return missing;
}

/** How to apply migrations where this Worker runs: the deployed database, or the local one. */
export function migrationFix(env: Pick<Env, "ENVIRONMENT">): string {
  return env.ENVIRONMENT === "production"
    ? "运行 npx wrangler d1 migrations apply DB --remote"
    : "运行 npx wrangler d1 migrations apply DB --local";
}

export async function missingMigrationItems(env: Env): Promise<MissingItem[]> {
  const fix = migrationFix(env);
  return (await missingMigrations(env.DB)).map((name) => ({ what: "migration", name, fix }));
}

/** Databases known to hold every migration of this build; the answer cannot change back. */
const migrated = new WeakSet<D1Database>();

/**
 * Until D1 holds every migration of this build, every route but /healthz and the stylesheet answers
 * 503 in the one error shape, naming what is missing, instead of a 500 "no such table". A positive
 * answer is kept for the isolate's life, so a serving Worker spends no query on this.
 */
export const requireMigrations = createMiddleware<AppEnv>(async (c, next) => {
  const path = c.req.path;
  if (migrated.has(c.env.DB) || path === "/healthz" || path.startsWith("/assets/")) return next();
  let missing: MissingItem[];
  try {
    missing = await missingMigrationItems(c.env);
  } catch (error) {
    console.error(
      JSON.stringify({ level: "error", message: "readiness check failed", error: String(error) }),
    );
    throw new HttpError(503, "not_ready", "数据库暂时无法访问：请稍后重试", undefined, {
      "Retry-After": "10",
    });
  }
  if (missing.length === 0) {
    migrated.add(c.env.DB);
    return next();
  }
  const names = missing.map((m) => m.name).join("、");
  throw new HttpError(
    503,
    "not_ready",
    `系统尚未就绪：数据库迁移 ${names} 尚未应用，请稍后重试。管理员请${migrationFix(c.env)}`,
    missing,
    { "Retry-After": "10" },
  );
});
