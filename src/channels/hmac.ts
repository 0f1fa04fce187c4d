const encoder = new TextEncoder();

/** HMAC-SHA256 of `message` under `key` (Web Crypto: the same in workerd and Node). */
export async function hmacSha256(key: string, message: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(message)));
}

/** Standard base64 (with + / and padding), as the robots' signing schemes use. */
export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character, marking the cut. */
export function truncateUtf8(text: string, maxBytes: number, marker = "……"): string {
  if (encoder.encode(text).byteLength <= maxBytes) return text;
  const budget = maxBytes - encoder.encode(marker).byteLength;
  let used = 0;
  let out = "";
  for (const ch of text) {
    const size = encoder.encode(ch).byteLength;
    if (used + size > budget) break;
    used += size;
    out += ch;
  }
  return out + marker;
}
