import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchChromium, SCREENSHOTS } from "./browser";
import { type LocalStack, startLocalStack } from "./local-stack";
import { unitReplyPage } from "./sheet-rows";

/**
 * A busy unit's clerk on a phone, in a chat app's browser that reloads the page when the clerk
 * switches to a chat to copy something (explorer BD): what was typed in the 三沟通 form comes back
 * after the reload, the fold open and a note saying so, as the reply form's text does; a page
 * opened afresh is a fresh form.
 */

const PHONE = { width: 390, height: 844 };
const CONTENT = "已电话联系领衔代表，约定下周现场面商拓宽方案。";

let stack: LocalStack;
let browser: Browser;
let page: Page;
let unitPage = "";
let suggestPage = "";

const contact = "form[action$='/contact']";

beforeAll(async () => {
  stack = await startLocalStack();
  expect((await stack.api("/api/sync?wait=1", { method: "POST" })).status).toBe(200);
  // A suggestion waiting for its first reply; its lead unit gets a link from staff (链接 page).
  const reply = await unitReplyPage(stack);
  unitPage = reply.url;
  // That suggestion's lead deputy, given a link by staff, writes a new one (提出新建议).
  const issued = await stack.api("/links/issue", {
    method: "POST",
    body: new URLSearchParams({ kind: "deputy", recipient: reply.row.领衔代表 ?? "", scope: "act" }),
  });
  const link = /(http:\/\/127\.0\.0\.1:\d+\/l\/[A-Za-z0-9_.-]+)/.exec(await issued.text())?.[1];
  if (!link) throw new Error(`no deputy link issued (${issued.status})`);
  suggestPage = `${link}/suggest`;
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize(PHONE);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("a link form's text across a reload", () => {
  it("brings back the 三沟通 内容 after a reload, the form open with a note; a fresh visit does not", async () => {
    await page.goto(unitPage);
    await page.evaluate("sessionStorage.clear()");
    await page.click("summary:has-text('记录与代表的沟通（三沟通）')");
    await page.check(`${contact} input[name=阶段][value=办前]`);
    await page.fill(`${contact} textarea[name=内容]`, CONTENT);

    await page.reload();
    await expect(page.inputValue(`${contact} textarea[name=内容]`)).resolves.toBe(CONTENT);
    await expect(page.isVisible(`${contact} textarea[name=内容]`)).resolves.toBe(true);
    await expect(page.isChecked(`${contact} input[name=阶段][value=办前]`)).resolves.toBe(true);
    const note = page.locator(`${contact} .lk-draft-note`);
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toContain("已恢复上次未提交的内容");
    // The reply form had nothing typed: nothing said there.
    await expect(page.isVisible("form[data-letter-upload] .lk-draft-note")).resolves.toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, "links-unit-contact-draft.png"), fullPage: true });

    // Opened afresh (not reloaded), the form is as the server gives it: nothing brought back.
    await page.goto(unitPage);
    await page.click("summary:has-text('记录与代表的沟通（三沟通）')");
    await expect(page.inputValue(`${contact} textarea[name=内容]`)).resolves.toBe("");
    await expect(page.isVisible(`${contact} .lk-draft-note`)).resolves.toBe(false);
  });

  it("brings back a deputy's 提出新建议 标题 and 建议内容 after a reload, with the note; a fresh visit does not", async () => {
    const form = "form[action$='/suggest']";
    const title = "关于增设老年助餐点的建议";
    const content = "城区老年人就餐难，建议在各社区增设助餐点。\n一、选址；二、补贴。";
    await page.goto(suggestPage);
    await page.evaluate("sessionStorage.clear()");
    await page.fill(`${form} input[name=标题]`, title);
    await page.fill(`${form} textarea[name=内容]`, content);

    await page.reload();
    await expect(page.inputValue(`${form} input[name=标题]`)).resolves.toBe(title);
    await expect(page.inputValue(`${form} textarea[name=内容]`)).resolves.toBe(content);
    await expect(page.locator(`${form} .lk-draft-note`).isVisible()).resolves.toBe(true);

    await page.goto(suggestPage);
    await expect(page.inputValue(`${form} textarea[name=内容]`)).resolves.toBe("");
    await expect(page.isVisible(`${form} .lk-draft-note`)).resolves.toBe(false);
  });

  it("brings back every 附议代表 the deputy picked, not only the first, after a reload", async () => {
    const form = "form[action$='/suggest']";
    const co = `${form} select[name=附议代表]`;
    // The co-signer list's options, every one or those selected (their names).
    const options = async (selectedOnly: boolean) =>
      (await page.evaluate(
        `[...document.querySelectorAll(${JSON.stringify(`${co} option`)})]
          .filter((o) => ${selectedOnly} ? o.selected : true).map((o) => o.value)`,
      )) as string[];
    await page.goto(suggestPage);
    await page.evaluate("sessionStorage.clear()");
    const picked = (await options(false)).slice(0, 3);
    expect(picked).toHaveLength(3);
    await page.fill(`${form} input[name=标题]`, "关于增设老年助餐点的建议");
    await page.selectOption(co, picked);

    await page.reload();
    await expect(options(true)).resolves.toEqual(picked);
    await expect(page.locator(`${form} .lk-draft-note`).isVisible()).resolves.toBe(true);

    // Opened afresh: nobody picked.
    await page.goto(suggestPage);
    await expect(options(true)).resolves.toEqual([]);
  });
});
