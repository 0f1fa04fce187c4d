import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { coOpinionsTab } from "../../sheets-schema/tabs";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, postForm, syncOffice } from "./links-setup";

/**
 * 区住建局 co-handled two suggestions of 区卫健委 that staff merged (并案) after 交办: 2026-021 into
 * 2026-001, which 区住建局 co-handles too (区教育局 leads), and 2026-022 into 2026-003, which is not
 * 区住建局's at all. Its 交办通知 and its home list still send it to the merged ones' pages. The
 * deputy withdrew 2026-023 (撤回) after 交办, which 区住建局 co-handled too.
 */
const office = `merged-co-${crypto.randomUUID().slice(0, 8)}`;
let housing = "";
let health = "";

async function open(path: string): Promise<{ status: number; html: string }> {
  const response = await browse(path);
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  await resetDatabase();
  const co = { 协办单位: "区住建局" };
  await buildLinkOffice(office, {
    more: [
      ["2026-021", "区卫健委", { ...co, 审查结果: "并案", 并入编号: "2026-001" }],
      ["2026-022", "区卫健委", { ...co, 审查结果: "并案", 并入编号: "2026-003" }],
      ["2026-023", "区卫健委", { ...co, 审查结果: "撤回" }],
    ],
    tabs: { [TAB_NAMES.coOpinions]: [coOpinionsTab.columns.map((c) => c.header)] },
  });
  await syncOffice(office);
  housing = (await makeLink("unit", "区住建局")).path;
  health = (await makeLink("unit", "区卫健委")).path;
});

describe("a co-unit's link to a suggestion merged into another", () => {
  it("lists both merged suggestions, and each page opens", async () => {
    const home = (await open(housing)).html;
    const list = home.slice(home.indexOf("协办的建议"));
    for (const id of ["2026-021", "2026-022"]) {
      expect(list).toContain(`href="${housing}/s/${id}"`);
      expect((await open(`${housing}/s/${id}`)).status).toBe(200);
    }
  });

  it("merged into one it co-handles too: links there and says to send its opinion to that one's lead unit", async () => {
    const { html } = await open(`${housing}/s/2026-021`);
    expect(html).toContain(`本建议已并入 <a href="${housing}/s/2026-001">2026-001`);
    expect(html).toContain(
      "本单位也是该建议的协办单位，请就该建议向其主办单位区教育局送达协办意见；本建议无需另行办理。",
    );
    expect((await open(`${housing}/s/2026-001`)).status).toBe(200);
  });

  it("merged into one it cannot open: no link, no 请见该建议, and says it has nothing more to do", async () => {
    const { html } = await open(`${housing}/s/2026-022`);
    expect(html).toContain("本建议已并入 2026-003 一并办理。");
    expect(html).not.toContain(`href="${housing}/s/2026-003"`);
    expect(html).not.toContain("请见该建议");
    expect(html).toContain("本单位不是该建议的承办单位，本建议无需再办理（不必答复，也不必送达协办意见）");
    expect((await open(`${housing}/s/2026-003`)).status).toBe(403);
  });
});

describe("a 协办意见 posted from a page opened before the suggestion was merged or withdrawn", () => {
  const cases = [
    ["2026-021", "该建议已并入 2026-001 一并办理，无需单独答复。"],
    ["2026-023", "代表已撤回该建议，无需办理。"],
  ] as const;
  for (const [id, why] of cases)
    it(`${id}: is refused (409) with why (${why}), not as not yet assigned, and nothing is stored`, async () => {
      const { html } = await open(`${housing}/s/${id}`);
      expect(html).not.toContain(`action="${housing}/s/${id}/co-opinion"`);
      const response = await postForm(`${housing}/s/${id}/co-opinion`, {
        nonce: crypto.randomUUID(),
        内容摘要: "同意主办单位的方案",
      });
      expect(response.status).toBe(409);
      const text = await response.text();
      expect(text).toContain(why);
      expect(text).not.toContain("尚未立案交办");
      const stored = await env.DB.prepare(
        "SELECT COUNT(*) AS n FROM inbox WHERE form = 'co-opinion' AND suggestion_id = ?1",
      )
        .bind(id)
        .first<{ n: number }>();
      expect(stored?.n).toBe(0);
    });
});

describe("a 延期申请, 沟通记录 or 异议 posted from a page opened before the suggestion was merged or withdrawn", () => {
  const cases = [
    ["2026-021", "该建议已并入 2026-001 一并办理，无需单独答复。"],
    ["2026-023", "代表已撤回该建议，无需办理。"],
  ] as const;
  // The lead unit (区卫健委) applies for an extension; the co-unit (区住建局) records and objects.
  const posts = [
    ["extension", () => health, { 理由: "需要协调多个部门" }],
    ["contact", () => housing, { 沟通方式: "电话", 沟通内容: "与代表电话沟通" }],
    ["objection", () => housing, { 理由: "不属于本单位职责" }],
  ] as const;
  for (const [id, why] of cases)
    for (const [form, link, fields] of posts)
      it(`${id} ${form}: is refused (409) with why (${why}), not as not yet assigned, and nothing is stored`, async () => {
        const { html } = await open(`${link()}/s/${id}`);
        expect(html).not.toContain(`action="${link()}/s/${id}/${form}"`);
        const response = await postForm(`${link()}/s/${id}/${form}`, {
          nonce: crypto.randomUUID(),
          ...fields,
        });
        expect(response.status).toBe(409);
        const text = await response.text();
        expect(text).toContain(why);
        expect(text).not.toContain("尚未");
        const stored = await env.DB.prepare(
          "SELECT COUNT(*) AS n FROM inbox WHERE form = ?1 AND suggestion_id = ?2",
        )
          .bind(form, id)
          .first<{ n: number }>();
        expect(stored?.n).toBe(0);
      });
});
