import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  header,
  makeLink,
  nonceOf,
  postForm,
  postMultipart,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * A deputy or a unit clerk on a phone who sends a link form with a 必填 field left empty gets the
 * page's own Chinese summary and the red text under the field, not the browser's bubble (English in
 * some browsers, gone in a moment, not read by TalkBack): the forms carry `novalidate` (and keep
 * `required`, which a screen reader reads as 必填), and the server refuses each missing value in
 * Chinese, keeping what was typed. 2026-001 (区教育局 lead, 区住建局 co) awaits its reply; 2026-004
 * (区教育局) was assigned yesterday, within its 异议期限; 2026-005 (区教育局) is 跟踪落实, a B reply
 * rated 满意 91 days ago, awaiting a 落实情况 report.
 */
const office = `novalidate-${crypto.randomUUID().slice(0, 8)}`;

let edu = "";
let housing = "";
let deputy = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      ["2026-004", "区教育局", { 交办日期: serialFromIso(addDaysIso(TODAY, -1)) }],
      [
        "2026-005",
        "区教育局",
        {
          提出日期: serialFromIso(addDaysIso(TODAY, -160)),
          交办日期: serialFromIso(addDaysIso(TODAY, -150)),
          答复日期: serialFromIso(addDaysIso(TODAY, -91)),
          答复类别: "B",
          答复内容: "已纳入明年道路改造计划",
          落实情况: "推进中",
          满意度: "满意",
          测评日期: serialFromIso(addDaysIso(TODAY, -85)),
        },
      ],
    ],
    tabs: {
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
  edu = (await makeLink("unit", "区教育局")).path;
  housing = (await makeLink("unit", "区住建局")).path;
  deputy = (await makeLink("deputy", "张明")).path;
});

/** The opening tag of the form posting to `action`. */
function formTag(html: string, action: string): string {
  return new RegExp(`<form [^>]*action="${action}"[^>]*>`).exec(html)?.[0] ?? `(no form ${action})`;
}

/** The red text under the field with this id (its tags dropped), or "" when there is none. */
function errorUnder(html: string, fieldId: string): string {
  const open = `<p class="lk-field-error" id="${fieldId}-error">`;
  const at = html.indexOf(open);
  return at < 0 ? "" : html.slice(at + open.length, html.indexOf("</p>", at)).replace(/<[^>]+>/g, "");
}

/** The page refused the form in Chinese: 400, the message under the field and in the summary. */
function refusedAt(back: Response, html: string, form: string, fieldId: string, message: string): void {
  expect(back.status, html.slice(0, 300)).toBe(400);
  expect(errorUnder(html, fieldId)).toContain(message);
  const at = html.indexOf(`id="${form}-errors"`);
  expect(at, "the summary at the form's top").toBeGreaterThan(0);
  expect(html.slice(at, html.indexOf("</div>", at))).toContain(message);
}

describe("the 提出新建议 form", () => {
  it("carries novalidate and keeps required on 标题 and 内容", async () => {
    const action = `${deputy}/suggest`;
    const html = await (await browse(action)).text();
    expect(formTag(html, action)).toContain("novalidate");
    expect(html).toMatch(/<input id="s-title"[^>]* required/);
    expect(html).toMatch(/<textarea id="s-content"[^>]* required/);
  });

  it("a blank 标题 or 内容 is said in Chinese and what was typed stays", async () => {
    const action = `${deputy}/suggest`;
    const nonce = nonceOf(await (await browse(action)).text(), action);
    const noTitle = await postForm(action, { nonce, 标题: "", 内容: "城区老年人就餐难，建议增设助餐点。" });
    const html1 = await noTitle.text();
    refusedAt(noTitle, html1, "suggestion", "s-title", "请填写建议标题");
    expect(html1).toContain("城区老年人就餐难，建议增设助餐点。</textarea>");

    const noContent = await postForm(action, { nonce, 标题: "关于增设老年助餐点的建议", 内容: "" });
    const html2 = await noContent.text();
    refusedAt(noContent, html2, "suggestion", "s-content", "请填写建议内容");
    expect(html2).toContain('value="关于增设老年助餐点的建议"');
  });
});

describe("the unit's 答复, 三沟通 and 延期 forms", () => {
  it("carry novalidate and keep required", async () => {
    const page = `${edu}/s/2026-001`;
    const html = await (await browse(page)).text();
    for (const form of ["reply", "contact", "extension"])
      expect(formTag(html, `${page}/${form}`), form).toContain("novalidate");
    expect(html).toMatch(/<input type="radio" name="答复类别" value="A" required/);
    expect(html).toMatch(/<textarea id="contact-content"[^>]* required/);
    expect(html).toMatch(/<textarea id="ext-reason"[^>]* required/);
  });

  it("a reply without 答复类别 is said in Chinese, the 答复内容 kept", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/reply`;
    const form = new FormData();
    form.append("nonce", nonceOf(await (await browse(page)).text(), action));
    form.append("答复内容", "已将学校门口道路拓宽列入明年计划。");
    form.append("落实情况", "");
    form.append("答复日期", TODAY);
    const back = await postMultipart(action, form);
    const html = await back.text();
    refusedAt(back, html, "reply", "reply-class", "请选择答复类别");
    expect(html).toContain("已将学校门口道路拓宽列入明年计划。</textarea>");
  });

  it("a 三沟通 without 日期, 阶段, 方式 or 内容 says each in Chinese, what was typed kept", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/contact`;
    const nonce = nonceOf(await (await browse(page)).text(), action);
    const full = {
      nonce,
      日期: TODAY,
      阶段: "办前",
      方式: "电话",
      代表参加: "否",
      参加人员: "李科长",
      内容: "电话联系张明代表，约定下周现场面商。",
      代表意见: "",
    };
    const cases: [Partial<typeof full>, string, string][] = [
      [{ 日期: "" }, "contact-date", "请选择联系的日期"],
      [{ 阶段: undefined }, "contact-stage", "请选择阶段"],
      [{ 方式: "" }, "contact-method", "请选择联系方式"],
      [{ 内容: "" }, "contact-content", "请填写沟通的内容"],
      // The date's min and max, which the browser no longer checks.
      [{ 日期: addDaysIso(TODAY, 1) }, "contact-date", "晚于"],
    ];
    for (const [change, fieldId, message] of cases) {
      const fields = Object.fromEntries(
        Object.entries({ ...full, ...change }).filter((e): e is [string, string] => e[1] !== undefined),
      );
      const back = await postForm(action, fields);
      const html = await back.text();
      refusedAt(back, html, "contact", fieldId, message);
      expect(html).toContain('value="李科长"');
      if (fields.内容) expect(html).toContain("电话联系张明代表，约定下周现场面商。</textarea>");
    }
  });

  it("a 延期申请 without 理由 is said in Chinese", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/extension`;
    const back = await postForm(action, {
      nonce: nonceOf(await (await browse(page)).text(), action),
      理由: "",
    });
    refusedAt(back, await back.text(), "extension", "ext-reason", "请填写申请延期的理由");
  });

  // Last: on the old code this reply went through.
  it("a reply whose 答复日期 was cleared is refused in Chinese, not dated today unasked", async () => {
    const page = `${edu}/s/2026-001`;
    const action = `${page}/reply`;
    const form = new FormData();
    form.append("nonce", nonceOf(await (await browse(page)).text(), action));
    form.append("答复类别", "A");
    form.append("答复内容", "已将学校门口道路拓宽列入明年计划。");
    form.append("落实情况", "");
    form.append("答复日期", "");
    const back = await postMultipart(action, form);
    const html = await back.text();
    refusedAt(back, html, "reply", "reply-date", "请选择答复日期");
    expect(html).toContain("已将学校门口道路拓宽列入明年计划。</textarea>");
  });
});

describe("the 协办意见, 交办异议 and 落实情况 forms", () => {
  it("carry novalidate and keep required", async () => {
    const coPage = `${housing}/s/2026-001`;
    const co = await (await browse(coPage)).text();
    expect(formTag(co, `${coPage}/co-opinion`)).toContain("novalidate");
    expect(co).toMatch(/<textarea id="co-summary"[^>]* required/);

    const objPage = `${edu}/s/2026-004`;
    const obj = await (await browse(objPage)).text();
    expect(formTag(obj, `${objPage}/objection`)).toContain("novalidate");
    expect(obj).toMatch(/<textarea id="obj-reason"[^>]* required/);

    const progressPage = `${edu}/s/2026-005`;
    const progress = await (await browse(progressPage)).text();
    expect(formTag(progress, `${progressPage}/progress`)).toContain("novalidate");
    expect(progress).toMatch(/<input type="radio" name="落实情况" value="已落实" required/);
    expect(progress).toMatch(/<textarea id="progress-note"[^>]* required/);
  });

  it("a 协办意见 left blank is said in Chinese", async () => {
    const page = `${housing}/s/2026-001`;
    const action = `${page}/co-opinion`;
    const back = await postForm(action, {
      nonce: nonceOf(await (await browse(page)).text(), action),
      内容摘要: "",
    });
    refusedAt(back, await back.text(), "co-opinion", "co-summary", "请填写协办意见的内容");
  });

  it("an 异议 without 理由 is said in Chinese, the 建议承办单位 kept", async () => {
    const page = `${edu}/s/2026-004`;
    const action = `${page}/objection`;
    const back = await postForm(action, {
      nonce: nonceOf(await (await browse(page)).text(), action),
      理由: "",
      建议承办单位: "区住建局",
    });
    const html = await back.text();
    refusedAt(back, html, "objection", "obj-reason", "请填写异议的理由");
    expect(html).toMatch(/<input id="obj-unit"[^>]* value="区住建局"/);
  });

  it("a 落实情况 report without 说明 or 落实情况 says each in Chinese, what was typed kept", async () => {
    const page = `${edu}/s/2026-005`;
    const action = `${page}/progress`;
    const nonce = nonceOf(await (await browse(page)).text(), action);
    const noNote = await postForm(action, { nonce, 落实情况: "已落实", 说明: "" });
    const html1 = await noNote.text();
    refusedAt(noNote, html1, "progress", "progress-note", "请填写说明");
    expect(html1).toMatch(/value="已落实" required="" checked=""/);

    const noState = await postForm(action, { nonce, 说明: "道路拓宽工程已完工，接送区已划设。" });
    const html2 = await noState.text();
    refusedAt(noState, html2, "progress", "progress-state", "落实情况请选择");
    expect(html2).toContain("道路拓宽工程已完工，接送区已划设。</textarea>");
  });
});
