import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { issueLink } from "../../src/jobs/links/issue-link";
import { createPersonalLinks } from "../../src/store/personal-links";
import { resetDatabase } from "../support/sync-helpers";
import { browse, makeLink, NOW_MS, PUBLIC_URL } from "./links-setup";

/**
 * 撤销其全部有效链接 on /links for 代表 李华, whose links are in every state /links shows: two 有效, one
 * 有效 that D1 cannot place (unstamped, issued after the first stamped link), two signed with a
 * LINK_SECRET the office has since replaced (one stamped, one unstamped issued before it), one
 * expired and one revoked already. 张明's link is someone else's.
 */
const OLD_SECRET = "the-office-link-secret-before-rotation-0123456789";
const DAY_MS = 86_400_000;
const ADMIN = { authorization: "Bearer test-admin-token" };
const LIST = `/links?kind=deputy&recipient=${encodeURIComponent("李华")}`;

/** The 状态 badges of the listed links, counted by their text. */
function states(html: string): Record<string, number> {
  const table = html.slice(html.indexOf("<table>"));
  const counts: Record<string, number> = {};
  for (const m of table.matchAll(/<span class="badge [a-z]+">([^<]+)<\/span>/g)) {
    const text = m[1] ?? "";
    counts[text] = (counts[text] ?? 0) + 1;
  }
  return counts;
}

async function page(path: string): Promise<string> {
  const response = await browse(path, { headers: ADMIN });
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

beforeAll(async () => {
  await resetDatabase();
  const links = createPersonalLinks(env.DB);
  const old = { secret: OLD_SECRET, publicUrl: PUBLIC_URL };
  const deputy = { kind: "deputy", name: "李华" } as const;
  // Unstamped (issued by a version before fingerprints), then the first stamped link: both old.
  const unstamped = await issueLink(old, deputy, "act", {}, NOW_MS - 40 * DAY_MS);
  const stamped = await issueLink(old, deputy, "act", {}, NOW_MS - 30 * DAY_MS);
  await links.issue([unstamped.record, stamped.record]);
  await env.DB.prepare("UPDATE personal_links SET secret_fp = NULL WHERE id = ?1")
    .bind(unstamped.link.id)
    .run();
  await makeLink("deputy", "李华");
  await makeLink("deputy", "李华");
  const unplaced = await makeLink("deputy", "李华");
  await env.DB.prepare("UPDATE personal_links SET secret_fp = NULL WHERE id = ?1").bind(unplaced.id).run();
  const expired = await makeLink("deputy", "李华");
  await env.DB.prepare("UPDATE personal_links SET expires_at = ?2 WHERE id = ?1")
    .bind(expired.id, new Date(NOW_MS - DAY_MS).toISOString())
    .run();
  const revoked = await makeLink("deputy", "李华");
  await links.revoke(revoked.id, new Date().toISOString(), "管理令牌");
  await makeLink("deputy", "张明");
});

describe("撤销其全部有效链接", () => {
  it("revokes exactly the links /links listed as 有效 and says how many: the replaced and expired keep their 状态", async () => {
    expect(states(await page(LIST))).toEqual({
      有效: 3,
      "已失效（密钥已更换）": 2,
      已过期: 1,
      已撤销: 1,
    });
    const response = await browse("/links/revoke-all", {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "deputy", recipient: "李华" }),
    });
    expect(response.status).toBe(303);
    const after = await page(response.headers.get("location") ?? "");
    expect(after).toContain("已撤销李华的 3 条有效链接；之后的通知会带上新链接。");
    expect(states(after)).toEqual({ "已失效（密钥已更换）": 2, 已过期: 1, 已撤销: 4 });
    // 张明's link is untouched.
    const other = await page(`/links?kind=deputy&recipient=${encodeURIComponent("张明")}`);
    expect(states(other)).toEqual({ 有效: 1 });
  });

  it("pressed again, says 李华 has no link in force rather than 0 条", async () => {
    const response = await browse("/links/revoke-all", {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "deputy", recipient: "李华" }),
    });
    const after = await page(response.headers.get("location") ?? "");
    expect(after).toContain("李华没有有效链接，未撤销任何链接");
    expect(after).not.toContain("已撤销李华的 0 条");
  });
});
