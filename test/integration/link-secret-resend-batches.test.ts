import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { issueLink } from "../../src/jobs/links/issue-link";
import { RESEND_PER_PRESS } from "../../src/jobs/links/resend-links";
import { createPersonalLinks } from "../../src/store/personal-links";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, NOW_MS, PUBLIC_URL, syncOffice } from "./links-setup";

/**
 * A county's 99 deputies after LINK_SECRET was rotated: one press of 通过通知渠道发送新链接 signs and
 * queues at most RESEND_PER_PRESS notices (a Free-plan invocation's CPU), says how many are left and
 * offers the button again; the next press goes on with the rest and sends no one a second one.
 */
const office = `resend-batches-${crypto.randomUUID().slice(0, 8)}`;
const OLD_SECRET = "the-office-link-secret-before-rotation-0123456789";
const DAY_MS = 86_400_000;
const ADMIN = { authorization: "Bearer test-admin-token" };
const DEPUTIES = Array.from({ length: RESEND_PER_PRESS + 3 }, (_, i) => `代表${String(i).padStart(2, "0")}`);

const press = () =>
  browse("/links/resend-all", {
    method: "POST",
    body: new URLSearchParams(),
    headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
  });

async function noticesPerDeputy(): Promise<Map<string, number>> {
  const { results } = await env.DB.prepare(
    "SELECT recipient, count(*) AS n FROM notices WHERE type = '链接更换通知' GROUP BY recipient",
  ).all<{ recipient: string; n: number }>();
  return new Map(results.map((r) => [r.recipient, r.n]));
}

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    moreDeputies: DEPUTIES.map((name, i) => [name, "城关代表团", `d${i}-${office}@example.cn`] as const),
  });
  await syncOffice(office);
  const old = { secret: OLD_SECRET, publicUrl: PUBLIC_URL };
  const issued = await Promise.all(
    DEPUTIES.map((name) => issueLink(old, { kind: "deputy", name }, "act", {}, NOW_MS - 30 * DAY_MS)),
  );
  await createPersonalLinks(env.DB).issue(issued.map((i) => i.record));
});

describe("通过通知渠道发送新链接 for more holders than one press sends", () => {
  it("sends the first batch, says how many are left and offers the button again", async () => {
    const response = await press();
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(`已通过通知渠道给 ${RESEND_PER_PRESS} 个对象发送新链接`);
    expect(html).toContain("还有 3 个对象没有发送");
    expect(html).toContain('action="/links/resend-all"');
    expect(html).toContain("接着给其余 3 个对象发送");
    expect((await noticesPerDeputy()).size).toBe(RESEND_PER_PRESS);
  });

  it("sends the rest at the next press, none twice", async () => {
    const html = await (await press()).text();
    expect(html).toContain("已通过通知渠道给 3 个对象发送新链接");
    expect(html).not.toContain("还有");
    expect(html).toContain(`等 ${RESEND_PER_PRESS} 个对象已持有更换密钥后签发的有效链接`);
    const sent = await noticesPerDeputy();
    expect([...sent.keys()].sort()).toEqual(DEPUTIES);
    expect([...sent.values()].every((n) => n === 1)).toBe(true);
  });
});
