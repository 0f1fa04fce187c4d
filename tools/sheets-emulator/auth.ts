import { randomBytes } from "node:crypto";
import { compactVerify, decodeJwt, decodeProtectedHeader, importSPKI, type JWTPayload } from "jose";
import { OWNER_EMAIL } from "./context";
import { insufficientScopes, OAuthError, unauthenticated } from "./errors";
import type { JsonObject } from "./types";

export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
const GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const SCOPE_PREFIX = "https://www.googleapis.com/auth/";
/** Google tolerates a little clock skew on iat; a few minutes is the usual allowance. */
const CLOCK_SKEW_SECONDS = 300;
const MAX_JWT_LIFETIME_SECONDS = 3600;

const READ_SCOPES = ["spreadsheets", "spreadsheets.readonly", "drive", "drive.readonly", "drive.file"];
const WRITE_SCOPES = ["spreadsheets", "drive", "drive.file"];

export interface ServiceAccountKey {
  client_email: string;
  public_key_pem: string;
}

export interface TokenGrant {
  user: string;
  scopes: string[];
  expiresAtMs: number;
}

export interface Caller {
  user: string;
  scopes: string[] | "all";
  isOwner: boolean;
}

const TIMEFRAME =
  "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.";

/** Service accounts, issued tokens and the OAuth2 JWT-bearer exchange of oauth2.googleapis.com/token. */
export class AuthRegistry {
  readonly accounts = new Map<string, string>();
  readonly tokens = new Map<string, TokenGrant>();

  constructor(private readonly options: { staticToken?: string; tokenLifetimeSeconds: number }) {}

  addServiceAccount(account: ServiceAccountKey): void {
    this.accounts.set(account.client_email, account.public_key_pem);
  }

  issueToken(
    user: string,
    scopes: string[],
    nowMs: number,
    lifetimeSeconds = this.options.tokenLifetimeSeconds,
  ) {
    const accessToken = `ya29.emu.${randomBytes(24).toString("base64url")}`;
    this.tokens.set(accessToken, { user, scopes, expiresAtMs: nowMs + lifetimeSeconds * 1000 });
    return { access_token: accessToken, expires_in: lifetimeSeconds, token_type: "Bearer" };
  }

  /**
   * POST /token with grant_type=jwt-bearer: verifies the RS256 assertion against the service
   * account's public key (found by `iss`) and answers like Google, errors in the OAuth shape.
   */
  async exchange(form: URLSearchParams, nowMs: number, ownTokenUrls: string[]): Promise<JsonObject> {
    const grantType = form.get("grant_type");
    if (grantType !== GRANT_TYPE) {
      throw new OAuthError("unsupported_grant_type", `Invalid grant_type: ${grantType ?? ""}`);
    }
    const assertion = form.get("assertion");
    if (!assertion) throw new OAuthError("invalid_request", "Missing required parameter: assertion");
    let claims: JWTPayload;
    try {
      if (decodeProtectedHeader(assertion).alg !== "RS256") throw new Error("alg");
      claims = decodeJwt(assertion);
    } catch {
      throw new OAuthError("invalid_grant", "Invalid JWT Signature.");
    }
    if (typeof claims.iss !== "string" || claims.iss === "") {
      throw new OAuthError("invalid_grant", "Invalid email or User ID.");
    }
    const pem = this.accounts.get(claims.iss);
    if (!pem) throw new OAuthError("invalid_grant", "Invalid grant: account not found");
    try {
      await compactVerify(assertion, await importSPKI(pem, "RS256"));
    } catch {
      throw new OAuthError("invalid_grant", "Invalid JWT Signature.");
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (
      !audiences.some((aud) => aud === GOOGLE_TOKEN_URL || (aud !== undefined && ownTokenUrls.includes(aud)))
    ) {
      throw new OAuthError("invalid_grant", "Invalid JWT: Failed audience check.");
    }
    if (typeof claims.iat !== "number")
      throw new OAuthError("invalid_grant", "Invalid JWT: iat (issued at) is not set.");
    if (typeof claims.exp !== "number") {
      throw new OAuthError("invalid_grant", "Invalid JWT: exp (expiration time) is not set.");
    }
    const now = nowMs / 1000;
    if (
      claims.exp <= now ||
      claims.iat > now + CLOCK_SKEW_SECONDS ||
      claims.exp - claims.iat > MAX_JWT_LIFETIME_SECONDS
    ) {
      throw new OAuthError("invalid_grant", TIMEFRAME);
    }
    const scopes = typeof claims.scope === "string" ? claims.scope.split(/\s+/).filter(Boolean) : [];
    if (scopes.length === 0) {
      throw new OAuthError("invalid_scope", "Invalid OAuth scope or ID token audience provided.");
    }
    return this.issueToken(claims.iss, scopes, nowMs);
  }

  /** Resolves a bearer token; a missing, unknown or expired one is Google's 401 UNAUTHENTICATED. */
  authenticate(token: string | undefined, nowMs: number): Caller {
    if (!token) throw unauthenticated();
    if (this.options.staticToken !== undefined && token === this.options.staticToken) {
      return { user: OWNER_EMAIL, scopes: "all", isOwner: true };
    }
    const grant = this.tokens.get(token);
    if (!grant) throw unauthenticated();
    if (grant.expiresAtMs <= nowMs) {
      this.tokens.delete(token);
      throw unauthenticated();
    }
    return { user: grant.user, scopes: grant.scopes, isOwner: false };
  }

  /** Read methods accept read-only scopes; every write needs spreadsheets, drive or drive.file (DISC). */
  static assertScope(caller: Caller, kind: "read" | "write"): void {
    if (caller.scopes === "all") return;
    const allowed = kind === "read" ? READ_SCOPES : WRITE_SCOPES;
    if (!caller.scopes.some((s) => allowed.includes(s.replace(SCOPE_PREFIX, "")))) throw insufficientScopes();
  }

  clearTokens(): void {
    this.tokens.clear();
  }
}
