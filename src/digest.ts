import { toHex } from "./hex";

/**
 * A short digest of a text (the small tabs, a chunk's input, a part's rows) as hexadecimal: SHA-1
 * is plenty, it guards against change, not attack. Native, where hash53 (src/domain/hash.ts) is a
 * JavaScript loop: a fresh isolate runs that loop's first long text before V8 has compiled it
 * (5–8.6 ms of own time for a part's rows on a day's first sync, bench/cold-start.ts newday).
 */
export async function digestOf(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return toHex(bytes);
}

/**
 * SHA-256 of a text as 64 lowercase hex digits, for what must not be told from its hash or must not
 * collide across offices' data (a session id, a robot's address, a notice's key, a secret's
 * fingerprint); callers that keep a shorter key take its first digits.
 */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}
