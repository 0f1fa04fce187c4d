import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postForm, syncOffice } from "./links-setup";

/**
 * 2026-005 (区住建局 lead, 督办领导 王书记) was typed from an Excel ledger with a spaced 领衔代表,
 * `张  明`: the sync matches it to 张明 in 代表, and the 领导催办 the leader sends names him as the
 * planned notices do, as 代表 writes him.
 */
const office = `urge-names-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [["2026-005", "区住建局", { 重点建议: "是", 督办领导: "王书记", 领衔代表: "张  明" }]],
  });
  await syncOffice(office);
});

describe("a 领导催办 from a leader's page", () => {
  it("names the 领衔代表 as the 代表 tab writes him, not as the cell was typed", async () => {
    const leader = await makeLink("leader", "王书记");
    const path = `${leader.path}/s/2026-005`;
    await postForm(`${path}/urge`, { nonce: nonceOf(await (await browse(path)).text(), `${path}/urge`) });
    const sent = await env.DB.prepare("SELECT body FROM notices WHERE type = '领导催办' AND body LIKE ?")
      .bind("%（编号 2026-005）%")
      .first<{ body: string }>();
    expect(sent?.body).toContain("张明代表");
    expect(sent?.body).not.toContain("张  明");
  });
});
