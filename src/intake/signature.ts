/** Signed webhooks: HMAC-SHA256 over `timestamp + "." + raw body`, hex, in `X-Jianyi-Signature: sha256=<hex>`. */
import { fromHex, toHex } from "../hex";

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

const encoder = new TextEncoder();

async function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    usage,
  ]);
}

/**
 * The signed message: `timestamp + "." + body`, the body as the bytes sent. Text is encoded as UTF-8;
 * bytes are taken as they are, so a body that starts with a BOM is checked over the BOM too.
 */
function signedMessage(timestamp: string, body: string | Uint8Array): Uint8Array {
  const prefix = encoder.encode(`${timestamp}.`);
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  const message = new Uint8Array(prefix.byteLength + bytes.byteLength);
  message.set(prefix, 0);
  message.set(bytes, prefix.byteLength);
  return message;
}

/** Signs a body the way senders must (used by the local tools, tests and the notice webhook channel). */
export async function signBody(
  secret: string,
  timestamp: string,
  body: string | Uint8Array,
): Promise<string> {
  const key = await hmacKey(secret, "sign");
  return `sha256=${toHex(await crypto.subtle.sign("HMAC", key, signedMessage(timestamp, body)))}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a signature and its timestamp window over the body's raw bytes (before any decoding). `crypto.subtle.verify` compares in constant time,
 * so a forger learns nothing from how long a rejection takes.
 */
export async function verifySignature(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: string | Uint8Array,
  nowSeconds: number,
): Promise<SignatureCheck> {
  if (!timestamp || !signature)
    return { ok: false, reason: "缺少 X-Jianyi-Timestamp 或 X-Jianyi-Signature 请求头" };
  if (!/^\d{9,11}$/.test(timestamp)) return { ok: false, reason: "X-Jianyi-Timestamp 应为 Unix 秒数" };
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    return { ok: false, reason: "时间戳已过期（超过 5 分钟）：请重新签名后发送" };
  }
  const hex = signature.startsWith("sha256=") ? signature.slice(7) : "";
  const bytes = hex.length === 64 ? fromHex(hex) : null;
  if (!bytes) return { ok: false, reason: "X-Jianyi-Signature 格式应为 sha256=<64 位十六进制>" };
  const key = await hmacKey(secret, "verify");
  const valid = await crypto.subtle.verify("HMAC", key, bytes, signedMessage(timestamp, body));
  return valid
    ? { ok: true }
    : {
        ok: false,
        reason: "签名不正确：请核对表单脚本中的密钥与该表单在 Worker 中配置的密钥（FORM_SECRET_…）是否一致",
      };
}
