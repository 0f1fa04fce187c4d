import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { issueLink } from "../../src/jobs/links/issue-link";
import { createPersonalLinks } from "../../src/store/personal-links";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, linkPathIn, makeLink, NOW_MS, PUBLIC_URL, syncOffice } from "./links-setup";

/**
 * The office rotated LINK_SECRET after a leak (docs/deploy.md 第 12d 节): 区教育局 (two links), 区卫健委
 * and 代表 李华 hold links signed with the old secret, 代表 张明 one of the current secret. On /links
 * staff press 通过通知渠道发送新链接: each holder of a stopped link gets one 链接更换通知 through its
 * own channel (承办单位's robot, the deputy's 邮箱), carrying a new link. 区住建局 holds a stopped link
 * and one staff issued by hand since: the press for all leaves it out, its own press does not.
 */
const office = `resend-${crypto.randomUUID().slice(0, 8)}`;
const OLD_SECRET = "the-office-link-secret-before-rotation-0123456789";
const DAY_MS = 86_400_000;
const ADMIN = { authorization: "Bearer test-admin-token" };
const HOLDERS = ["区卫健委", "区教育局", "李华"];

let oldPath = "";

interface Row {
  recipient: string;
  channel: string;
  title: string;
  body: string;
}

async function relinkNotices(): Promise<Row[]> {
  const { results } = await env.DB.prepare(
    "SELECT recipient, channel, title, body FROM notices WHERE type = '链接更换通知' ORDER BY recipient",
  ).all<Row>();
  return results;
}

function press(path: string, fields: Record<string, string> = {}): Promise<Response> {
  return browse(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
  });
}

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office);
  await syncOffice(office);
  const old = { secret: OLD_SECRET, publicUrl: PUBLIC_URL };
  const links = createPersonalLinks(env.DB);
  for (const [kind, name] of [
    ["unit", "区教育局"],
    ["unit", "区教育局"],
    ["unit", "区卫健委"],
    ["deputy", "李华"],
    ["unit", "区住建局"],
  ] as const) {
    const issued = await issueLink(old, { kind, name }, "act", {}, NOW_MS - 30 * DAY_MS);
    await links.issue([issued.record]);
    if (name === "区教育局") oldPath = `/l/${issued.token}`;
  }
  await makeLink("deputy", "张明");
  await makeLink("unit", "区住建局");
});

describe("通过通知渠道发送新链接 on /links after LINK_SECRET was rotated", () => {
  it("offers it for all holders of stopped links and beside each of them", async () => {
    const html = await (await browse("/links", { headers: ADMIN })).text();
    expect(html).toContain('action="/links/resend-all"');
    expect(html).toContain("通过通知渠道发送新链接");
    expect(html).toContain('aria-label="通过通知渠道给承办单位 区卫健委发送新链接"');
    expect(html).not.toContain('aria-label="通过通知渠道给代表 张明发送新链接"');
  });

  it("queues one 链接更换通知 per holder through its channel, with a new link that opens", async () => {
    const response = await press("/links/resend-all");
    const html = await response.text();
    expect(response.status, html.slice(0, 400)).toBe(200);
    expect(html).toContain(
      "已通过通知渠道给 3 个对象发送新链接：承办单位 区卫健委、承办单位 区教育局、代表 李华",
    );
    expect(html).toContain(
      "承办单位 区住建局已持有更换密钥后签发的有效链接（本页发送、之后的通知或人工签发），未再发送",
    );
    const notices = await relinkNotices();
    expect(notices.map((n) => n.recipient).sort()).toEqual([...HOLDERS].sort());
    const byName = new Map(notices.map((n) => [n.recipient, n]));
    expect(byName.get("区教育局")?.channel).toBe("wecom");
    expect(byName.get("区卫健委")?.channel).toBe("feishu");
    expect(byName.get("李华")?.channel).toBe("email");
    for (const n of notices) {
      expect(n.title).toBe("个人链接已更换");
      expect(n.body).toContain(`${n.recipient}：代表工委已更换个人链接的密钥，您此前收到的链接已停用`);
      expect(n.body).toContain(`仅供${n.recipient}使用`);
      const opened = await browse(linkPathIn(n.body));
      expect(opened.status, n.body).toBe(200);
    }
    const old = await (await browse(oldPath)).text();
    expect(old).toContain("<h1>链接已更换</h1>");
  });

  it("sends nothing more on a second press that day, and says so", async () => {
    const html = await (await press("/links/resend-all")).text();
    // Each now holds the link the first press sent: the press for all leaves them out.
    expect(html).toContain(
      "承办单位 区住建局、承办单位 区卫健委、承办单位 区教育局、代表 李华已持有更换密钥后签发的有效链接（本页发送、之后的通知或人工签发），未再发送",
    );
    expect(html).not.toContain("已通过通知渠道给");
    const one = await (await press("/links/resend", { kind: "unit", recipient: "区教育局" })).text();
    expect(one).toContain("今天已经给承办单位 区教育局发过新链接，未重复发送");
    expect(await relinkNotices()).toHaveLength(3);
    // No link is signed for a notice that does not go.
    const signed = await env.DB.prepare(
      "SELECT count(*) AS n FROM personal_links WHERE notice_type = '链接更换通知'",
    ).first<{ n: number }>();
    expect(signed?.n).toBe(3);
  });

  it("sends one to a holder with a new link when staff press beside its stopped link", async () => {
    const html = await (await press("/links/resend", { kind: "unit", recipient: "区住建局" })).text();
    expect(html).toContain("已通过通知渠道给 1 个对象发送新链接：承办单位 区住建局");
    expect((await relinkNotices()).map((n) => n.recipient)).toContain("区住建局");
  });

  it("shows the notices on /notices", async () => {
    const html = await (await browse("/notices", { headers: ADMIN })).text();
    expect(html).toContain("链接更换通知");
  });
});
