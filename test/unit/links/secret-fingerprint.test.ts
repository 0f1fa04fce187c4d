import { describe, expect, it } from "vitest";
import type { Capability } from "../../../src/domain/links/capability";
import { secretFingerprint, signedWithOtherSecret } from "../../../src/links/secret-fingerprint";
import { claimedLinkId, newLinkId, signLink, verifyLink } from "../../../src/links/token";

const OLD = "unit-test-old-link-secret-0123456789abcdef";
const NEW = "unit-test-new-link-secret-0123456789abcdef";
const NOW_MS = Date.parse("2026-03-02T01:00:00Z");

describe("the fingerprint of LINK_SECRET kept with each link", () => {
  it("is 16 hex digits, the same for the same secret, different for another, and not the secret", async () => {
    const old = await secretFingerprint(OLD);
    expect(old).toMatch(/^[0-9a-f]{16}$/);
    expect(await secretFingerprint(OLD)).toBe(old);
    expect(await secretFingerprint(NEW)).not.toBe(old);
    expect(OLD).not.toContain(old);
  });

  it("tells a link signed with an earlier secret, and judges an unstamped link only when D1 can place it", async () => {
    const old = await secretFingerprint(OLD);
    const now = await secretFingerprint(NEW);
    // Stamped: its own fingerprint decides.
    expect(signedWithOtherSecret({ secretFingerprint: old, issuedBeforeFingerprint: null }, now)).toBe(true);
    expect(signedWithOtherSecret({ secretFingerprint: now, issuedBeforeFingerprint: null }, now)).toBe(false);
    // Unstamped, issued before the first stamped link (signed with OLD): that secret or an earlier one.
    expect(signedWithOtherSecret({ secretFingerprint: null, issuedBeforeFingerprint: old }, now)).toBe(true);
    // The first stamped link has the current secret: the unstamped one may have it too, so not judged.
    expect(signedWithOtherSecret({ secretFingerprint: null, issuedBeforeFingerprint: now }, now)).toBe(false);
    expect(signedWithOtherSecret({ secretFingerprint: null, issuedBeforeFingerprint: null }, now)).toBe(
      false,
    );
  });
});

describe("the link id a refused token claims", () => {
  const link: Capability = {
    id: newLinkId(),
    kind: "unit",
    recipient: "区教育局",
    scope: "act",
    expiresAt: Math.floor(NOW_MS / 1000) + 86_400,
  };

  it("is read from a token signed with another secret, which verifying refuses", async () => {
    const token = await signLink(OLD, link, NOW_MS);
    expect(await verifyLink(NEW, token, NOW_MS)).toEqual({ ok: false, reason: "invalid" });
    expect(claimedLinkId(token)).toBe(link.id);
  });

  it("is none for a token without an id of ours", () => {
    const claims = (o: object) =>
      btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    expect(claimedLinkId("not.a.link")).toBeNull();
    expect(claimedLinkId(`eyJhbGciOiJIUzI1NiJ9.${claims({ jti: "short" })}.c2ln`)).toBeNull();
    expect(claimedLinkId(`eyJhbGciOiJIUzI1NiJ9.${claims({ jti: 42 })}.c2ln`)).toBeNull();
    expect(claimedLinkId("a.b")).toBeNull();
  });
});
