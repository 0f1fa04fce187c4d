import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { type Browser, distinctGlyphs, SCREENSHOTS } from "./browser";
import { E2E_ADMIN_TOKEN, E2E_SPREADSHEET, type LocalStack } from "./local-stack";
import { closeSyncedDashboard, openSyncedDashboard } from "./synced-dashboard";

let stack: LocalStack;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The ledger as the emulated sheet holds it now: 回访 by 编号. */
async function followUps(): Promise<Map<string, string>> {
  const range = encodeURIComponent(`'${TAB_NAMES.ledger}'`);
  const response = await fetch(
    `${stack.emulator.url}/__emulator/spreadsheets/${E2E_SPREADSHEET}/values/${range}?valueRenderOption=UNFORMATTED_VALUE`,
  );
  const { values } = (await response.json()) as { values: unknown[][] };
  const header = (values[0] ?? []).map(String);
  const id = header.indexOf("编号");
  const visit = header.indexOf("回访");
  return new Map(values.slice(1).map((row) => [String(row[id] ?? ""), String(row[visit] ?? "")]));
}

beforeAll(async () => {
  ({ stack, browser, page } = await openSyncedDashboard({ signIn: false }));
});

afterAll(() => closeSyncedDashboard({ browser, stack }));

describe("the dashboard in Chromium", () => {
  it("signs in with the printed link, then drops the token from the address bar", async () => {
    await page.goto(`${stack.workerUrl}/?token=${E2E_ADMIN_TOKEN}`);
    expect(page.url()).toBe(`${stack.workerUrl}/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("督办概览");
    await expect(page.locator(".kpi").count()).resolves.toBeGreaterThan(4);
    await shot("01-overview");
  });

  it("draws the Chinese of the pages in real glyphs, not empty boxes, whichever browser runs", async () => {
    // Eight different characters give eight different pictures only when a CJK font is in use.
    await expect(distinctGlyphs(page, "督办概览建议台账")).resolves.toBe(8);
  });

  it("follows a unit from the scoreboard, then one of its suggestions", async () => {
    await page.click("nav.main >> text=承办单位");
    await shot("02-units");
    const unitLink = page.locator("table a[href^='/units/']").first();
    const unit = (await unitLink.textContent()) ?? "";
    await unitLink.click();
    await expect(page.locator("h1").textContent()).resolves.toBe(unit);
    await shot("03-unit");

    const suggestionLink = page.locator("table a[href^='/suggestions/']").first();
    const id = (await suggestionLink.textContent()) ?? "";
    await suggestionLink.click();
    await expect(page.locator("h1").textContent()).resolves.toContain(id);
    await expect(page.locator("text=台账内容").count()).resolves.toBe(1);
    await shot("04-suggestion");
  });

  it("draws a sample, confirms it, and the sheet gets 回访 = 是 on exactly those rows", async () => {
    const before = await followUps();
    await page.click("nav.main >> text=抽样回访");
    await page.check("input[name=mode][value=share]");
    await page.fill("input[name=amount]", "30");
    await page.fill("input[name=seed]", "e2e-2026");
    const origin = new URL(page.url()).origin;
    const posted = page.waitForRequest(
      (r) => r.method() === "POST" && new URL(r.url()).pathname === "/sampling",
    );
    await page.click("button:has-text('抽取')");
    // The form post names its page's origin, not null (the pages' Referrer-Policy is same-origin): a
    // browser that sends no Sec-Fetch-Site is judged by it (security-headers.ts).
    expect((await (await posted).allHeaders()).origin).toBe(origin);
    expect(page.url()).toMatch(/\/sampling\/\d+$/);
    await expect(page.locator(".sub").textContent()).resolves.toContain("e2e-2026");
    // The 编号 links only: the list links each 领衔代表 to the deputy's page too.
    const drawn = await page
      .locator("section:has(h2:text('抽中的建议')) td a[href^='/suggestions/']")
      .allTextContents();
    expect(drawn.length).toBeGreaterThan(0);
    await shot("05-sample");

    await page.click("button:has-text('确认并写入台账')");
    await expect(page.locator(".alert.ok").textContent()).resolves.toContain("已于");
    await shot("06-sample-confirmed");

    const after = await followUps();
    for (const id of drawn) expect(after.get(id), id).toBe("是");
    const changed = [...after].filter(([id, value]) => value !== (before.get(id) ?? "")).map(([id]) => id);
    expect(changed.sort()).toEqual(drawn.filter((id) => before.get(id) !== "是").sort());
  });

  it("renders the other pages", async () => {
    for (const [name, pathname] of [
      ["07-deputies", "/deputies"],
      ["08-report", "/report"],
      ["09-problems", "/problems"],
      ["10-notices", "/notices"],
      ["11-sampling", "/sampling"],
    ] as const) {
      const response = await page.goto(`${stack.workerUrl}${pathname}`);
      expect(response?.status(), pathname).toBe(200);
      await shot(name);
    }
  });

  it("shows Chinese error pages: an unknown unit, and signed out", async () => {
    const unknown = await page.goto(`${stack.workerUrl}/units/${encodeURIComponent("区财政局甲")}`);
    expect(unknown?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("找不到该页面或数据");
    await shot("12-error-404");
    await browser.context.clearCookies();
    const signedOut = await page.goto(`${stack.workerUrl}/`);
    expect(signedOut?.status()).toBe(401);
    await expect(page.locator("h1").textContent()).resolves.toBe("需要登录");
    await shot("13-signed-out");
  });
});
