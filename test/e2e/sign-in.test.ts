import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchChromium } from "./browser";
import { E2E_ADMIN_TOKEN, type LocalStack, startLocalStack } from "./local-stack";

let stack: LocalStack;
let browser: Browser;
let page: Page;
/** Every host the browser tried to reach: an off-site redirect would show up here. */
const hosts = new Set<string>();

beforeAll(async () => {
  stack = await startLocalStack();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("request", (request) => hosts.add(new URL(request.url()).host));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const sessionCookie = async () =>
  (await browser.context.cookies(stack.workerUrl)).find((c) => c.name === "jianyi_session");

describe("sign-in sessions in Chromium", () => {
  it("refuses the session cookie copied before sign-out once the user has signed out", async () => {
    await page.goto(`${stack.workerUrl}/?token=${E2E_ADMIN_TOKEN}`);
    expect(page.url()).toBe(`${stack.workerUrl}/`);
    const copied = await sessionCookie();
    expect(copied?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(copied?.value).not.toContain(E2E_ADMIN_TOKEN);
    expect(copied?.httpOnly).toBe(true);

    await page.click("header .who button:has-text('退出')");
    await expect(page.locator("h1").textContent()).resolves.toBe("已退出");
    expect(await sessionCookie()).toBeUndefined();

    // Someone who kept a copy of the cookie presents it again.
    if (!copied) throw new Error("no session cookie after sign-in");
    await browser.context.addCookies([copied]);
    const replayed = await page.goto(`${stack.workerUrl}/units`);

    expect(replayed?.status()).toBe(401);
    await expect(page.locator("h1").textContent()).resolves.toBe("需要登录");
    await expect(page.locator(".error-page").textContent()).resolves.toContain("登录已失效");
    await expect(page.locator("form.sign-in input[name=token]").count()).resolves.toBe(1);
  });

  it("signs in again with the form and comes back to the page asked for", async () => {
    await page.fill("form.sign-in input[name=token]", E2E_ADMIN_TOKEN);
    await page.click("form.sign-in button");

    expect(page.url()).toBe(`${stack.workerUrl}/units`);
    await expect(page.locator("h1").textContent()).resolves.toBe("承办单位办理情况");
  });

  it("never follows a sign-in link or form off the site", async () => {
    await browser.context.clearCookies();
    await page.goto(`${stack.workerUrl}//evil.example/?token=${E2E_ADMIN_TOKEN}`);
    expect(page.url()).toBe(`${stack.workerUrl}/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("督办概览");

    await browser.context.clearCookies();
    await page.goto(`${stack.workerUrl}/units`);
    // A tampered form: the page to return to is set to another site.
    await page.locator("form.sign-in input[name=next]").evaluate((input, target) => {
      (input as unknown as { value: string }).value = target;
    }, "https://evil.example/?token=stolen");
    await page.fill("form.sign-in input[name=token]", E2E_ADMIN_TOKEN);
    await page.click("form.sign-in button");

    expect(page.url()).toBe(`${stack.workerUrl}/`);
    expect([...hosts].filter((h) => h.includes("evil"))).toEqual([]);
  });
});
