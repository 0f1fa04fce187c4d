import { describe, expect, it } from "vitest";
import { allows, type Capability } from "../../../src/domain/links/capability";
import { linkSettingProblems, linkSettingsFrom } from "../../../src/links/link-settings";
import { newLinkId, signLink, verifyLink } from "../../../src/links/token";

const SECRET = "unit-test-link-secret-0123456789abcdef";
const NOW_MS = Date.parse("2026-03-02T01:00:00Z");
const link: Capability = {
  id: newLinkId(),
  kind: "unit",
  recipient: "区教育局",
  scope: "act",
  expiresAt: Math.floor(NOW_MS / 1000) + 86_400,
};

/** Flips one character of a base64url segment of the token (0 = header, 1 = claims, 2 = signature). */
function tamper(token: string, segment: number): string {
  const parts = token.split(".");
  const part = parts[segment] ?? "";
  const at = Math.floor(part.length / 2);
  parts[segment] = `${part.slice(0, at)}${part[at] === "A" ? "B" : "A"}${part.slice(at + 1)}`;
  return parts.join(".");
}

describe("personal-link tokens", () => {
  it("carry the recipient, kind, scope, id and expiry they were signed with", async () => {
    const token = await signLink(SECRET, link, NOW_MS);
    expect(await verifyLink(SECRET, token, NOW_MS)).toEqual({ ok: true, link });
  });

  it("give every link a different 128-bit id", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newLinkId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("refuse a token with any part changed, or signed with another key", async () => {
    const token = await signLink(SECRET, link, NOW_MS);
    for (const segment of [0, 1, 2]) {
      const result = await verifyLink(SECRET, tamper(token, segment), NOW_MS);
      expect(result.ok).toBe(false);
    }
    const foreign = await signLink(`${SECRET}-other`, link, NOW_MS);
    expect(await verifyLink(SECRET, foreign, NOW_MS)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuse the other spellings of the signature's last character (bits the decoder ignores)", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const token = await signLink(SECRET, link, NOW_MS);
    const last = alphabet.indexOf(token.slice(-1));
    // 32 bytes are 43 characters: the last carries 4 bits of the signature and 2 spare ones.
    expect(token.split(".")[2]).toHaveLength(43);
    for (const spare of [1, 2, 3]) {
      const respelled = `${token.slice(0, -1)}${alphabet[last ^ spare]}`;
      expect(await verifyLink(SECRET, respelled, NOW_MS)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyLink(SECRET, token, NOW_MS)).toEqual({ ok: true, link });
  });

  it("refuse a token whose claims were swapped for another unit's, even with a valid-looking shape", async () => {
    const mine = (await signLink(SECRET, link, NOW_MS)).split(".");
    const theirs = (await signLink(SECRET, { ...link, recipient: "区住建局" }, NOW_MS)).split(".");
    const spliced = [mine[0], theirs[1], mine[2]].join(".");
    expect(await verifyLink(SECRET, spliced, NOW_MS)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuse an expired token as expired, and an unsigned or garbled one as not a link", async () => {
    const token = await signLink(SECRET, link, NOW_MS);
    expect(await verifyLink(SECRET, token, (link.expiresAt + 1) * 1000)).toEqual({
      ok: false,
      reason: "expired",
    });
    const [header, claims] = token.split(".");
    const none = `${btoa('{"alg":"none"}').replace(/=+$/, "")}.${claims}.`;
    expect((await verifyLink(SECRET, none, NOW_MS)).ok).toBe(false);
    expect(await verifyLink(SECRET, `${header}.${claims}`, NOW_MS)).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await verifyLink(SECRET, "x".repeat(2000), NOW_MS)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("what a link may do", () => {
  it("lets a unit reply, a deputy submit and rate, a leader urge, and a read-only link only view", () => {
    expect(allows({ kind: "unit", scope: "act" }, "reply")).toBe(true);
    expect(allows({ kind: "unit", scope: "act" }, "rate")).toBe(false);
    expect(allows({ kind: "deputy", scope: "act" }, "rate")).toBe(true);
    expect(allows({ kind: "deputy", scope: "act" }, "reply")).toBe(false);
    expect(allows({ kind: "leader", scope: "act" }, "urge")).toBe(true);
    expect(allows({ kind: "unit", scope: "read" }, "reply")).toBe(false);
    expect(allows({ kind: "unit", scope: "read" }, "view")).toBe(true);
  });
});

describe("link settings", () => {
  it("need a secret of at least 32 characters and the Worker's address without a path", () => {
    const ok = {
      LINK_SECRET: SECRET,
      PUBLIC_URL: "https://jianyi.example.workers.dev/",
      ENVIRONMENT: "production",
    };
    expect(linkSettingsFrom(ok)).toEqual({ secret: SECRET, publicUrl: "https://jianyi.example.workers.dev" });
    // Worked out once per set of values: other values give their own answer, and back again.
    expect(linkSettingsFrom({ ...ok, LINK_SECRET: "short" })).toBeNull();
    expect(linkSettingsFrom({ ...ok, PUBLIC_URL: "https://other.example" })?.publicUrl).toBe(
      "https://other.example",
    );
    expect(linkSettingsFrom(ok)?.publicUrl).toBe("https://jianyi.example.workers.dev");
    expect(linkSettingProblems({ ...ok, LINK_SECRET: "short" })[0]?.fix).toContain("太短");
    expect(linkSettingProblems({ ...ok, LINK_SECRET: undefined }).map((p) => p.name)).toEqual([
      "LINK_SECRET",
    ]);
    expect(linkSettingProblems({ ...ok, PUBLIC_URL: "https://x.example/jianyi" })[0]?.fix).toContain(
      "不带路径",
    );
    expect(linkSettingProblems({ ...ok, PUBLIC_URL: "http://x.example" })[0]?.fix).toContain("https://");
    expect(
      linkSettingsFrom({ ...ok, PUBLIC_URL: "http://127.0.0.1:8787", ENVIRONMENT: "development" }),
    ).not.toBeNull();
  });

  it("refuse the local stack's secret in production", () => {
    const local = {
      LINK_SECRET: "local-link-secret-for-npm-start-only-000",
      PUBLIC_URL: "https://a.example",
    };
    expect(linkSettingProblems({ ...local, ENVIRONMENT: "production" })[0]?.fix).toContain("本地开发");
    expect(linkSettingProblems({ ...local, ENVIRONMENT: "development" })).toEqual([]);
  });
});
