import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { issueLink } from "../../src/jobs/links/issue-link";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { signLink } from "../../src/links/token";
import { createPersonalLinks } from "../../src/store/personal-links";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, linkPathIn, makeLink, NOW_MS, PUBLIC_URL, syncOffice } from "./links-setup";
import { noticeDeps } from "./notices-setup";

/**
 * The office rotated LINK_SECRET (docs/deploy.md 第 6 节): the notices sent before went out with
 * links signed with the old secret, and the Worker now runs with the test bindings' one. Before
 * those notices, two links were issued by a version that did not yet record the secret's
 * fingerprint (unstamped rows, as an upgraded office has them).
 */
const office = `rotated-${crypto.randomUUID().slice(0, 8)}`;
const PHONE = "0371-12345678";
const OLD_SECRET = "the-office-link-secret-before-rotation-0123456789";
const DAY_MS = 86_400_000;
const ADMIN = { authorization: "Bearer test-admin-token" };

/** Each refusal from its own client, so the sign-in limit (10 a minute) of one does not bear on the next. */
let client = 0;
function open(path: string): Promise<Response> {
  client += 1;
  return browse(path, { headers: { "cf-connecting-ip": `198.51.100.${client}` } });
}

let oldPath = "";
let noticeLinks = 0;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    tabs: {
      [TAB_NAMES.settings]: [
        ["项目", "值", "说明"],
        ["仅工作日发送", "否", ""],
        ["代表工委联系电话", PHONE, ""],
      ],
    },
  });
  await syncOffice(office);
  const old = { secret: OLD_SECRET, publicUrl: PUBLIC_URL };
  const links = createPersonalLinks(env.DB);
  for (const name of ["区卫健委", "李华"] as const) {
    const issued = await issueLink(
      old,
      { kind: name === "李华" ? "deputy" : "unit", name },
      "act",
      {},
      NOW_MS - 30 * DAY_MS,
    );
    await links.issue([issued.record]);
    await env.DB.prepare("UPDATE personal_links SET secret_fp = NULL WHERE id = ?1")
      .bind(issued.link.id)
      .run();
  }
  const { deps } = await noticeDeps(office);
  expect(await runDailyNotices({ ...deps, linkSettings: old }, NOW_MS, { force: true })).toMatchObject({
    outcome: "ok",
  });
  const notice = await env.DB.prepare(
    "SELECT body FROM notices WHERE type = '交办通知' AND recipient = '区教育局' AND suggestion_id = '2026-001'",
  ).first<{ body: string }>();
  oldPath = linkPathIn(notice?.body ?? "");
  const count = await env.DB.prepare("SELECT count(*) AS n FROM personal_links").first<{ n: number }>();
  noticeLinks = (count?.n ?? 0) - 2;
  expect(noticeLinks).toBeGreaterThan(2);
});

describe("a link from a notice sent before LINK_SECRET was rotated", () => {
  it("says the link was replaced and where to get the new one, with the office's number (403 as before)", async () => {
    const response = await open(`${oldPath}/s/2026-001`);
    const html = await response.text();
    expect(response.status).toBe(403);
    expect(html).toContain("<h1>链接已更换</h1>");
    expect(html).toContain(
      `代表工委已更换链接密钥，此前发出的链接都已停用。请使用之后收到的通知中的新链接，或联系代表工委（电话 ${PHONE}）重新发送。`,
    );
    expect(html).toContain('data-code="link_replaced"');
    expect(html).not.toContain("链接无效");
  });

  it("says 链接已过期 or 已被撤销 when that old link ran out or was revoked anyway", async () => {
    const old = { secret: OLD_SECRET, publicUrl: PUBLIC_URL };
    const links = createPersonalLinks(env.DB);
    const ran = await issueLink(old, { kind: "unit", name: "区住建局" }, "act", {}, NOW_MS);
    const revoked = await issueLink(old, { kind: "unit", name: "区住建局" }, "act", {}, NOW_MS);
    // Ran out yesterday (its token's own exp is not read: its signature no longer checks out).
    await links.issue([
      { ...ran.record, expiresAt: new Date(NOW_MS - DAY_MS).toISOString() },
      revoked.record,
    ]);
    await links.revoke(revoked.link.id, new Date().toISOString(), "test");
    expect(await (await open(`/l/${ran.token}`)).text()).toContain("<h1>链接已过期</h1>");
    expect(await (await open(`/l/${revoked.token}`)).text()).toContain("<h1>链接已撤销</h1>");
  });

  it("still counts against the client's wrong-link limit: the 11th in a minute is told to wait", async () => {
    const headers = { "cf-connecting-ip": "203.0.113.99" };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await browse(oldPath, { headers })).status);
    expect(statuses).toEqual([...new Array(10).fill(403), 429]);
  });
});

describe("a forged or tampered link after the rotation", () => {
  it("is still just 链接无效: a current link altered, an unknown id, or an old key claiming a current link's id", async () => {
    const current = await makeLink("unit", "区教育局");
    expect((await open(current.path)).status).toBe(200);
    const [, , token = ""] = current.path.split("/");
    const [h, claims = "", sig] = token.split(".");
    const flipped = `${claims.slice(0, 10)}${claims[10] === "A" ? "B" : "A"}${claims.slice(11)}`;
    const expiresAt = Math.floor(NOW_MS / 1000) + 86_400;
    const forged = [
      `/l/${h}.${flipped}.${sig}`,
      `/l/${await signLink(OLD_SECRET, { id: "AAAAAAAAAAAAAAAAAAAAAA", kind: "unit", recipient: "区教育局", scope: "act", expiresAt }, NOW_MS)}`,
      `/l/${await signLink(OLD_SECRET, { id: current.id, kind: "unit", recipient: "区教育局", scope: "act", expiresAt }, NOW_MS)}`,
    ];
    for (const path of forged) {
      const response = await open(path);
      const html = await response.text();
      expect(response.status, path).toBe(403);
      expect(html, path).toContain("<h1>链接无效</h1>");
      expect(html, path).not.toContain("链接已更换");
    }
  });
});

describe("the staff's 个人链接 page after the rotation", () => {
  it("shows every link signed with the old secret as 已失效（密钥已更换）, counts them and names whom to send a new one", async () => {
    const fresh = await makeLink("deputy", "张明");
    const html = await (await browse("/links", { headers: ADMIN })).text();
    const rows = html.split("<tr>").slice(2);
    const replaced = rows.filter((r) => r.includes("已失效（密钥已更换）"));
    // The notices' links and the two issued before fingerprints were kept (signed no later than they).
    expect(replaced).toHaveLength(noticeLinks + 2);
    expect(replaced.some((r) => r.includes("区卫健委") && r.includes("看板签发"))).toBe(true);
    expect(replaced.some((r) => r.includes("代表 李华") && r.includes("看板签发"))).toBe(true);
    expect(replaced.every((r) => !r.includes(">撤销<"))).toBe(true);
    const freshRow = rows.find((r) => r.includes(fresh.id.slice(0, 8))) ?? "";
    expect(freshRow).toContain(">有效<");
    expect(html).toContain(
      `列出的链接中有 ${noticeLinks + 2} 条因代表工委更换了链接密钥（LINK_SECRET）已失效`,
    );
    expect(html).toMatch(/承办单位 区教育局<\/a>（\d+ 条）/);
  });
});
