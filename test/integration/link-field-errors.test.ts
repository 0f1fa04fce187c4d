import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  header,
  makeLink,
  nonceOf,
  postForm,
  postMultipart,
  REPLIED_AWAITING_RATING,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * What a unit clerk or a deputy on a phone — and a screen reader — gets from a link's form: each
 * field says whether it must be filled, its hint is tied to it, and a refused form says what to fix
 * under the field (aria-invalid, aria-describedby naming the red text), with a summary at the form's
 * top that links to the field and takes the focus. 2026-001 (区教育局 lead) awaits its reply;
 * 2026-004 (区教育局, 张明) awaits 张明's rating.
 */
const office = `fields-${crypto.randomUUID().slice(0, 8)}`;

let edu = "";
let deputy = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [REPLIED_AWAITING_RATING],
    tabs: {
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
  edu = (await makeLink("unit", "区教育局")).path;
  deputy = (await makeLink("deputy", "张明")).path;
});

/** The opening tag of the element with this id. */
function tagOf(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+ [^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no element #${id}`);
  return match[0];
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/** The text of the element with this id (its tags dropped). */
function textOf(html: string, id: string): string {
  const tag = tagOf(html, id);
  const start = html.indexOf(tag) + tag.length;
  const name = /^<([a-z]+)/.exec(tag)?.[1] ?? "";
  return html.slice(start, html.indexOf(`</${name}>`, start)).replace(/<[^>]+>/g, "");
}

/**
 * A refused field as a screen reader gets it: aria-invalid, described first by the red text, which
 * is right under the field (nothing but the field's closing tag between them) and says `message`;
 * the summary at the form's top links to the field and is where the page's focus lands.
 */
function refusedAt(html: string, form: string, fieldId: string, message: string): void {
  const field = tagOf(html, fieldId);
  expect(attr(field, "aria-invalid"), field).toBe("true");
  const described = attr(field, "aria-describedby")?.split(" ") ?? [];
  expect(described[0], field).toBe(`${fieldId}-error`);
  expect(textOf(html, `${fieldId}-error`)).toContain(message);
  const summary = tagOf(html, `${form}-errors`);
  expect(attr(summary, "tabindex")).toBe("-1");
  expect(summary).toContain("autofocus");
  const body = html.slice(html.indexOf(summary), html.indexOf("</div>", html.indexOf(summary)));
  expect(body).toMatch(new RegExp(`<a href="#${fieldId}">[^<]*${message}`));
}

describe("a refused form on a link's page", () => {
  it("a C reply without 答复内容 says so under the textarea, which the summary links to", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/reply`;
    const form = new FormData();
    form.append("nonce", nonceOf(await (await browse(page)).text(), action));
    form.append("答复类别", "C");
    form.append("答复内容", "");
    form.append("落实情况", "");
    form.append("答复日期", TODAY);
    const back = await postMultipart(action, form);
    expect(back.status).toBe(400);
    const html = await back.text();
    refusedAt(html, "reply", "reply-text", "请在答复内容中说明原因");
    // The hint is still read, after what to fix; the red text sits right under the textarea.
    expect(attr(tagOf(html, "reply-text"), "aria-describedby")).toBe("reply-text-error reply-text-hint");
    expect(html).toMatch(/<\/textarea><p class="lk-field-error" id="reply-text-error">/);
    // The fields that were fine are not marked.
    expect(attr(tagOf(html, "reply-date"), "aria-invalid")).toBeNull();
    expect(attr(tagOf(html, "reply-class"), "aria-invalid")).toBeNull();
  });

  it("a reply dated after today is said at 答复日期", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/reply`;
    const form = new FormData();
    form.append("nonce", nonceOf(await (await browse(page)).text(), action));
    form.append("答复类别", "A");
    form.append("答复内容", "已解决");
    form.append("答复日期", "2999-01-01");
    const back = await postMultipart(action, form);
    expect(back.status).toBe(400);
    refusedAt(await back.text(), "reply", "reply-date", "答复日期不能晚于今天");
  });

  it("the deputy's 不满意 without a reason is said under 测评意见", async () => {
    const page = `${deputy}/s/2026-004`;
    const action = `${page}/rating`;
    const html0 = await (await browse(page)).text();
    const version = /name="答复版本" value="([^"]*)"/.exec(html0)?.[1] ?? "";
    const back = await postForm(action, {
      nonce: nonceOf(html0, action),
      答复版本: version,
      满意度: "不满意",
      测评意见: "",
    });
    expect(back.status).toBe(400);
    const html = await back.text();
    refusedAt(html, "rating", "rating-comment", "选择“不满意”时，请写明意见");
    expect(attr(tagOf(html, "rating-choice"), "aria-invalid")).toBeNull();
  });

  it("a rating sent without 满意度 is refused by the page in Chinese, not the browser's bubble, and keeps the 测评意见", async () => {
    const page = `${deputy}/s/2026-004`;
    const action = `${page}/rating`;
    const html0 = await (await browse(page)).text();
    // The browser lets it through (its own bubble is English in some browsers, gone in a moment,
    // not reliably read by TalkBack): the page's summary says what to fix.
    const form = new RegExp(`<form [^>]*action="${action}"[^>]*>`).exec(html0)?.[0] ?? "";
    expect(form).toContain("novalidate");
    const version = /name="答复版本" value="([^"]*)"/.exec(html0)?.[1] ?? "";
    const back = await postForm(action, {
      nonce: nonceOf(html0, action),
      答复版本: version,
      测评意见: "学校门口的路还没修好，希望尽快落实。",
    });
    expect(back.status).toBe(400);
    const html = await back.text();
    refusedAt(html, "rating", "rating-choice", "请选择满意度");
    expect(textOf(html, "rating-errors")).toContain("请选择满意度");
    expect(tagOf(html, "rating-errors")).toContain('role="alert"');
    expect(html).toContain("学校门口的路还没修好，希望尽快落实。</textarea>");
  });

  it("a 沟通记录 without 内容 is said under 内容, and its 选填 fields are left alone", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/contact`;
    const back = await postForm(action, {
      nonce: nonceOf(await (await browse(page)).text(), action),
      日期: TODAY,
      阶段: "办中",
      方式: "电话",
      代表参加: "否",
      参加人员: "",
      内容: "",
    });
    expect(back.status).toBe(400);
    const html = await back.text();
    refusedAt(html, "contact", "contact-content", "请填写沟通的内容");
    expect(attr(tagOf(html, "contact-people"), "aria-invalid")).toBeNull();
  });
});

describe("a link's form before anything is sent", () => {
  it("marks each field 必填 or 选填, the same way on every form", async () => {
    const html = await (await browse(`${edu}/s/2026-001`)).text();
    const label = (id: string) => textOf(html, id).trim();
    const labelFor = (id: string) => {
      const match = new RegExp(`<label class="field" for="${id}">(.*?)</label>`).exec(html);
      return (match?.[1] ?? "").replace(/<[^>]+>/g, "");
    };
    expect(labelFor("reply-date")).toBe("答复日期（必填）");
    expect(labelFor("reply-text")).toBe("答复内容（C 类必填）");
    expect(labelFor("reply-letter")).toBe("答复函（选填）");
    expect(labelFor("contact-date")).toBe("日期（必填）");
    expect(labelFor("contact-method")).toBe("方式（必填）");
    expect(labelFor("contact-content")).toBe("内容（必填）");
    expect(labelFor("contact-people")).toBe("参加人员（选填）");
    expect(labelFor("contact-opinion")).toBe("代表意见（选填）");
    expect(labelFor("ext-reason")).toBe("理由（必填）");
    expect(label("contact-stage")).toContain("阶段（必填）");
    expect(label("reply-class")).toContain("答复类别（必填）");
    const rating = await (await browse(`${deputy}/s/2026-004`)).text();
    expect(rating).toMatch(
      /<legend class="field">满意度<span class="lk-need req">（必填）<\/span><\/legend>/,
    );
    // 不满意 without a reason is refused: the label says so, not （选填）.
    expect(rating).toMatch(
      /<label class="field" for="rating-comment">测评意见<span class="lk-need">（选“不满意”时必填）<\/span>/,
    );
  });

  it("ties the 答复函 hint to the file input, and marks nothing as refused", async () => {
    const html = await (await browse(`${edu}/s/2026-001`)).text();
    const input = tagOf(html, "reply-letter");
    expect(attr(input, "type")).toBe("file");
    expect(attr(input, "aria-describedby")).toBe("reply-letter-hint");
    expect(textOf(html, "reply-letter-hint")).toContain("不超过 10 MB；多页请扫描成一个 PDF");
    expect(html).not.toContain('aria-invalid="true"');
    expect(html).not.toContain("autofocus");
  });
});

describe("the deputy's new suggestion form", () => {
  it("keeps what the deputy typed across a reload (a chat app's browser), under a key of its own", async () => {
    const action = `${deputy}/suggest`;
    const html = await (await browse(action)).text();
    const open = new RegExp(`<form [^>]*action="${action}"[^>]*>`).exec(html)?.[0] ?? "";
    // The draft keeper keys a draft by the form's address: this form's is its own.
    expect(open).toContain("data-draft");
    expect(html.match(new RegExp(`action="${action}"`, "g"))).toHaveLength(1);
    const body = html.slice(html.indexOf(open), html.indexOf("</form>", html.indexOf(open)));
    expect(body).toContain("已恢复上次未提交的内容，请核对后提交");
    expect(body).toContain('<script src="/assets/form-draft.js" defer="">');
  });

  it("marks 标题 and 建议内容 必填, and says a blank 标题 under it", async () => {
    const action = `${deputy}/suggest`;
    const html = await (await browse(action)).text();
    expect(html).toContain(
      '<label class="field" for="s-title">标题<span class="lk-need req">（必填）</span>',
    );
    expect(html).toContain('<label class="field" for="s-category">类别<span class="lk-need">（选填）</span>');
    expect(attr(tagOf(html, "s-co"), "aria-describedby")).toBe("s-co-hint");
    const back = await postForm(action, { nonce: nonceOf(html, action), 标题: "", 内容: "老年人就餐难。" });
    expect(back.status).toBe(400);
    refusedAt(await back.text(), "suggestion", "s-title", "请填写建议标题");
  });
});
