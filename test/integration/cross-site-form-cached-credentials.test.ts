import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { anonymous, signIn } from "./dashboard-helpers";
import { browse, makeLink } from "./links-setup";

const EVIL = "http://evil.example";

/**
 * Credentials a browser keeps and attaches by itself once a site asked for them (an intranet proxy's
 * or a gateway's login box): another site's form then carries them too.
 */
const CACHED = [
  "Basic eDp4",
  'Digest username="x", realm="r", nonce="n", uri="/", response="0"',
  "NTLM TlRMTVNTUAABAAAA",
  "Negotiate YII=",
];

beforeEach(async () => {
  await env.DB.batch([
    env.DB.prepare("DELETE FROM sessions"),
    env.DB.prepare("DELETE FROM sign_in_failures"),
  ]);
});

describe("a form posted from another site by a browser with cached credentials", () => {
  it("is refused on a unit's personal link (the reply form), in Chinese", async () => {
    const link = await makeLink("unit", "区教育局");
    for (const authorization of CACHED) {
      const form = new FormData();
      form.append("nonce", crypto.randomUUID());
      form.append("答复类别", "A");
      form.append("答复内容", "已办理");
      const encoded = new Response(form);
      const response = await browse(`${link.path}/s/2026-013/reply`, {
        method: "POST",
        body: await encoded.arrayBuffer(),
        headers: {
          "content-type": encoded.headers.get("content-type") ?? "",
          origin: EVIL,
          authorization,
        },
      });
      const html = await response.text();
      expect(response.status, authorization).toBe(403);
      expect(html, authorization).toContain("只能从本系统的页面提交表单");
    }
  });

  it("is refused on the dashboard even with the session cookie, and the session stays signed in", async () => {
    const cookie = await signIn();
    for (const authorization of CACHED) {
      const response = await anonymous("/sign-out", {
        method: "POST",
        headers: { cookie, authorization, origin: EVIL, "content-type": "application/x-www-form-urlencoded" },
        body: "",
      });
      const html = await response.text();
      expect(response.status, authorization).toBe(403);
      expect(html, authorization).toContain("只能从本系统的页面提交表单");
    }
    expect((await anonymous("/api/samples", { headers: { cookie } })).status).toBe(200);
  });
});

describe("a script with the admin token (Authorization: Bearer)", () => {
  it("still posts a form with another Origin or none (no browser attaches a bearer token by itself)", async () => {
    for (const origin of [EVIL, undefined]) {
      const response = await anonymous("/sign-out", {
        method: "POST",
        headers: {
          authorization: "Bearer test-admin-token",
          "content-type": "application/x-www-form-urlencoded",
          ...(origin ? { origin } : {}),
        },
        body: "",
      });
      expect(response.status, origin).toBe(200);
      expect(await response.text(), origin).toContain("已退出");
    }
  });
});
