import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { accessConfigFrom, setAccessJwksFetch, verifyAccessJwt } from "../../../src/http/access";

const config = { issuer: "https://jianyi-test.cloudflareaccess.com", audience: "aud-123" };
const NOW_S = Math.floor(Date.now() / 1000);

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { privateKey, jwk };
}

async function token(
  privateKey: CryptoKey,
  kid: string,
  claims: { iss?: string; aud?: string; exp?: number; email?: string } = {},
) {
  return new SignJWT({ email: claims.email ?? "staff@example.gov.cn" })
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer(claims.iss ?? config.issuer)
    .setAudience(claims.aud ?? config.audience)
    .setSubject("user-1")
    .setIssuedAt(NOW_S - 60)
    .setExpirationTime(claims.exp ?? NOW_S + 600)
    .sign(privateKey);
}

afterEach(() => setAccessJwksFetch(undefined));

describe("Cloudflare Access JWT", () => {
  it("reads the team domain in any of its usual spellings", () => {
    for (const team of [
      "jianyi-test",
      "jianyi-test.cloudflareaccess.com",
      "https://jianyi-test.cloudflareaccess.com/",
    ]) {
      expect(accessConfigFrom({ ACCESS_TEAM_DOMAIN: team, ACCESS_AUD: "aud-123" })).toEqual(config);
    }
    expect(accessConfigFrom({ ACCESS_TEAM_DOMAIN: "jianyi-test" })).toBeNull();
  });

  it("accepts a token signed by the team's key for this application", async () => {
    const { privateKey, jwk } = await keyPair("k1");
    const keys = createLocalJWKSet({ keys: [jwk] });
    await expect(verifyAccessJwt(await token(privateKey, "k1"), config, keys)).resolves.toEqual({
      email: "staff@example.gov.cn",
      subject: "user-1",
    });
  });

  it("refuses a forged signature, another audience or issuer, and an expired token", async () => {
    const { privateKey, jwk } = await keyPair("k1");
    const forger = await keyPair("k1");
    const keys = createLocalJWKSet({ keys: [jwk] });
    const bad = [
      await token(forger.privateKey, "k1"),
      await token(privateKey, "k1", { aud: "another-app" }),
      await token(privateKey, "k1", { iss: "https://evil.cloudflareaccess.com" }),
      await token(privateKey, "k1", { exp: NOW_S - 120 }),
      "not-a-jwt",
    ];
    for (const t of bad) await expect(verifyAccessJwt(t, config, keys)).rejects.toThrow();
  });

  it("fetches the team's published keys from /cdn-cgi/access/certs (the fetch is injectable)", async () => {
    const { privateKey, jwk } = await keyPair("k2");
    const asked: string[] = [];
    setAccessJwksFetch(async (url) => {
      asked.push(url);
      return new Response(JSON.stringify({ keys: [jwk] }), {
        headers: { "content-type": "application/json" },
      });
    });
    await expect(verifyAccessJwt(await token(privateKey, "k2"), config)).resolves.toMatchObject({
      subject: "user-1",
    });
    expect(asked).toEqual(["https://jianyi-test.cloudflareaccess.com/cdn-cgi/access/certs"]);
  });
});
