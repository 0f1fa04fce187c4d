import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { Env } from "../env";

/** The Access application this Worker sits behind. */
export interface AccessConfig {
  /** https://<team>.cloudflareaccess.com: the JWT issuer, and where its signing keys are published. */
  readonly issuer: string;
  readonly audience: string;
}

/** Who a verified Access JWT says the user is. */
export interface AccessIdentity {
  readonly email: string | null;
  readonly subject: string;
}

/** How the signing keys are fetched; tests swap in a local key set. */
export type JwksFetch = (url: string, options: RequestInit) => Promise<Response>;

/**
 * Reads ACCESS_TEAM_DOMAIN (`team`, `team.cloudflareaccess.com` or the https URL) and ACCESS_AUD.
 * Null when either is unset: Access is then off and only the admin token signs in.
 */
export function accessConfigFrom(env: Pick<Env, "ACCESS_TEAM_DOMAIN" | "ACCESS_AUD">): AccessConfig | null {
  const team = env.ACCESS_TEAM_DOMAIN?.trim()
    .replace(/^https?:\/\//, "")
    .replace(/\/+$/, "");
  const audience = env.ACCESS_AUD?.trim();
  if (!team || !audience) return null;
  const host = team.includes(".") ? team : `${team}.cloudflareaccess.com`;
  return { issuer: `https://${host}`, audience };
}

let jwksFetch: JwksFetch | undefined;
const keySets = new Map<string, JWTVerifyGetKey>();

/** Replaces how signing keys are fetched (undefined = the network); clears the cached key sets. */
export function setAccessJwksFetch(fetchImpl: JwksFetch | undefined): void {
  jwksFetch = fetchImpl;
  keySets.clear();
}

/**
 * The team's published keys. jose caches them per isolate and refetches on an unknown `kid`, so
 * Access key rotation needs no deploy.
 */
function keysOf(config: AccessConfig): JWTVerifyGetKey {
  const url = `${config.issuer}/cdn-cgi/access/certs`;
  let keys = keySets.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), jwksFetch ? { [customFetch]: jwksFetch } : {});
    keySets.set(url, keys);
  }
  return keys;
}

/**
 * Verifies a Cf-Access-Jwt-Assertion: RS256 signature by one of the team's keys, issuer, audience
 * and expiry. Throws (jose's errors) when anything does not hold.
 */
export async function verifyAccessJwt(
  token: string,
  config: AccessConfig,
  keys: JWTVerifyGetKey = keysOf(config),
): Promise<AccessIdentity> {
  const { payload } = await jwtVerify(token, keys, {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: ["RS256"],
    requiredClaims: ["exp", "sub"],
  });
  return {
    email: typeof payload.email === "string" ? payload.email : null,
    subject: payload.sub ?? "",
  };
}
