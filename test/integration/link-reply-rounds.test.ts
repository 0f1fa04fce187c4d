import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, PUBLIC_URL, syncOffice, TODAY } from "./links-setup";

/**
 * 2026-001 (区教育局 lead, 张明 lead deputy, 李华 co-signing) was answered C, rated 不满意, assigned
 * a second time and answered again (B, a second 答复函): the round-2 reply is in 二次答复日期,
 * 二次答复类别 and the 备注 line intake writes. 2026-002 (张明) was merged into 2026-001; 2026-003
 * (李华) into 2026-004, a suggestion of 张明 that 李华's link may not see.
 */
const office = `rounds-${crypto.randomUUID().slice(0, 8)}`;
const day = (offset: number) => serialFromIso(addDaysIso(TODAY, offset));
const FIRST_LETTER = `${PUBLIC_URL}/files/letters/2026-001/link-first.pdf`;
const SECOND_LETTER = `${PUBLIC_URL}/files/letters/2026-001/link-second.pdf`;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": {
        答复日期: day(-9),
        答复类别: "C",
        答复内容: "受财力所限，今年暂无法拓宽",
        答复函: FIRST_LETTER,
        满意度: "不满意",
        测评日期: day(-8),
        二次交办日期: day(-6),
        二次答复日期: day(-2),
        二次答复类别: "B",
        备注: [
          "代表约见时提出",
          "测评意见（张明）：希望再想办法",
          `二次答复（link-second）类别 B：已列入明年预算，明年六月前完成拓宽；答复函 ${SECOND_LETTER}`,
          "工作人员：已电话回访",
        ].join("\n"),
      },
      "2026-002": { 审查结果: "并案", 并入编号: "2026-001" },
      "2026-003": { 审查结果: "并案", 并入编号: "2026-004" },
    },
    more: [["2026-004", "区住建局", {}]],
  });
  await syncOffice(office);
});

/** The card under a heading (`<h2>二次答复</h2>` … its `</section>`), "" when the page has none. */
function card(page: string, heading: string): string {
  const at = page.indexOf(`<h2>${heading}</h2>`);
  return at < 0 ? "" : page.slice(at, page.indexOf("</section>", at));
}

async function pageOf(kind: "deputy" | "unit", name: string, id: string) {
  const link = await makeLink(kind, name);
  const response = await browse(`${link.path}/s/${id}`);
  expect(response.status).toBe(200);
  return { base: link.path, page: await response.text() };
}

describe("a suggestion's page after the second round's reply", () => {
  it.each([
    ["the lead deputy", "deputy", "张明"],
    ["the co-signer", "deputy", "李华"],
    ["the lead unit", "unit", "区教育局"],
  ] as const)(
    "shows %s the 二次答复 first, with its class, text and letter, and the 首次答复 below",
    async (_, kind, name) => {
      const { page } = await pageOf(kind, name, "2026-001");

      const second = card(page, "二次答复");
      const first = card(page, "首次答复");
      expect(page.indexOf("<h2>二次答复</h2>")).toBeGreaterThan(0);
      expect(page.indexOf("<h2>二次答复</h2>")).toBeLessThan(page.indexOf("<h2>首次答复</h2>"));
      expect(second).toMatch(/<dt>答复类别<\/dt>\s*<dd>B 类（正在解决或列入计划）<\/dd>/);
      expect(second).toMatch(/<dt>答复内容<\/dt>\s*<dd>已列入明年预算，明年六月前完成拓宽<\/dd>/);
      expect(second).toContain(`<dt>答复日期</dt><dd>${addDaysIso(TODAY, -2)}</dd>`);
      expect(second).toContain("/files/letters/2026-001/link-second.pdf");
      expect(second).not.toContain("受财力所限");
      expect(first).toMatch(/<dt>答复内容<\/dt>\s*<dd>受财力所限，今年暂无法拓宽<\/dd>/);
      expect(first).toContain("/files/letters/2026-001/link-first.pdf");
      expect(first).toMatch(/<dt>满意度<\/dt>\s*<dd>不满意<\/dd>/);
      // 备注's other lines are staff's, not the reply's.
      expect(page).not.toContain("代表约见时提出");
      expect(page).not.toContain("已电话回访");
    },
  );

  it("asks the lead deputy to rate under the reply it rates", async () => {
    const { base, page } = await pageOf("deputy", "张明", "2026-001");

    const form = page.indexOf(`action="${base}/s/2026-001/rating"`);
    const reply = page.indexOf("<h2>二次答复</h2>");
    expect(form).toBeGreaterThan(0);
    expect(reply).toBeGreaterThan(0);
    expect(reply).toBeLessThan(form);
  });

  it("tells a reply's class by its plain meaning, without the unit's instruction", async () => {
    const { page } = await pageOf("deputy", "张明", "2026-001");

    expect(card(page, "首次答复")).toMatch(/<dt>答复类别<\/dt>\s*<dd>C 类（因条件限制暂时无法解决）<\/dd>/);
    expect(page).not.toContain("须说明原因");
  });

  it("shows staff the same two rounds on the dashboard, round 2 first", async () => {
    const response = await browse("/suggestions/2026-001", {
      headers: { authorization: "Bearer test-admin-token" },
    });
    const page = await response.text();

    expect(response.status).toBe(200);
    const replies = page.slice(page.indexOf("<h2>答复</h2>"));
    expect(replies.indexOf("<h3>二次答复</h3>")).toBeGreaterThan(0);
    expect(replies.indexOf("<h3>二次答复</h3>")).toBeLessThan(replies.indexOf("<h3>首次答复</h3>"));
    expect(replies.slice(0, replies.indexOf("<h3>首次答复</h3>"))).toContain(
      "已列入明年预算，明年六月前完成拓宽",
    );
  });
});

describe("a merged suggestion's page", () => {
  it("names the suggestion it went into, with a link when the deputy may see that one", async () => {
    const { base, page } = await pageOf("deputy", "张明", "2026-002");

    expect(page).toContain(
      `本建议已并入 <a href="${base}/s/2026-001">2026-001 建议2026-001：关于改善通学道路的建议</a>`,
    );
  });

  it("names only the 编号 when the link may not see the suggestion it went into", async () => {
    const { base, page } = await pageOf("deputy", "李华", "2026-003");

    expect(page).toContain("本建议已并入 2026-004 一并办理");
    expect(page).not.toContain(`${base}/s/2026-004`);
  });
});
