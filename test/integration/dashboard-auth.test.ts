import { env, exports } from "cloudflare:workers";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAccessJwksFetch } from "../../src/http/access";
import { anonymous, BASE, call, seedAndSync, signIn, worker } from "./dashboard-helpers";

/** Every route of the dashboard: pages, exports and its /api routes, with a method. */
const ROUTES: [string, string][] = [
  ["GET", "/"],
  ["GET", "/suggestions"],
  ["GET", "/suggestions/2026-001"],
  ["GET", `/units/${encodeURIComponent("区教育局")}`],
  ["GET", "/units"],
  ["GET", "/deputies"],
  ["GET", `/deputies/${encodeURIComponent("王建0")}`],
  ["GET", "/problems"],
  ["GET", "/notices"],
  ["GET", "/sampling"],
  ["GET", "/sampling/1"],
  ["GET", "/report"],
  ["GET", "/exports/ledger.csv"],
  ["GET", "/exports/units.csv"],
  ["GET", "/exports/report.csv"],
  ["GET", "/exports/report.json"],
  ["GET", "/api/samples"],
  ["GET", "/api/samples/1"],
  ["GET", "/api/sync/last"],
  ["POST", "/sampling"],
  ["POST", "/sampling/1/confirm"],
  ["POST", "/api/samples"],
  ["POST", "/api/samples/1/confirm"],
  ["POST", "/notices/1/retry"],
  ["POST", "/sign-out"],
];
const isPage = (path: string) => !/^\/(api|exports)\//.test(path);

// Access in front of the Worker: team "jianyi-test", audience "aud-test"; the keys are served by
// an injected fetch instead of https://jianyi-test.cloudflareaccess.com/cdn-cgi/access/certs.
const ACCESS = { ACCESS_TEAM_DOMAIN: "jianyi-test", ACCESS_AUD: "aud-test" };
const ISSUER = "https://jianyi-test.cloudflareaccess.com";
let signingKey: CryptoKey;
let forgerKey: CryptoKey;

async function accessJwt(key: CryptoKey, claims: { aud?: string; exp?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: "leader@example.gov.cn" })
    .setProtectedHeader({ alg: "RS256", kid: "team-key" })
    .setIssuer(ISSUER)
    .setAudience(claims.aud ?? "aud-test")
    .setSubject("leader")
    .setIssuedAt(now - 60)
    .setExpirationTime(claims.exp ?? now + 600)
    .sign(key);
}

/** The Worker behind Access (the same fetch handler, with the Access variables set). */
function behindAccess(method: string, path: string, jwt?: string): Promise<Response> {
  const headers: HeadersInit = jwt ? { "cf-access-jwt-assertion": jwt } : {};
  return worker(new Request(`${BASE}${path}`, { method, redirect: "manual", headers }), ACCESS);
}

beforeAll(async () => {
  await seedAndSync();
  const team = await generateKeyPair("RS256");
  signingKey = team.privateKey;
  forgerKey = (await generateKeyPair("RS256")).privateKey;
  const jwk: JWK = { ...(await exportJWK(team.publicKey)), kid: "team-key", alg: "RS256" };
  setAccessJwksFetch(async (url) => {
    if (url !== `${ISSUER}/cdn-cgi/access/certs`) return new Response("not found", { status: 404 });
    return Response.json({ keys: [jwk] });
  });
  // A sample to look at and confirm.
  const drawn = await call("/api/samples", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode: "count", amount: 3, seed: "auth" }),
  });
  expect(drawn.status).toBe(201);
});
afterAll(() => setAccessJwksFetch(undefined));

async function expectUnauthenticated(response: Response, path: string, code: string): Promise<void> {
  expect(response.status, path).toBe(401);
  if (isPage(path)) {
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain(`（技术支持用：错误代码 ${code} · HTTP 401 · 请求编号 `);
    expect(html).toContain(
      code === "access_denied"
        ? "统一登录的凭证无效或已过期：请重新登录"
        : "请先登录：使用本单位的统一登录，或输入管理员提供的管理令牌",
    );
    // Staff read it: no variable name, no address form, no way back to a page that asks again.
    expect(html).not.toContain("ADMIN_TOKEN");
    expect(html).not.toContain("?token=");
    expect(html).not.toContain("返回概览");
  } else {
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/登录/);
    expect(body.error.requestId).toBeTruthy();
  }
}

describe("sign-in on every dashboard route", () => {
  for (const [index, [method, path]] of ROUTES.entries()) {
    it(`${method} ${path}: refused signed out, with a forged Access JWT, and a forged token`, async () => {
      await expectUnauthenticated(await anonymous(path, { method }), path, "unauthenticated");
      const forgedJwt = await accessJwt(forgerKey);
      await expectUnauthenticated(await behindAccess(method, path, forgedJwt), path, "access_denied");
      // Without Access configured, an Access header proves nothing and is ignored.
      const ignored = await anonymous(path, { method, headers: { "cf-access-jwt-assertion": forgedJwt } });
      await expectUnauthenticated(ignored, path, "unauthenticated");
      // Each route's guess from its own client: one client's eleventh guess in a minute gets 429.
      const wrongToken = await anonymous(path, {
        method,
        headers: { authorization: "Bearer guess", "cf-connecting-ip": `198.51.100.${index + 1}` },
      });
      expect(wrongToken.status).toBe(401);
    });
  }

  for (const [, path] of ROUTES.filter(([m]) => m === "GET")) {
    it(`GET ${path}: served to a user signed in through Access, and with the admin token`, async () => {
      const viaAccess = await behindAccess("GET", path, await accessJwt(signingKey));
      expect(viaAccess.status, path).toBe(200);
      expect((await call(path)).status, path).toBe(200);
    });
  }

  it("refuses an Access JWT for another application or one that has expired", async () => {
    const other = await behindAccess("GET", "/", await accessJwt(signingKey, { aud: "other-app" }));
    const expired = await behindAccess(
      "GET",
      "/",
      await accessJwt(signingKey, { exp: Math.floor(Date.now() / 1000) - 60 }),
    );
    expect([other.status, expired.status]).toEqual([401, 401]);
  });

  it("shows who signed in through Access", async () => {
    const html = await (await behindAccess("GET", "/", await accessJwt(signingKey))).text();
    expect(html).toContain("leader@example.gov.cn");
    expect(html).toContain('href="/cdn-cgi/access/logout"');
  });

  it("records who drew a sample: the Access e-mail, or 管理令牌 for the admin token", async () => {
    const draw = async (credentials: HeadersInit) => {
      const response = await worker(
        new Request(`${BASE}/api/samples`, {
          method: "POST",
          headers: { "content-type": "application/json", ...credentials },
          body: JSON.stringify({ mode: "count", amount: 1 }),
        }),
        ACCESS,
      );
      expect(response.status).toBe(201);
      const { sample } = (await response.json()) as { sample: { id: number } };
      const row = await env.DB.prepare("SELECT drawn_by FROM samples WHERE id = ?1")
        .bind(sample.id)
        .first<{ drawn_by: string | null }>();
      return row?.drawn_by;
    };

    expect(await draw({ "cf-access-jwt-assertion": await accessJwt(signingKey) })).toBe(
      "leader@example.gov.cn",
    );
    expect(await draw({ authorization: "Bearer test-admin-token" })).toBe("管理令牌");
  });

  it("gates the deployed entry point (exports.default.fetch) the same way", async () => {
    const page = (headers: HeadersInit = {}) =>
      exports.default.fetch(new Request(`${BASE}/units`, { headers, redirect: "manual" }));
    expect((await page()).status).toBe(401);
    expect((await page({ authorization: "Bearer test-admin-token" })).status).toBe(200);
  });

  it("leaves /healthz, /hooks/* and the stylesheet open", async () => {
    expect((await anonymous("/healthz")).status).toBe(200);
    expect((await anonymous("/assets/app.css")).headers.get("content-type")).toContain("text/css");
    const hook = await anonymous("/hooks/forms/nope", { method: "POST" });
    expect(hook.status).toBe(404);
    expect(await hook.json()).toMatchObject({ error: { code: "unknown_form" } });
  });
});

describe("the 需要登录 page (/units signed out)", () => {
  it("tells staff how to sign in in their words, with the token form and nothing else to click", async () => {
    const response = await anonymous("/units");
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain("<h1>需要登录</h1>");
    expect(html).toContain("<p>请先登录：使用本单位的统一登录，或输入管理员提供的管理令牌</p>");
    expect(html).toContain("请使用本单位的统一登录，登录后再打开本页；或输入管理员提供的管理令牌登录");
    expect(html).toContain('<input type="hidden" name="next" value="/units"/>');
    expect(html).toContain('<p class="code">（技术支持用：错误代码 unauthenticated · HTTP 401 · 请求编号 ');
    for (const technical of [
      "Cloudflare Access",
      "ADMIN_TOKEN",
      "?token=",
      "/?token",
      "返回概览",
      "数据来自共享表格",
    ])
      expect(html, technical).not.toContain(technical);
  });
});

describe("signed-out pages show no dashboard navigation", () => {
  /** The dashboard's tabs as a reader sees them: every one would lead back to sign-in. */
  const NAV_LABELS = ["概览</a>", "建议</a>", "承办单位</a>", "校验问题</a>", "个人链接</a>"];
  const expectNoNav = (html: string, page: string) => {
    expect(html, page).toContain('<a class="brand" href="/">代表建议督办</a>');
    expect(html, page).not.toContain("<nav");
    for (const label of NAV_LABELS) expect(html, `${page}: ${label}`).not.toContain(label);
  };
  const form = { origin: BASE, "content-type": "application/x-www-form-urlencoded" };

  it("shows only the title on 需要登录, a wrong token, the sign-in page and after sign-out", async () => {
    expectNoNav(await (await anonymous("/units")).text(), "/units signed out");
    const guess = { authorization: "Bearer guess", "cf-connecting-ip": "198.51.100.200" };
    expectNoNav(await (await anonymous("/units", { headers: guess })).text(), "/units wrong token");
    expectNoNav(await (await anonymous("/?token=guess")).text(), "/?token=guess");
    expectNoNav(await (await anonymous("/sign-in?next=/units")).text(), "GET /sign-in");
    const wrongForm = await anonymous("/sign-in", {
      method: "POST",
      headers: form,
      body: "token=guess&next=/",
    });
    expect(wrongForm.status).toBe(401);
    expectNoNav(await wrongForm.text(), "POST /sign-in wrong token");
    const signedOut = await call("/sign-out", {
      method: "POST",
      headers: { cookie: await signIn(), ...form },
    });
    expectNoNav(await signedOut.text(), "after sign-out");
  });

  it("keeps the navigation on an error page of a signed-in user", async () => {
    const response = await call("/suggestions/2099-999");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<nav class="main">');
    expect(html).toContain('<a href="/units" class="">承办单位</a>');
  });
});

describe("the sign-in link", () => {
  it("opens a session in an HttpOnly SameSite=Strict cookie and redirects to the clean URL", async () => {
    const response = await anonymous(`/units?token=test-admin-token&x=1`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/units?x=1");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^jianyi_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).not.toContain("test-admin-token");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Max-Age=43200");
    const followed = await anonymous("/units?x=1", { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(followed.status).toBe(200);
  });

  it("refuses a wrong token with a Chinese page and sets no cookie", async () => {
    const response = await anonymous("/?token=guess");
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toContain("（技术支持用：错误代码 invalid_token · HTTP 401 · 请求编号 ");
  });

  it("signs out by forgetting the cookie", async () => {
    const response = await call("/sign-out", {
      method: "POST",
      headers: {
        cookie: await signIn(),
        origin: BASE,
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/jianyi_session=;.*Max-Age=0/);
  });
});

describe("security headers", () => {
  it("sends a CSP with scripts only from the Worker (none inline), nosniff and no framing on pages, JSON and errors", async () => {
    for (const response of [await call("/"), await call("/api/sync/last"), await anonymous("/units")]) {
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      // The reply form's upload script is served by the Worker itself; nothing inline, nothing else.
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self';");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      // No URL to another site; a same-origin form post carries the real Origin (not null).
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  /** The sampling form posted with the session cookie, as a browser on `origin`'s page sends it. */
  const postSampling = async (origin: string) =>
    anonymous("/sampling", {
      method: "POST",
      headers: { cookie: await signIn(), origin, "content-type": "application/x-www-form-urlencoded" },
      body: "mode=count&amount=1",
    });

  it("takes a form posted from its own page by a browser that sends its Origin but no Sec-Fetch-Site (Safari before 16.4)", async () => {
    expect((await postSampling("http://jianyi.test")).status).not.toBe(403);
  });

  it("refuses a form posted from another site, even with the session cookie", async () => {
    const response = await postSampling("https://evil.example");
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("（技术支持用：错误代码 cross_site_form · HTTP 403 · 请求编号 ");
    // Signed in (the session cookie): the way back to the overview.
    expect(html).toContain('<a href="/">返回概览</a>');
  });
});
