import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postForm, syncOffice } from "./links-setup";

const office = `repeat-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office);
  await syncOffice(office);
});

const suggestions = async () =>
  (
    await env.DB.prepare("SELECT answers FROM inbox WHERE form = 'suggestion' ORDER BY received_at").all<{
      answers: string;
    }>()
  ).results.map((r) => (JSON.parse(r.answers) as { 标题: string }).标题);

describe("a deputy's new suggestion", () => {
  it("is refused, naming the first, when a reloaded page sends the same title again; the same form again still lands once", async () => {
    const lead = await makeLink("deputy", "张明");
    const fill = async (标题: string) => {
      const page = await (await browse(`${lead.path}/suggest`)).text();
      return { nonce: nonceOf(page, `${lead.path}/suggest`), 标题, 内容: "老年人就餐难。" };
    };
    const first = await fill("关于增设社区食堂的建议");
    expect((await postForm(`${lead.path}/suggest`, first)).status).toBe(303);
    // The same form again (a double tap): one entry, as before.
    expect((await postForm(`${lead.path}/suggest`, first)).status).toBe(303);
    // The page reloaded after submitting: a new form, the same title (spaces and 《》 aside).
    const again = await postForm(`${lead.path}/suggest`, await fill(" 《关于增设社区食堂的建议》"));
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toMatch(
      /您已于 \d{4}-\d{2}-\d{2} 提交过标题相同的建议（[^）]+），不必再次提交；如是另一件建议，请修改标题后再提交/,
    );
    // What was typed is kept, to change the title.
    expect(html).toContain("老年人就餐难。");
    expect(await suggestions()).toEqual(["关于增设社区食堂的建议"]);
    // Another title goes in.
    expect((await postForm(`${lead.path}/suggest`, await fill("关于增设公交线路的建议"))).status).toBe(303);
    expect(await suggestions()).toEqual(["关于增设社区食堂的建议", "关于增设公交线路的建议"]);
  });

  it("is refused when the deputy leads a suggestion of that title in the ledger, and names it", async () => {
    const lead = await makeLink("deputy", "张明");
    const page = await (await browse(`${lead.path}/suggest`)).text();
    const refused = await postForm(`${lead.path}/suggest`, {
      nonce: nonceOf(page, `${lead.path}/suggest`),
      标题: "建议2026-001：关于改善通学道路的建议",
      内容: "学校门口道路狭窄。",
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/提交过标题相同的建议（2026-001）/);
  });
});
