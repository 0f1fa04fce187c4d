import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { createPersonalLinks } from "../../src/store/personal-links";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  header,
  makeLink,
  NOW_MS,
  nonceOf,
  objectThroughLink,
  postForm,
  syncOffice,
  TODAY,
} from "./links-setup";
import { editLedger } from "./objection-setup";

/**
 * How a unit or deputy on a link page reaches the office, and what a refused form keeps. 设置 gives
 * 代表工委联系电话 0371-12345678: every link page's footer and error page says it. 区住建局 types a
 * 协办意见 for 2026-001 while staff revoke its link; 张明's link expires while he writes a 测评意见;
 * 区教育局 objects to 2026-006 (assigned 30 days ago) after its 异议期限: each refusal shows what was typed. 区卫健委
 * objected to 2026-005 and staff pressed 维持交办 at 01:08 Beijing time (17:08 UTC the day before).
 */
const office = `contact-${crypto.randomUUID().slice(0, 8)}`;
const PHONE = "0371-12345678";
const YESTERDAY = addDaysIso(TODAY, -1);
const OPINION = "同意拓宽方案，<b>建议</b>分两期实施\n第二期 </textarea> 明年完成";
const OPINION_SHOWN = "同意拓宽方案，&lt;b&gt;建议&lt;/b&gt;分两期实施\n第二期 &lt;/textarea&gt; 明年完成";

function settingsRows(phone: string | null): unknown[][] {
  return [
    ["项目", "值", "说明"],
    ["仅工作日发送", "否", ""],
    ...(phone ? [["代表工委联系电话", phone, ""]] : []),
  ];
}

async function buildOffice(phone: string | null) {
  await buildLinkOffice(office, {
    more: [
      ["2026-005", "区卫健委", { 交办日期: serialFromIso(YESTERDAY) }],
      ["2026-006", "区教育局", { 交办日期: serialFromIso(addDaysIso(TODAY, -30)) }],
    ],
    tabs: {
      [TAB_NAMES.settings]: settingsRows(phone),
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
}

/** The 区住建局 page of 2026-001 opened, its link revoked, and the 协办意见 typed there sent. */
async function coOpinionAfterRevoke(): Promise<{ status: number; html: string }> {
  const link = await makeLink("unit", "区住建局");
  const page = await (await browse(`${link.path}/s/2026-001`)).text();
  const action = `${link.path}/s/2026-001/co-opinion`;
  const nonce = nonceOf(page, action);
  await createPersonalLinks(env.DB).revoke(link.id, new Date().toISOString(), "staff");
  const refused = await postForm(action, { nonce, 内容摘要: OPINION });
  return { status: refused.status, html: await refused.text() };
}

describe("with 设置 代表工委联系电话", () => {
  beforeAll(async () => {
    await resetDatabase();
    await buildOffice(PHONE);
  });

  it("says the office's number in the footer of a unit's and a deputy's pages", async () => {
    const footer = `如有疑问，请联系人大常委会代表工作委员会（电话 ${PHONE}）。`;
    const unit = await makeLink("unit", "区住建局");
    expect(await (await browse(unit.path)).text()).toContain(footer);
    expect(await (await browse(`${unit.path}/s/2026-001`)).text()).toContain(footer);
    const deputy = await makeLink("deputy", "张明");
    expect(await (await browse(deputy.path)).text()).toContain(footer);
  });

  it("keeps the 协办意见 typed before the link was revoked, read-only and escaped, and says whom to call", async () => {
    const { status, html } = await coOpinionAfterRevoke();
    expect(status).toBe(403);
    expect(html).toContain("<h1>链接已撤销</h1>");
    expect(html).not.toContain("无权进行此操作");
    expect(html).toContain(
      `<p>该链接已被代表工委撤销：请使用最近一次通知中的新链接。如有疑问，请联系代表工委（电话 ${PHONE}）。</p>`,
    );
    expect(html).toContain(`您填写的内容未提交成功，请复制保存后联系代表工委（电话 ${PHONE}）。`);
    expect(html).toMatch(/内容摘要<textarea readonly="" rows="\d+">/);
    expect(html).toContain(`${OPINION_SHOWN}</textarea>`);
    expect(html).not.toContain("<b>建议</b>");
    // The advice once: the message says it, so the footer does not say it again.
    expect(html.match(/如有疑问/g)).toHaveLength(1);
    expect(html).not.toContain("请联系人大常委会代表工作委员会");
    // For the call to the office: the request id, labelled so; no English code or HTTP status shown.
    expect(html).toMatch(
      /<p class="code" data-code="link_revoked">请求编号（联系代表工委时可提供）：[\w-]+<\/p>/,
    );
    expect(html).not.toContain("错误代码");
    expect(html).not.toContain("HTTP 403");
  });

  it("says the number on the 链接已撤销 and 链接无效 pages a deputy opens (not only after a post)", async () => {
    const link = await makeLink("deputy", "张明");
    await createPersonalLinks(env.DB).revoke(link.id, new Date().toISOString(), "staff");
    const revoked = await browse(link.path);
    expect(revoked.status).toBe(403);
    const html = await revoked.text();
    expect(html).toContain("<h1>链接已撤销</h1>");
    expect(html).toContain(`如有疑问，请联系代表工委（电话 ${PHONE}）。`);
    expect(html.match(/如有疑问/g)).toHaveLength(1);
    // A link whose signature does not check (a character lost when copied).
    const good = (await makeLink("deputy", "张明")).path;
    const last = good.slice(-1);
    const bad = await browse(`${good.slice(0, -1)}${last === "A" ? "B" : "A"}`);
    const invalid = await bad.text();
    expect(invalid).toMatch(/<h1>链接(无效|不完整)<\/h1>/);
    expect(invalid).toContain(`如有疑问，请联系代表工委（电话 ${PHONE}）。`);
  });

  it("keeps the 测评意见 a deputy wrote while his link expired", async () => {
    const old = await makeLink("deputy", "张明", { nowMs: NOW_MS - 400 * 86_400_000 });
    const refused = await postForm(`${old.path}/s/2026-001/rating`, {
      nonce: crypto.randomUUID(),
      满意度: "满意",
      测评意见: "道路已拓宽，感谢",
    });
    const html = await refused.text();
    expect(refused.status).toBe(403);
    expect(html).toContain("<h1>链接已过期</h1>");
    expect(html).toContain(
      `<p>链接已过期：请使用最近一次通知中的链接，或请代表工委重新发送。如有疑问，请联系代表工委（电话 ${PHONE}）。</p>`,
    );
    expect(html.match(/如有疑问/g)).toHaveLength(1);
    expect(html).toContain("测评意见<textarea");
    expect(html).toContain("道路已拓宽，感谢</textarea>");
    expect(html).not.toContain("满意</textarea>");
  });

  it("keeps an objection's 理由 the route read before refusing it (异议期限 passed)", async () => {
    const edu = await makeLink("unit", "区教育局");
    const refused = await postForm(`${edu.path}/s/2026-006/objection`, {
      nonce: crypto.randomUUID(),
      理由: "不属于本单位职责，应由区住建局主办",
    });
    const html = await refused.text();
    expect(refused.status).toBe(409);
    expect(html).toContain(`确有特殊情况，请联系代表工委（电话 ${PHONE}）`);
    expect(html).toContain("不属于本单位职责，应由区住建局主办</textarea>");
  });

  it("dates staff's 维持交办 by the office's day, not UTC's", async () => {
    const health = (await makeLink("unit", "区卫健委")).path;
    const id = await objectThroughLink(office, health, "区卫健委", "2026-005", "属住建部门职责");
    const decidedAt = new Date(Date.parse(`${TODAY}T01:08:00+08:00`)).toISOString();
    expect(decidedAt.slice(0, 10)).toBe(YESTERDAY);
    await env.DB.prepare(
      "UPDATE objections SET decision = 'upheld', decided_at = ?2, decided_by = 'staff', note = ?3 WHERE submission_id = ?1",
    )
      .bind(id, decidedAt, "属卫健部门职责")
      .run();
    const html = await (await browse(`${health}/s/2026-005`)).text();
    const decided = `代表工委决定维持交办（${TODAY}）：属卫健部门职责`;
    expect(html).toContain(`提交的交办异议：已送代表工委，${decided}`);
    expect(html).toContain(`处理：${decided}`);
    expect(html).not.toContain(`维持交办（${YESTERDAY}）`);
  });

  it("says the number in a unit's note that tells it to contact the office (its objection closed by a reply since cleared)", async () => {
    const health = (await makeLink("unit", "区卫健委")).path;
    // Round 1's reply closed 区卫健委's objection to 2026-005; staff have cleared that 答复日期 since.
    await env.DB.prepare(
      "UPDATE objections SET decision = 'replied' WHERE suggestion_id = '2026-005' AND unit = '区卫健委'",
    ).run();
    const html = await (await browse(`${health}/s/2026-005`)).text();
    expect(html).toContain(
      `本单位已于 ${TODAY} 提出异议，首轮答复录入台账后该异议已了结，不能再次提出；如有疑问请联系代表工委（电话 ${PHONE}）`,
    );
  });

  it("says the number where a page tells the reader to contact the office (a rated reply, 张明's page)", async () => {
    await editLedger(office, "2026-001", {
      答复日期: serialFromIso(YESTERDAY),
      答复类别: "A",
      满意度: "满意",
      测评日期: serialFromIso(TODAY),
    });
    await syncOffice(office);
    const deputy = await makeLink("deputy", "张明");
    expect(await (await browse(`${deputy.path}/s/2026-001`)).text()).toContain(
      `您已测评过该建议的本轮答复；如需修改，请联系代表工委（电话 ${PHONE}）`,
    );
  });
});

describe("without 设置 代表工委联系电话", () => {
  beforeAll(async () => {
    await resetDatabase();
    await buildOffice(null);
  });

  it("writes the footer as before, and still keeps the typed 协办意见 of a revoked link", async () => {
    const unit = await makeLink("unit", "区住建局");
    const home = await (await browse(unit.path)).text();
    expect(home).toContain("如有疑问，请联系人大常委会代表工作委员会。");
    expect(home).not.toContain("电话 ");
    const { status, html } = await coOpinionAfterRevoke();
    expect(status).toBe(403);
    expect(html).toContain("<h1>链接已撤销</h1>");
    expect(html).toContain("如有疑问，请联系代表工委。</p>");
    expect(html.match(/如有疑问/g)).toHaveLength(1);
    expect(html).toContain("您填写的内容未提交成功，请复制保存后联系代表工委。");
    expect(html).toContain(`${OPINION_SHOWN}</textarea>`);
    expect(html).not.toContain("电话 ");
  });
});
