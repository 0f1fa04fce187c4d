import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "../../../src/intake/signature";

const body = JSON.stringify({ submissionId: "r1", answers: { 标题: "关于增设公交站点的建议" } });

describe("webhook signatures", () => {
  it("match what the documented openssl recipe (curl-example.sh) computes", async () => {
    const openssl = execFileSync("openssl", ["dgst", "-sha256", "-hmac", "s3cret", "-hex"], {
      input: `1767225600.${body}`,
    })
      .toString()
      .replace(/^.*= /, "")
      .trim();

    expect(await signBody("s3cret", "1767225600", body)).toBe(`sha256=${openssl}`);
  });

  it("accept a fresh signature and refuse a stale, tampered or malformed one", async () => {
    const now = 1767225600;
    const sig = await signBody("s3cret", String(now), body);

    expect(await verifySignature("s3cret", String(now), sig, body, now + 299)).toEqual({ ok: true });
    expect((await verifySignature("s3cret", String(now), sig, body, now + 301)).ok).toBe(false);
    expect((await verifySignature("s3cret", String(now), sig, `${body} `, now)).ok).toBe(false);
    expect((await verifySignature("other", String(now), sig, body, now)).ok).toBe(false);
    expect((await verifySignature("s3cret", String(now), "sha256=zz", body, now)).ok).toBe(false);
    expect((await verifySignature("s3cret", undefined, sig, body, now)).ok).toBe(false);
  });
});

describe("signatures over the raw bytes", () => {
  it("verify a body that starts with a UTF-8 BOM over the bytes as sent, BOM included", async () => {
    const now = 1767225600;
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const text = new TextEncoder().encode(body);
    const bytes = new Uint8Array([...bom, ...text]);
    const openssl = execFileSync("openssl", ["dgst", "-sha256", "-hmac", "s3cret", "-hex"], {
      input: Buffer.concat([Buffer.from(`${now}.`), Buffer.from(bytes)]),
    })
      .toString()
      .replace(/^.*= /, "")
      .trim();

    expect(await verifySignature("s3cret", String(now), `sha256=${openssl}`, bytes, now)).toEqual({
      ok: true,
    });
    // The same signature does not hold for the text without its BOM: nothing is silently dropped.
    expect((await verifySignature("s3cret", String(now), `sha256=${openssl}`, text, now)).ok).toBe(false);
  });
});
