import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  ASSIGNED,
  browse,
  buildLinkOffice,
  header,
  makeLink,
  nonceOf,
  postForm,
  postMultipart,
  REPLIED_AWAITING_RATING,
  row,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * On a phone a suggestion's page is several screens long and its forms are at the bottom: a form
 * that came back refused must open where its red text is, and say so on the first screen, or the
 * unit (or deputy) sees the page as it was and takes it that the form went through. 2026-001 (区教育局
 * lead, 区住建局 co) awaits its reply and has a 沟通记录 in the tab; 2026-004 (区教育局, 张明) was
 * replied to and awaits 张明's rating.
 */
const office = `refused-${crypto.randomUUID().slice(0, 8)}`;
const NOTICE = "提交未成功：请看下方红字说明，已填写的内容都已保留";

let edu = "";
let housing = "";
let deputy = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [REPLIED_AWAITING_RATING],
    tabs: {
      [TAB_NAMES.contacts]: [
        header(contactsTab),
        row(contactsTab, {
          编号: "2026-001",
          日期: serialFromIso(addDaysIso(ASSIGNED, 1)),
          阶段: "办前",
          方式: "电话",
          承办单位: "区教育局",
          代表参加: "是",
          内容: "电话联系张明代表，了解拥堵时段。",
        }),
      ],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
  edu = (await makeLink("unit", "区教育局")).path;
  housing = (await makeLink("unit", "区住建局")).path;
  deputy = (await makeLink("deputy", "张明")).path;
});

/**
 * The page of a refused `form` posted to `action`: the first screen says so (before the title) with a
 * link to the red text, and the form's button posts to its address with the red text's id as the
 * #fragment, the address the browser shows the answer at and scrolls to. Returns the red text.
 */
function openedAtError(html: string, action: string, form: string): string {
  const note = html.indexOf(NOTICE);
  expect(note, "no notice at the top").toBeGreaterThan(0);
  expect(note).toBeLessThan(html.indexOf("<h1>"));
  expect(html.slice(note, html.indexOf("</div>", note))).toContain(`href="#${form}-errors"`);
  expect(html).toContain(`formaction="${action}#${form}-errors"`);
  const red = html.indexOf(`id="${form}-errors"`);
  expect(red, "no red text with the fragment's id").toBeGreaterThan(0);
  return html.slice(red, html.indexOf("</div>", red));
}

describe("a refused form on a link's page", () => {
  it("延期申请 with a blank 理由 opens at its red text, with a notice on the first screen", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/extension`;
    const html = await (await browse(page)).text();
    const back = await postForm(action, { nonce: nonceOf(html, action), 理由: "" });
    expect(back.status).toBe(400);
    expect(openedAtError(await back.text(), action, "extension")).toContain("<p>");
  });

  it("沟通记录 with a blank 内容 does too, and keeps what was typed", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/contact`;
    const html = await (await browse(page)).text();
    const back = await postForm(action, {
      nonce: nonceOf(html, action),
      日期: TODAY,
      阶段: "办中",
      方式: "电话",
      代表参加: "否",
      参加人员: "王科长",
      内容: "",
    });
    expect(back.status).toBe(400);
    const body = await back.text();
    expect(openedAtError(body, action, "contact")).toContain("<p>");
    expect(body).toContain('value="王科长"');
  });

  it("协办意见 of full-width spaces only does too", async () => {
    const page = `${housing}/s/2026-001`;
    const action = `${page}/co-opinion`;
    const html = await (await browse(page)).text();
    const back = await postForm(action, { nonce: nonceOf(html, action), 内容摘要: "\u3000\u3000" });
    expect(back.status).toBe(400);
    expect(openedAtError(await back.text(), action, "co-opinion")).toContain("<p>");
  });

  it("the deputy's 不满意 without a reason does too, and keeps the choice", async () => {
    const page = `${deputy}/s/2026-004`;
    const action = `${page}/rating`;
    const html = await (await browse(page)).text();
    const back = await postForm(action, { nonce: nonceOf(html, action), 满意度: "不满意", 测评意见: "" });
    expect(back.status).toBe(400);
    const body = await back.text();
    expect(openedAtError(body, action, "rating")).toContain("选择“不满意”时，请写明意见");
    expect(body).toMatch(/value="不满意" required="" checked=""/);
  });

  it("a C reply without 答复内容 does too, and keeps what was typed", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/reply`;
    const html = await (await browse(page)).text();
    const form = new FormData();
    form.append("nonce", nonceOf(html, action));
    form.append("答复类别", "C");
    form.append("答复内容", "");
    form.append("落实情况", "");
    form.append("答复日期", TODAY);
    const back = await postMultipart(action, form);
    expect(back.status).toBe(400);
    const body = await back.text();
    expect(openedAtError(body, action, "reply")).toContain("请在答复内容中说明原因");
    expect(body).toMatch(/value="C" required="" checked=""/);
  });

  it("a form that went through opens at the top: its fragment, kept over the redirect, names nothing there", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/extension`;
    const html = await (await browse(page)).text();
    const sent = await postForm(action, { nonce: nonceOf(html, action), 理由: "需协调市级部门统筹资金" });
    expect(sent.status).toBe(303);
    const done = await (await browse(sent.headers.get("location") ?? "")).text();
    expect(done).toContain("延期申请已提交");
    expect(done).not.toContain('id="extension-errors"');
    expect(done).not.toContain(NOTICE);
  });
});

describe("the unit's reply form and 办理记录", () => {
  it("dates a reply no earlier than the round's 交办日期, as the post checks", async () => {
    const html = await (await browse(`${edu}/s/2026-001`)).text();
    const input = /<input id="reply-date"[^>]*>/.exec(html)?.[0] ?? "";
    expect(input).toContain(`min="${ASSIGNED}"`);
    expect(input).toContain(`max="${TODAY}"`);
  });

  it("points to 已提交 by a link, wherever on the page it is", async () => {
    const html = await (await browse(`${edu}/s/2026-001`)).text();
    const records = html.indexOf("<h2>办理记录</h2>");
    expect(records).toBeGreaterThan(0);
    const hint = html.slice(records, html.indexOf("</section>", records));
    expect(hint).toContain('刚提交的内容在同步前列在本页的<a href="#sent">“已提交”</a>中');
    expect(hint).not.toContain("下方");
    // The extension sent above is listed under 已提交, which the link names.
    expect(html).toContain('<h2 id="sent">已提交</h2>');
  });
});
