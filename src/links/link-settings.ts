import type { Env } from "../env";
import { LINK_SECRET_MIN_LENGTH } from "./token";

/** What signing and addressing personal links needs: the key and the Worker's public origin. */
export interface LinkSettings {
  readonly secret: string;
  /** e.g. `https://jianyi.my-office.workers.dev` (no trailing slash). */
  readonly publicUrl: string;
}

export interface LinkSettingProblem {
  readonly name: "LINK_SECRET" | "PUBLIC_URL";
  readonly fix: string;
}

/** The local stack's secrets start with this; production refuses them (they are in the repository). */
export const LOCAL_SECRET_PREFIX = "local-";

function secretProblem(env: Pick<Env, "LINK_SECRET" | "ENVIRONMENT">): string | null {
  const secret = env.LINK_SECRET?.trim() ?? "";
  const put =
    "运行 npx wrangler secret put LINK_SECRET，输入至少 32 个字符的随机串（如 openssl rand -base64 32 的输出）";
  if (!secret) return put;
  if (secret.length < LINK_SECRET_MIN_LENGTH) return `LINK_SECRET 太短（${secret.length} 个字符）：${put}`;
  if (env.ENVIRONMENT === "production" && secret.startsWith(LOCAL_SECRET_PREFIX))
    return `LINK_SECRET 是本地开发用的默认值，不能用于正式环境：${put}`;
  return null;
}

function publicUrlProblem(env: Pick<Env, "PUBLIC_URL" | "ENVIRONMENT">): string | null {
  const raw = env.PUBLIC_URL?.trim() ?? "";
  const put =
    "运行 npx wrangler secret put PUBLIC_URL，输入本系统的访问地址，如 https://jianyi.<子域>.workers.dev";
  if (!raw) return put;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `PUBLIC_URL“${raw}”不是网址：${put}`;
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && env.ENVIRONMENT !== "production"))
    return `PUBLIC_URL 须以 https:// 开头：${put}`;
  if (url.pathname !== "/" || url.search || url.hash)
    return `PUBLIC_URL 只写到域名为止（如 ${url.origin}），不带路径：${put}`;
  return null;
}

/**
 * The Worker's public origin, or null while PUBLIC_URL is missing or unusable. The dashboard's
 * address needs only this: the 督办周报 names it whether or not personal links are set up.
 */
export function publicOriginFrom(env: Pick<Env, "PUBLIC_URL" | "ENVIRONMENT">): string | null {
  return publicUrlProblem(env) === null ? new URL((env.PUBLIC_URL ?? "").trim()).origin : null;
}

/** What is wrong with the link settings (empty when both are usable). */
export function linkSettingProblems(
  env: Pick<Env, "LINK_SECRET" | "PUBLIC_URL" | "ENVIRONMENT">,
): LinkSettingProblem[] {
  const problems: LinkSettingProblem[] = [];
  const secret = secretProblem(env);
  if (secret) problems.push({ name: "LINK_SECRET", fix: secret });
  const url = publicUrlProblem(env);
  if (url) problems.push({ name: "PUBLIC_URL", fix: url });
  return problems;
}

/**
 * The last settings worked out, by the values they came from: every invocation builds its deps,
 * and parsing PUBLIC_URL twice showed up at about a millisecond in a quiet sync plan's profile.
 */
let last: { from: string; settings: LinkSettings | null } | null = null;

/** The settings, or null while one is missing or unusable (/healthz says which and how to fix it). */
export function linkSettingsFrom(
  env: Pick<Env, "LINK_SECRET" | "PUBLIC_URL" | "ENVIRONMENT">,
): LinkSettings | null {
  const from = JSON.stringify([env.LINK_SECRET, env.PUBLIC_URL, env.ENVIRONMENT]);
  if (last?.from === from) return last.settings;
  const settings =
    linkSettingProblems(env).length > 0
      ? null
      : {
          secret: (env.LINK_SECRET ?? "").trim(),
          publicUrl: publicOriginFrom(env) ?? "",
        };
  last = { from, settings };
  return settings;
}
