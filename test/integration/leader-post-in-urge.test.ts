import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { leadersTab } from "../../sheets-schema/tabs";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, header, makeLink, nonceOf, postForm, row, syncOffice } from "./links-setup";

/**
 * Explorer BH's case: 吴国庆, 区人大常委会副主任 in 领导, supervises 2026-124 (区住建局 lead) and
 * presses 催办: the unit reads who he is. Opening 2026-003, which he neither supervises nor leads,
 * he is told so in a leader's words, not that it is outside his 办理.
 */
const office = `leader-post-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [["2026-124", "区住建局", { 重点建议: "是", 督办领导: "吴国庆" }]],
    tabs: {
      [TAB_NAMES.leaders]: [
        header(leadersTab),
        row(leadersTab, {
          姓名: "吴国庆",
          职务: "区人大常委会副主任",
          类型: "督办",
          邮箱: `wgq-${office}@example.gov.cn`,
        }),
      ],
    },
  });
  await syncOffice(office);
});

describe("a 督办领导 with a 职务 in 领导", () => {
  it("is named with it in the 领导催办 the unit gets", async () => {
    const leader = await makeLink("leader", "吴国庆");
    const path = `${leader.path}/s/2026-124`;
    const pressed = await postForm(`${path}/urge`, {
      nonce: nonceOf(await (await browse(path)).text(), `${path}/urge`),
    });
    expect(pressed.status).toBe(303);
    const sent = await env.DB.prepare("SELECT body FROM notices WHERE type = '领导催办' AND body LIKE ?")
      .bind("%（编号 2026-124）%")
      .first<{ body: string }>();
    expect(sent?.body).toMatch(
      /^区住建局：区人大常委会副主任吴国庆同志（督办领导）催办张明代表领衔提出的建议/,
    );
  });

  it("is told a suggestion he neither supervises nor leads is not among his, not that he cannot 办理 it", async () => {
    const leader = await makeLink("leader", "吴国庆");
    const response = await browse(`${leader.path}/s/2026-003`);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("编号 2026-003 的建议不在您督办或领办的建议之列");
    expect(html).not.toContain("办理范围");
  });
});
