import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { anonymous, BASE, signIn, worker } from "./dashboard-helpers";

const TOKEN = "test-admin-token";
const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
const withCookie = (cookie: string, path = "/api/samples", init: RequestInit = {}) =>
  anonymous(path, { ...init, headers: { ...init.headers, cookie } });
const from = (ip: string, headers: Record<string, string> = {}) => ({ ...headers, "cf-connecting-ip": ip });

async function signOut(cookie: string): Promise<Response> {
  return anonymous("/sign-out", {
    method: "POST",
    headers: { cookie, origin: BASE, "content-type": "application/x-www-form-urlencoded" },
  });
}

async function signInForm(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return anonymous("/sign-in", {
    method: "POST",
    headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

beforeEach(async () => {
  await env.DB.batch([
    env.DB.prepare("DELETE FROM sessions"),
    env.DB.prepare("DELETE FROM sign_in_failures"),
  ]);
});

describe("sessions", () => {
  it("keeps only the SHA-256 of the session id in D1, for 12 hours; two sign-ins get two ids", async () => {
    const first = await signIn();
    const second = await signIn();
    const id = first.slice("jianyi_session=".length);

    expect(first).not.toBe(second);
    const rows = await env.DB.prepare(
      "SELECT id_hash, created_at, expires_at, revoked_at FROM sessions",
    ).all<{
      id_hash: string;
      created_at: string;
      expires_at: string;
      revoked_at: string | null;
    }>();
    expect(rows.results).toHaveLength(2);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(id));
    const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    const row = rows.results.find((r) => r.id_hash === hash);
    expect(row).toBeDefined();
    expect(JSON.stringify(rows.results)).not.toContain(id);
    expect(JSON.stringify(rows.results)).not.toContain(TOKEN);
    expect(Date.parse(row?.expires_at ?? "") - Date.parse(row?.created_at ?? "")).toBe(12 * 60 * 60 * 1000);
    expect(row?.revoked_at).toBeNull();
  });

  it("signs out for good: the cookie copied before sign-out is refused afterwards", async () => {
    const cookie = await signIn();
    expect((await withCookie(cookie)).status).toBe(200);

    const out = await signOut(cookie);

    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/jianyi_session=;.*Max-Age=0/);
    const replayed = await withCookie(cookie);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ error: { code: "session_ended" } });
    const page = await withCookie(cookie, "/units");
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain("登录已失效");
    expect(html).toContain('action="/sign-in"');
    expect(html).toContain('name="next" value="/units"');
  });

  it("refuses a session past its 12 hours, and every session once ADMIN_TOKEN is changed", async () => {
    const expired = await signIn();
    const rotated = await signIn();
    await env.DB.prepare("UPDATE sessions SET expires_at = ?1 WHERE id_hash = ?2")
      .bind(
        new Date(Date.now() - 1000).toISOString(),
        await (async () => {
          const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(expired.slice(15)));
          return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
        })(),
      )
      .run();

    expect((await withCookie(expired)).status).toBe(401);
    expect((await withCookie(rotated)).status).toBe(200);
    const afterRotation = await worker(new Request(`${BASE}/api/samples`, { headers: { cookie: rotated } }), {
      ADMIN_TOKEN: "a-new-admin-token",
    });
    expect(afterRotation.status).toBe(401);
  });

  it("refuses the admin token itself as a cookie (what sign-in used to store)", async () => {
    expect((await withCookie(`jianyi_session=${TOKEN}`)).status).toBe(401);
  });

  it("keeps Authorization: Bearer for scripts, without opening a session", async () => {
    const response = await anonymous("/api/samples", { headers: { authorization: `Bearer ${TOKEN}` } });

    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    const count = await env.DB.prepare("SELECT count(*) AS n FROM sessions").first<{ n: number }>();
    expect(count?.n).toBe(0);
  });

  it("shows the sign-in form at /sign-in, keeping only a same-site page to return to", async () => {
    const page = await anonymous("/sign-in?next=%2Funits");
    const offSite = await anonymous("/sign-in?next=%2F%2Fevil.example");

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="next" value="/units"');
    expect(await offSite.text()).toContain('name="next" value="/"');
  });

  it("signs in with the form on the 需要登录 page and goes back to the page asked for", async () => {
    const response = await signInForm({ token: TOKEN, next: "/units?x=1" });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/units?x=1");
    expect((await withCookie(cookieOf(response), "/units?x=1")).status).toBe(200);
    const crossSite = await signInForm({ token: TOKEN, next: "/" }, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
  });
});

describe("redirects after sign-in stay on this site", () => {
  it("sends the link //evil.example/?token=… to / on this site", async () => {
    const response = await anonymous(`//evil.example/?token=${TOKEN}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/");
  });

  it("sends every off-site `next` of the form to /", async () => {
    for (const next of [
      "//evil.example/?token=x",
      "/\\evil.example",
      "https://evil.example/",
      "/\t/evil.example",
      "/.//evil.example",
      "javascript:alert(1)",
    ]) {
      const response = await signInForm({ token: TOKEN, next });
      expect(response.status, next).toBe(303);
      expect(response.headers.get("location"), next).toBe("/");
    }
  });
});

describe("the guess limit", () => {
  it("answers 429 with Retry-After and a Chinese message after 10 wrong guesses a minute from one client", async () => {
    for (let i = 0; i < 10; i++) {
      const guess = await anonymous("/api/samples", {
        headers: from("203.0.113.7", { authorization: `Bearer guess-${i}` }),
      });
      expect(guess.status).toBe(401);
    }

    const blocked = await anonymous("/api/samples", {
      headers: from("203.0.113.7", { authorization: "Bearer guess-x" }),
    });
    const rightButBlocked = await anonymous("/api/samples", {
      headers: from("203.0.113.7", { authorization: `Bearer ${TOKEN}` }),
    });
    const link = await anonymous(`/?token=${TOKEN}`, { headers: from("203.0.113.7") });
    const form = await signInForm({ token: TOKEN, next: "/" }, from("203.0.113.7"));
    const otherClient = await anonymous("/api/samples", {
      headers: from("203.0.113.8", { authorization: `Bearer ${TOKEN}` }),
    });

    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const error = ((await blocked.json()) as { error: { code: string; message: string } }).error;
    expect(error).toMatchObject({ code: "too_many_attempts" });
    expect(error.message).toMatch(/错误次数过多：请 \d+ 秒后再试/);
    // A right token is not even checked while the client is blocked: a guesser learns nothing.
    expect([rightButBlocked.status, link.status, form.status]).toEqual([429, 429, 429]);
    expect(await link.text()).toContain("尝试次数过多");
    expect(link.headers.get("set-cookie")).toBeNull();
    expect(otherClient.status).toBe(200);
  });

  it("keeps the count in D1, so it holds across isolates, and lets the client in once the minute is over", async () => {
    for (let i = 0; i < 10; i++) await signInForm({ token: `guess-${i}`, next: "/" }, from("203.0.113.9"));
    const row = await env.DB.prepare(
      "SELECT failures FROM sign_in_failures WHERE client = '203.0.113.9'",
    ).first<{
      failures: number;
    }>();
    expect(row?.failures).toBe(10);
    expect((await signInForm({ token: TOKEN, next: "/" }, from("203.0.113.9"))).status).toBe(429);

    await env.DB.prepare("UPDATE sign_in_failures SET window_start = window_start - 61").run();

    expect((await signInForm({ token: TOKEN, next: "/" }, from("203.0.113.9"))).status).toBe(303);
  });

  it("answers no more than 10 of 30 guesses sent at once, and refuses the next", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        anonymous("/api/samples", { headers: from("203.0.113.10", { authorization: `Bearer p-${i}` }) }),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const row = await env.DB.prepare(
      "SELECT failures FROM sign_in_failures WHERE client = '203.0.113.10'",
    ).first<{
      failures: number;
    }>();
    expect(row?.failures).toBe(30);
    const next = await anonymous("/api/samples", {
      headers: from("203.0.113.10", { authorization: `Bearer ${TOKEN}` }),
    });
    expect(next.status).toBe(429);
  });
});
