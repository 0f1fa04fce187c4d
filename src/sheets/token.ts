import { importPKCS8, SignJWT } from "jose";
import type { ServiceAccount } from "../config";
import { fetchOrNetworkError, SheetsNetworkError } from "./client";
import { sheetsErrorFrom, TOKEN_CALL } from "./errors";
import { createTokenVault, type KeptToken, type SealedTokenStore } from "./token-vault";

export const SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";
/** Google's token audience is fixed, whatever URL the request goes to (the emulator accepts it too). */
const GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
/** Refresh this long before expiry so a token never dies mid-sync. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * Renewed ahead this long before expiry, by a job step of its own (src/jobs/token-step.ts): the
 * sync's 10-minute cron always meets the window between this and REFRESH_MARGIN_MS once, so the
 * steps that call Google (a chunk, an intake batch, a page's restore) find a token kept and never
 * mint one themselves, which costs about 3.5 ms of CPU in a fresh isolate (token-vault.ts).
 */
export const RENEW_AHEAD_MS = 20 * 60_000;

/**
 * What a call now would do: use a kept token with time to spare ("fresh"), use one that is due for
 * renewal ahead ("renew"), or mint one ("none").
 */
export type TokenOutlook = "fresh" | "renew" | "none";

export interface AccessTokenSource {
  getToken(): Promise<string>;
  /** Google refused the token (401): it is forgotten here and where it is kept, so the next call mints. */
  forget(): Promise<void>;
  /** Whether a kept token (this isolate's, or the one D1 keeps) would serve, and for how long. */
  outlook(): Promise<TokenOutlook>;
  /**
   * Mints a token now, unless a kept one is still fresh (a second delivery, or another isolate
   * renewed it); true when it minted.
   */
  renew(): Promise<boolean>;
}

// Per isolate: tokens outlive one request, so a busy Worker mints one per hour, not one per call.
const cache = new Map<string, KeptToken>();

export interface TokenSourceOptions {
  serviceAccount: ServiceAccount;
  tokenUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Where a token outlives its isolate, sealed (D1's meta): a fresh isolate then need not mint one. */
  store?: SealedTokenStore;
}

/** Mints a service-account JWT (RS256, jose) and exchanges it for an access token, cached until near expiry. */
export function createTokenSource(options: TokenSourceOptions): AccessTokenSource {
  const { serviceAccount, tokenUrl } = options;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const cacheKey = `${serviceAccount.client_email}|${tokenUrl}`;
  const vault = options.store && createTokenVault(options.store, serviceAccount.private_key, cacheKey);
  const usable = (kept: KeptToken | undefined): kept is KeptToken =>
    kept !== undefined && kept.expiresAtMs - REFRESH_MARGIN_MS > now();
  const fresh = (kept: KeptToken | undefined): kept is KeptToken =>
    kept !== undefined && kept.expiresAtMs - RENEW_AHEAD_MS > now();
  let pending: Promise<string> | undefined;

  /** This isolate's token, else the one another isolate kept, while it has time left. */
  async function current(): Promise<KeptToken | undefined> {
    const cached = cache.get(cacheKey);
    if (usable(cached)) return cached;
    const kept = await vault?.load();
    if (!usable(kept)) return undefined;
    cache.set(cacheKey, kept);
    return kept;
  }

  /** The token another isolate kept while it has time left, else a new one. */
  async function obtain(): Promise<string> {
    return (await current())?.token ?? mint();
  }

  async function mint(): Promise<string> {
    const key = await importPKCS8(serviceAccount.private_key, "RS256");
    const issuedAt = Math.floor(now() / 1000);
    const assertion = await new SignJWT({ scope: SHEETS_SCOPE })
      .setProtectedHeader({
        alg: "RS256",
        typ: "JWT",
        ...(serviceAccount.private_key_id ? { kid: serviceAccount.private_key_id } : {}),
      })
      .setIssuer(serviceAccount.client_email)
      .setAudience(GOOGLE_TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 3600)
      .sign(key);
    // A lost connection here is the same failure as on a data call (getToken runs inside the
    // client's retry, and a held write is held for it as for any other).
    const response = await fetchOrNetworkError(doFetch, TOKEN_CALL, tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }),
    });
    if (!response.ok) throw await sheetsErrorFrom(response, TOKEN_CALL, serviceAccount.client_email);
    const body = await tokenAnswer(response);
    const minted = { token: body.access_token, expiresAtMs: now() + (body.expires_in ?? 3600) * 1000 };
    cache.set(cacheKey, minted);
    await vault?.save(minted);
    return minted.token;
  }

  return {
    async getToken() {
      const cached = cache.get(cacheKey);
      if (usable(cached)) return cached.token;
      pending ??= obtain().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    async forget() {
      cache.delete(cacheKey);
      await vault?.forget();
    },
    async outlook() {
      const kept = await current();
      return fresh(kept) ? "fresh" : kept ? "renew" : "none";
    },
    async renew() {
      if (fresh(await current())) return false;
      await mint();
      return true;
    },
  };
}

/**
 * The token in a 200 answer. One cut off mid-body, or a proxy's or captive portal's page in place of
 * Google's JSON, is not a refusal of the key: like the client's unreadable answer it is a
 * SheetsNetworkError (retried, held), and its detail shows the start of what came instead of a
 * bare JSON SyntaxError.
 */
async function tokenAnswer(response: Response): Promise<{ access_token: string; expires_in?: number }> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new SheetsNetworkError(TOKEN_CALL, error);
  }
  try {
    const body = JSON.parse(text) as { access_token?: unknown; expires_in?: number };
    if (typeof body.access_token === "string" && body.access_token !== "")
      return { access_token: body.access_token, expires_in: body.expires_in };
  } catch {
    // Not JSON: said below with what came.
  }
  const type = response.headers.get("content-type") ?? "no content-type";
  throw new SheetsNetworkError(
    TOKEN_CALL,
    `HTTP ${response.status} (${type}) without an access_token: ${text.slice(0, 200)}`,
  );
}

/** Forgets the tokens this isolate holds (in tests: the next call mints, or opens the kept one). */
export function clearTokenCache(): void {
  cache.clear();
}
