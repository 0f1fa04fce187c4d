import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postForm, syncOffice } from "./links-setup";

/**
 * 王书记 supervises 2026-001 and 2026-002, both awaiting their reply. Once he pressed 催办 on
 * 2026-002 today, its page says so (when, to whom, that a second press today sends nothing) instead
 * of offering the same button as before; a second press is still refused; 2026-001 is untouched.
 */
const office = `urged-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office);
  await syncOffice(office);
});

/** The 催办 form of a page. */
function urgeForm(html: string, action: string): string {
  const at = html.indexOf(`action="${action}"`);
  expect(at, "no 催办 form").toBeGreaterThan(0);
  return html.slice(at, html.indexOf("</form>", at));
}

describe("a leader's page after 催办 today", () => {
  it("says the press was made today, and a second press still sends nothing", async () => {
    const leader = (await makeLink("leader", "王书记")).path;
    const page = `${leader}/s/2026-002`;
    const action = `${page}/urge`;
    const before = urgeForm(await (await browse(page)).text(), action);
    expect(before).not.toContain("已催办过");
    expect(before).not.toContain("disabled");

    const first = await postForm(action, { nonce: nonceOf(await (await browse(page)).text(), action) });
    expect(first.headers.get("location")).toBe(`${page}?done=urge`);

    // Opened again later (not the ?done= answer): the page itself knows.
    const after = await (await browse(page)).text();
    const form = urgeForm(after, action);
    expect(form).toMatch(
      /您今天 \d\d:\d\d 已催办过这条建议，催办通知已发给主办单位区住建局\s*；今天不会重复发送，如仍未答复，明天可以再次催办。/,
    );
    expect(form).toMatch(/<button type="submit" class="danger" disabled="">\s*今天已催办\s*<\/button>/);

    const again = await postForm(action, { nonce: nonceOf(after, action) });
    expect(again.headers.get("location")).toBe(`${page}?done=urge-again`);
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM notices WHERE type = '领导催办'").first<{
      n: number;
    }>();
    expect(count?.n).toBe(1);

    // Another suggestion he supervises was not urged: its button is as it was.
    const other = urgeForm(await (await browse(`${leader}/s/2026-001`)).text(), `${leader}/s/2026-001/urge`);
    expect(other).not.toContain("已催办过");
    expect(other).not.toContain("disabled");
  });
});
