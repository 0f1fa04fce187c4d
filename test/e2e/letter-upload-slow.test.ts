import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchChromium, SCREENSHOTS } from "./browser";
import { type LocalStack, startLocalStack } from "./local-stack";
import { unitReplyPage } from "./sheet-rows";

/**
 * A unit answers on a slow line (3G/4G in a chat app's WebView): the reply form's script uploads the
 * 答复函 with progress the unit sees (已上传 x / y MB), gives up on an upload that stalls (the
 * connection stays open, nothing moves) with what to do instead, keeping what was typed, and a
 * reload of the page brings back the typed text (not the file).
 */

const PHONE = { width: 390, height: 844 };
/** The script's stall watchdog, shortened for the test through the form's data attribute. */
const STALL_MS = 3000;

let stack: LocalStack;
let browser: Browser;
let page: Page;
let unitPage = "";
let pdf5mb = "";

const upload = "form[data-letter-upload]";

async function fillReply(text: string): Promise<void> {
  await page.check("input[name=答复类别][value=B]");
  await page.fill("textarea[name=答复内容]", text);
  await page.selectOption("select[name=落实情况]", "推进中");
}

beforeAll(async () => {
  stack = await startLocalStack();
  expect((await stack.api("/api/sync?wait=1", { method: "POST" })).status).toBe(200);
  // A suggestion waiting for its first reply; its lead unit gets a link from staff (链接 page).
  unitPage = (await unitReplyPage(stack)).url;
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A scanned letter of 5 MB (a PDF by its first bytes).
  pdf5mb = path.join(SCREENSHOTS, "scan-5mb.pdf");
  writeFileSync(pdf5mb, Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(5 * 1024 * 1024 - 9, 0x20)]));
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize(PHONE);
});

afterAll(async () => {
  if (pdf5mb) rmSync(pdf5mb, { force: true });
  await browser?.close();
  await stack?.stop();
});

describe("a 答复函 on a slow line", () => {
  it("shows how much of the file is sent while it uploads, and how long it may take before", async () => {
    await page.goto(unitPage);
    await fillReply("已列入年度计划，正在推进。");
    await page.setInputFiles("input[name=答复函]", pdf5mb);
    // Chosen, not sent yet: how long a file this size may take on a slow line.
    const status = page.locator(".lk-upload-status");
    await expect(status.textContent()).resolves.toMatch(/5\.0 MB.*网络较慢时.*约需 \d+ 分钟/);
    // About 2 Mbit/s up: the 5 MB take some 20 s, progress shows on the way. The page is left before
    // the upload ends (it would post the reply: the next tests answer the same suggestion).
    const cdp: CDPSession = await browser.context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: 1_000_000,
      uploadThroughput: 250_000,
    });
    try {
      await page.click("button:has-text('提交答复')");
      // Some of it sent already (the first event says 0%).
      const progress = page.locator(".lk-upload-status", { hasText: /已上传 .*（[1-9]\d?%）/ });
      await progress.waitFor({ timeout: 20_000 });
      await expect(progress.textContent()).resolves.toMatch(/已上传 \d+\.\d \/ 5\.0 MB（\d{1,3}%）/);
      await expect(page.isDisabled("button:has-text('提交答复')")).resolves.toBe(true);
      await page.screenshot({
        path: path.join(SCREENSHOTS, "links-unit-upload-progress.png"),
        fullPage: true,
      });
    } finally {
      await page.goto("about:blank");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();
    }
  });

  it("gives up on a stalled upload with what to do, the button usable again and the text kept", async () => {
    await page.goto(unitPage);
    await fillReply("道路拓宽工程已开工，预计年底完成。");
    await page.setInputFiles("input[name=答复函]", pdf5mb);
    // The connection stays open and nothing comes back: the PUT is never answered.
    let held = 0;
    await page.route(
      (url) => url.pathname.endsWith("/letter"),
      (route) => {
        if (route.request().method() === "PUT") held++;
        else return route.continue();
      },
    );
    try {
      await page.evaluate(`document.querySelector("${upload}").setAttribute("data-stall-ms", "${STALL_MS}")`);
      const started = Date.now();
      await page.click("button:has-text('提交答复')");
      const failed = page.locator(".lk-upload-status.danger");
      await failed.waitFor({ timeout: STALL_MS + 10_000 });
      expect(Date.now() - started).toBeLessThan(STALL_MS + 10_000);
      expect(held).toBe(1);
      const text = (await failed.textContent()) ?? "";
      expect(text).toContain("答复函上传失败");
      expect(text).toContain("网络");
      expect(text).toMatch(/重新提交/);
      expect(text).toContain("照片");
      await expect(page.isEnabled("button:has-text('提交答复')")).resolves.toBe(true);
      await expect(page.inputValue("textarea[name=答复内容]")).resolves.toBe(
        "道路拓宽工程已开工，预计年底完成。",
      );
      await expect(page.isChecked("input[name=答复类别][value=B]")).resolves.toBe(true);
      await page.screenshot({
        path: path.join(SCREENSHOTS, "links-unit-upload-stalled.png"),
        fullPage: true,
      });
    } finally {
      await page.unrouteAll({ behavior: "ignoreErrors" });
    }
  });

  it("a reload brings back what was typed (not the file), with a note saying so; a fresh visit does not", async () => {
    await page.goto(unitPage);
    // What the tests before typed is gone: a fresh form.
    await page.evaluate("localStorage.clear(); sessionStorage.clear()");
    await page.reload();
    await expect(page.inputValue("textarea[name=答复内容]")).resolves.toBe("");
    await expect(page.isVisible(`${upload} .lk-draft-note`)).resolves.toBe(false);
    await fillReply("已与代表沟通，方案正在论证。");
    await page.setInputFiles("input[name=答复函]", pdf5mb);
    await page.reload();
    await expect(page.locator(`${upload} .lk-draft-note`).textContent()).resolves.toContain(
      "已恢复上次未提交的内容",
    );
    await expect(page.isVisible(`${upload} .lk-draft-note`)).resolves.toBe(true);
    await expect(page.inputValue("textarea[name=答复内容]")).resolves.toBe("已与代表沟通，方案正在论证。");
    await expect(page.isChecked("input[name=答复类别][value=B]")).resolves.toBe(true);
    await expect(page.inputValue("select[name=落实情况]")).resolves.toBe("推进中");
    await expect(page.evaluate("document.querySelector('input[name=答复函]').files.length")).resolves.toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "links-unit-draft-restored.png"), fullPage: true });
    // Opened afresh (not reloaded), the form is as the server gives it: nothing brought back.
    await page.goto(unitPage);
    await expect(page.inputValue("textarea[name=答复内容]")).resolves.toBe("");
    await expect(page.isVisible(`${upload} .lk-draft-note`)).resolves.toBe(false);
  });
});
