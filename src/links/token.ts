import { errors, jwtVerify, SignJWT } from "jose";
import { type Capability, isLinkKind, isLinkScope } from "../domain/links/capability";

/**
 * Personal-link tokens: compact HS256 JWTs signed with LINK_SECRET (jose over Web Crypto, whose
 * HMAC verify compares in constant time). Claims: `sub` the recipient, `knd` unit/deputy/leader,
 * `scp` act/read, `jti` 128 random bits, `exp`. Nothing else is trusted from the token: the D1 row
 * named by `jti` must exist and not be revoked (checked by the caller).
 */

/** A secret shorter than this is refused (an HS256 key should carry at least 256 bits). */
export const LINK_SECRET_MIN_LENGTH = 32;

/** A token longer than this is not one of ours; refused before any crypto. */
const TOKEN_MAX_LENGTH = 1024;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** One imported key per secret for the isolate's life: importing costs more than the HMAC itself. */
const keys = new Map<string, Promise<CryptoKey>>();

function keyOf(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secret, key);
  }
  return key;
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A new link id from the platform's CSPRNG: 128 bits as 22 base64url characters. */
export function newLinkId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** Signs a capability into a token for the link's URL. */
export async function signLink(secret: string, link: Capability, nowMs: number): Promise<string> {
  return new SignJWT({ knd: link.kind, scp: link.scope })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(link.recipient)
    .setJti(link.id)
    .setIssuedAt(Math.floor(nowMs / 1000))
    .setExpirationTime(link.expiresAt)
    .sign(await keyOf(secret));
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * Whether a base64url segment (no padding) is the one spelling of its bytes. Its last character
 * may carry bits past the last byte (2 of them after 32 bytes, an HS256 signature), which decoders
 * ignore: `…5l0` and `…5l1` decode alike. Those bits must be zero, so each link has one spelling
 * and any changed character refuses it.
 */
function canonicalSegment(segment: string): boolean {
  const spare = segment.length % 4;
  if (spare === 0) return true;
  if (spare === 1) return false;
  const last = BASE64URL.indexOf(segment.charAt(segment.length - 1));
  return (last & (spare === 2 ? 0b1111 : 0b11)) === 0;
}

export type VerifiedLink =
  | { ok: true; link: Capability }
  | { ok: false; reason: "malformed" | "invalid" | "expired" };

/**
 * Checks a token's signature (constant-time), algorithm and expiry at `nowMs`, and reads its claims.
 * A token whose signature is wrong, whose claims are not ours, or that uses another algorithm is
 * `invalid`; an expired one (whose signature is right) is `expired`.
 */
export async function verifyLink(secret: string, token: string, nowMs: number): Promise<VerifiedLink> {
  if (token.length > TOKEN_MAX_LENGTH || !TOKEN_SHAPE.test(token)) return { ok: false, reason: "malformed" };
  if (!token.split(".").every(canonicalSegment)) return { ok: false, reason: "invalid" };
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: ["HS256"],
      requiredClaims: ["sub", "jti", "exp"],
      currentDate: new Date(nowMs),
    });
    const { sub, jti, exp, knd, scp } = payload;
    if (!sub || !jti || typeof exp !== "number" || !isLinkKind(knd) || !isLinkScope(scp))
      return { ok: false, reason: "invalid" };
    return { ok: true, link: { id: jti, kind: knd, recipient: sub, scope: scp, expiresAt: exp } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    return { ok: false, reason: "invalid" };
  }
}

const LINK_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The link id (`jti`) a token claims, read WITHOUT checking its signature: only to choose what a
 * refused link's page says (a link signed with an earlier LINK_SECRET, or a forged one), never to
 * let anything through. Null when the token carries no id of ours.
 */
export function claimedLinkId(token: string): string | null {
  if (token.length > TOKEN_MAX_LENGTH || !TOKEN_SHAPE.test(token)) return null;
  try {
    const payload = token.split(".")[1] ?? "";
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(json, (ch) => ch.charCodeAt(0));
    const { jti } = JSON.parse(new TextDecoder().decode(bytes)) as { jti?: unknown };
    return typeof jti === "string" && LINK_ID.test(jti) ? jti : null;
  } catch {
    // Not base64url or not JSON: no id to look up, the page says 链接无效 as for any forged token.
    return null;
  }
}
