import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso } from "../../src/domain/civil-date";
import { shortLinkId } from "../../src/domain/links/capability";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  PDF,
  postMultipart,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * What a unit meets around its link's addresses: a 编号 copied with a space or typed full-width, the
 * way back from a page it may not open, a 答复函 over the limit posted without the page's script;
 * and what staff read of the same link and of a stored 答复函 on the dashboard.
 */
const office = `link-addr-${crypto.randomUUID().slice(0, 8)}`;
const ADMIN = { authorization: "Bearer test-admin-token" };
const LETTER = "https://jianyi.test/files/letters/2026-002/link-0123456789abcdefABCDEF.pdf";

let unit = { id: "", path: "" };

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-002": { 答复日期: TODAY, 答复类别: "A", 答复内容: "已办", 答复函: LETTER },
      "2026-003": {
        答复日期: TODAY,
        答复类别: "A",
        答复内容: "已办",
        答复函: "https://pan.example.cn/s/abc",
      },
    },
  });
  await syncOffice(office);
  unit = await makeLink("unit", "区教育局");
});

describe("a 编号 in a link's address", () => {
  it("opens the unit's own suggestion with a trailing space, a leading space or full-width digits", async () => {
    for (const id of ["2026-001%20", "%202026-001", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96%EF%BC%8D001"]) {
      const page = await browse(`${unit.path}/s/${id}`);
      expect(page.status, id).toBe(200);
      expect(await page.text()).toContain("建议2026-001：关于改善通学道路的建议");
    }
  });

  it("takes a reply posted to the address with a space, for the 编号 the ledger holds", async () => {
    const page = await (await browse(`${unit.path}/s/2026-001%20`)).text();
    const form = new FormData();
    form.append("nonce", nonceOf(page, `${unit.path}/s/2026-001/reply`));
    form.append("答复类别", "A");
    form.append("答复内容", "已拓宽道路。");
    form.append("答复日期", TODAY);
    const sent = await postMultipart(`${unit.path}/s/2026-001%20/reply`, form);
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`${unit.path}/s/2026-001?done=reply#top`);
  });
});

describe("a link's token", () => {
  it("works in one spelling only: another last character is refused in Chinese", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(unit.path.slice(-1));
    // Flipping a spare bit of the signature's last character: the same bytes once decoded.
    const respelled = `${unit.path.slice(0, -1)}${alphabet[last ^ 1]}`;
    const refused = await browse(respelled);
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain("<h1>链接无效</h1>");
    expect(html).toContain("链接无效：请使用通知中的链接。");
    expect((await browse(unit.path)).status).toBe(200);
  });
});

describe("the way back from a link's error page", () => {
  it("leads to the link's own list from another unit's suggestion, not back to the refused page", async () => {
    const refused = await browse(`${unit.path}/s/2026-003`);
    const html = await refused.text();
    expect(refused.status).toBe(403);
    expect(html).toContain("编号 2026-003 的建议不在区教育局的办理范围内");
    expect(html).toContain(`<a href="${unit.path}">返回本单位的建议</a>`);
    expect(html).not.toContain(`href="${unit.path}/s/2026-003"`);
  });

  it("names the way back as a deputy's and a leader's own page is named, from an address that does not exist", async () => {
    const deputy = await makeLink("deputy", "张明");
    const missing = await browse(`${deputy.path}/no-such-page`);
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain("<h1>找不到该页面或数据</h1>");
    expect(html).toContain(`<a href="${deputy.path}">返回我的建议</a>`);
    expect(html).not.toContain("本单位");
    const leader = await makeLink("leader", "王书记");
    const leaderHtml = await (await browse(`${leader.path}/no-such-page`)).text();
    expect(leaderHtml).toContain(`<a href="${leader.path}">返回建议列表</a>`);
  });

  it("leads back to the suggestion from an action refused on it", async () => {
    const co = await makeLink("unit", "区住建局");
    const form = new FormData();
    form.append("nonce", crypto.randomUUID());
    const refused = await postMultipart(`${co.path}/s/2026-001/reply`, form);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(`<a href="${co.path}/s/2026-001">返回该建议</a>`);
  });
});

describe("a reply form posted without its script, with a 答复函 over 10 MB", () => {
  it("comes back with what was typed and the limit, as a wrong file type does", async () => {
    const path = `${unit.path}/s/2026-001`;
    const nonce = nonceOf(await (await browse(path)).text(), `${path}/reply`);
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(PDF);
    const replied = addDaysIso(TODAY, -2);
    const form = new FormData();
    form.append("nonce", nonce);
    form.append("答复类别", "B");
    form.append("答复内容", "已列入明年计划，正在设计接送区。");
    form.append("落实情况", "");
    form.append("答复日期", replied);
    form.append("答复函已上传", "");
    form.append("答复函", new File([big], "扫描件.pdf", { type: "application/pdf" }));
    const response = await postMultipart(`${path}/reply`, form);
    const html = await response.text();
    expect(response.status).toBe(413);
    expect(html).toMatch(/答复函文件约 11\.0 MB，超过 10 MB 的上限：请压缩后/);
    expect(html).toContain("已列入明年计划，正在设计接送区。");
    expect(html).toMatch(/value="B"[^>]*checked/);
    expect(html).toContain(`value="${replied}"`);
    // The same one-time id: posting again after compressing is still this one reply.
    expect(html).toContain(`name="nonce" value="${nonce}"`);
  });
});

describe("a link's 有效期至", () => {
  it("is the same day on the staff's 个人链接 page as on the unit's page", async () => {
    const page = await (await browse(unit.path)).text();
    const lastDay = /链接有效期至\s*(\d{4}-\d{2}-\d{2})/.exec(page)?.[1] ?? "";
    expect(lastDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const list = await (await browse("/links", { headers: ADMIN })).text();
    const at = list.indexOf(`<code>${shortLinkId(unit.id)}</code>`);
    expect(at).toBeGreaterThan(0);
    const row = list.slice(at, list.indexOf("</tr>", at));
    expect(row).toMatch(new RegExp(`>\\s*${lastDay}\\s*</td>`));
    expect(row).not.toMatch(new RegExp(`${addDaysIso(lastDay, 1)} \\d\\d:\\d\\d</td>`));
  });
});

describe("the dashboard's suggestion page", () => {
  it("links a stored 答复函 to the staff's own file route, and a typed address as it is", async () => {
    const own = await (await browse("/suggestions/2026-002", { headers: ADMIN })).text();
    expect(own).toContain(`href="/files/letters/2026-002/link-0123456789abcdefABCDEF.pdf"`);
    expect(own).toContain(`>${LETTER}</a>`);
    const typed = await (await browse("/suggestions/2026-003", { headers: ADMIN })).text();
    expect(typed).toContain('href="https://pan.example.cn/s/abc"');
  });
});
