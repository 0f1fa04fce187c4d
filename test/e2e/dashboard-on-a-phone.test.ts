import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, SCREENSHOTS } from "./browser";
import type { LocalStack } from "./local-stack";
import { closeSyncedDashboard, openSyncedDashboard } from "./synced-dashboard";

/**
 * A leader opens the dashboard in 企业微信's or 钉钉's in-app browser: a 375×667 CSS px screen, no
 * sideways swiping, thumbs rather than a mouse.
 */
const PHONE = { width: 375, height: 667 };
/** The smallest touch target the platform guides allow (Apple 44 pt, Android 48 dp; 40 px at least). */
const TOUCH_PX = 40;

let stack: LocalStack;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** How far the page reaches past the screen's right edge, in CSS px (0: no sideways scrolling). */
async function overflowPx(): Promise<number> {
  const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
  return width - PHONE.width;
}

/**
 * How far the widest card's content reaches past the card's own edge, in CSS px: a card scrolls a
 * wide table within itself (overflow-x: auto), which the page's width does not show.
 */
async function cardOverflowPx(): Promise<number> {
  return (await page.evaluate(
    "Math.max(0, ...[...document.querySelectorAll('main section.card')].map((c) => c.scrollWidth - c.clientWidth))",
  )) as number;
}

/** The label a phone's card shows before a cell (table.stack's data-label), as the browser draws it. */
async function labelDrawn(cell: Locator): Promise<string> {
  // Runs in the page, where globalThis is the window (the tests compile without the DOM's types).
  return cell.evaluate((td) => {
    const win = globalThis as unknown as {
      getComputedStyle(e: unknown, pseudo: string): { content: string };
    };
    return win.getComputedStyle(td, "::before").content;
  });
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not drawn");
  return found;
}

/**
 * Whether the whole of `locator` is seen without scrolling sideways: inside the screen and inside the
 * card around it (a card scrolls a wide table within itself, cutting off what lies past its edge).
 */
async function seenWhole(locator: Locator): Promise<boolean> {
  const b = await box(locator);
  const card = await box(locator.locator("xpath=ancestor::section[contains(@class,'card')][1]"));
  const right = Math.min(PHONE.width, card.x + card.width);
  return b.x >= Math.max(0, card.x) && b.x + b.width <= right;
}

/** The address of the first suggestion /suggestions lists. */
async function firstSuggestionPath(): Promise<string> {
  await page.goto(`${stack.workerUrl}/suggestions`);
  return (
    (await page.locator("main table tbody tr a[href^='/suggestions/']").first().getAttribute("href")) ?? ""
  );
}

beforeAll(async () => {
  ({ stack, browser, page } = await openSyncedDashboard({ viewport: PHONE }));
});

afterAll(() => closeSyncedDashboard({ browser, stack }));

describe("the dashboard on a 375 px phone", () => {
  it("fits the overview in the screen's width, with a header that leaves room for the page", async () => {
    await page.goto(`${stack.workerUrl}/`);
    await shot("phone-01-overview");
    expect(await overflowPx()).toBe(0);
    expect((await box(page.locator("header.top"))).height).toBeLessThanOrEqual(120);
    for (const link of await page.locator("nav.main a").all()) {
      expect((await box(link)).height).toBeGreaterThanOrEqual(TOUCH_PX);
    }
  });

  it("shows every item of the menu on a 360 px and a 320 px screen, none past the screen's edge", async () => {
    try {
      for (const width of [360, 320]) {
        await page.setViewportSize({ width, height: 640 });
        await page.goto(`${stack.workerUrl}/`);
        await shot(`phone-01b-menu-${width}`);
        const items = await page.locator("nav.main a").all();
        expect(items).toHaveLength(11);
        for (const item of items) {
          const b = await box(item);
          const name = `${await item.textContent()} at ${width} px`;
          expect(b.x, name).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width, name).toBeLessThanOrEqual(width);
          expect(b.height, name).toBeGreaterThanOrEqual(TOUCH_PX);
        }
        expect(await page.evaluate("document.documentElement.scrollWidth")).toBe(width);
      }
      // Two lines of the menu under the brand at 360 px: the header still leaves room for the page.
      await page.setViewportSize({ width: 360, height: 640 });
      expect((await box(page.locator("header.top"))).height).toBeLessThanOrEqual(120);
    } finally {
      await page.setViewportSize(PHONE);
    }
  });

  it("shows each listed suggestion's 台账状态 on the screen, and the search box is big enough to tap", async () => {
    await page.goto(`${stack.workerUrl}/suggestions`);
    await shot("phone-02-suggestions");
    expect(await overflowPx()).toBe(0);
    const row = page.locator("main table tbody tr").first();
    // 编号, 标题, 领衔代表, 主办单位, 台账状态, 办理期限, 剩余.
    const status = row.locator("td").nth(4);
    const due = row.locator("td").nth(5);
    await expect(status.locator(".badge").textContent()).resolves.toMatch(/\S/);
    expect(await seenWhole(status)).toBe(true);
    expect(await seenWhole(due)).toBe(true);
    expect((await box(page.locator("input[name=q]"))).height).toBeGreaterThanOrEqual(TOUCH_PX);
    const idLink = row.locator("a[href^='/suggestions/']").first();
    expect((await box(idLink)).height).toBeGreaterThanOrEqual(TOUCH_PX);
  });

  it("fits a suggestion's page, its 期限说明 included, in the screen's width", async () => {
    const suggestionPath = await firstSuggestionPath();
    expect(suggestionPath).toMatch(/^\/suggestions\//);
    await page.goto(`${stack.workerUrl}${suggestionPath}`);
    await shot("phone-03-suggestion");
    expect(await overflowPx()).toBe(0);
    const deadlines = page
      .locator("section.card")
      .filter({ has: page.locator("h2", { hasText: /^办理期限$/ }) });
    expect(await seenWhole(deadlines.locator("h2"))).toBe(true);
    expect(await seenWhole(deadlines.locator("p").last())).toBe(true);
  });

  it("lists the units as one card a unit, its name first and each figure after its name", async () => {
    await page.goto(`${stack.workerUrl}/units`);
    await shot("phone-04-units");
    expect(await overflowPx()).toBe(0);
    expect(await cardOverflowPx()).toBe(0);
    const row = page.locator("main table tbody tr").first();
    const name = row.locator("td").first();
    const onTime = row.locator("td[data-label='按期答复率']");
    expect(await seenWhole(name)).toBe(true);
    expect(await seenWhole(onTime)).toBe(true);
    expect((await box(name)).y).toBeLessThan((await box(onTime)).y);
    expect(await labelDrawn(onTime)).toContain("按期答复率");
  });

  it("lists the deputies as one card a deputy, the name first", async () => {
    await page.goto(`${stack.workerUrl}/deputies`);
    await shot("phone-05-deputies");
    expect(await overflowPx()).toBe(0);
    expect(await cardOverflowPx()).toBe(0);
    const row = page.locator("main table tbody tr").first();
    const led = row.locator("td[data-label='领衔']");
    expect(await seenWhole(row.locator("td").first())).toBe(true);
    expect(await seenWhole(led)).toBe(true);
    expect(await labelDrawn(led)).toContain("领衔");
  });

  it("fits a deputy's own page, the contacts and the voters' opinions as cards", async () => {
    await page.goto(`${stack.workerUrl}/deputies`);
    const pages = await page
      .locator("main table tbody tr td a[href^='/deputies/']")
      .evaluateAll((links) =>
        links.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute("href")),
      );
    // The first deputy with both cards filled: not every deputy received voters at a station.
    for (const href of pages) {
      await page.goto(`${stack.workerUrl}${href}`);
      const empty = await page.locator("main section.card", { hasText: "接待的选民意见（0 条）" }).count();
      if (
        empty === 0 &&
        (await page.locator("main section.card", { hasText: "参加的沟通（0 次）" }).count()) === 0
      )
        break;
    }
    await shot("phone-05b-deputy");
    expect(await overflowPx()).toBe(0);
    expect(await cardOverflowPx()).toBe(0);
    for (const title of ["参加的沟通", "接待的选民意见"]) {
      const card = page.locator("main section.card", { hasText: title });
      const date = card.locator("td[data-label='日期']").first();
      expect(await seenWhole(date)).toBe(true);
      expect(await labelDrawn(date)).toContain("日期");
    }
  });

  it("lists the problems as one card a problem, what to fix on the card's first line", async () => {
    await page.goto(`${stack.workerUrl}/problems`);
    await shot("phone-06-problems");
    expect(await overflowPx()).toBe(0);
    expect(await cardOverflowPx()).toBe(0);
    const row = page.locator("main table tbody tr").first();
    // The problem's cell: its 错误/提醒 badge, then what to fix.
    const problem = row.locator("td:has(.badge)");
    expect(await seenWhole(problem)).toBe(true);
    // 行号 comes first in the desktop's columns; on the card the problem is above it, across the card.
    expect((await box(problem)).y).toBeLessThan((await box(row.locator("td").first())).y);
    const card = await box(problem.locator("xpath=ancestor::section[contains(@class,'card')][1]"));
    expect((await box(problem)).width).toBeGreaterThan(card.width * 0.8);
  });

  it("draws a sample and shows it and the list of samples without sideways scrolling", async () => {
    await page.goto(`${stack.workerUrl}/sampling`);
    await page.check("input[name=mode][value=share]");
    await page.fill("input[name=amount]", "30");
    await page.fill("input[name=seed]", "phone-2026");
    await page.click("button:has-text('抽取')");
    expect(page.url()).toMatch(/\/sampling\/\d+$/);
    await shot("phone-07-sample");
    expect(await overflowPx()).toBe(0);
    expect(await cardOverflowPx()).toBe(0);
    const drawn = page.locator("section:has(h2:text('抽中的建议')) tbody tr").first();
    expect(await seenWhole(drawn.locator("td[data-label='台账状态']"))).toBe(true);

    await page.goto(`${stack.workerUrl}/sampling`);
    await shot("phone-08-sampling");
    expect(await overflowPx()).toBe(0);
    expect(await cardOverflowPx()).toBe(0);
    expect(await seenWhole(page.locator("main table tbody tr td[data-label='状态']").first())).toBe(true);
  });

  it("keeps the tables a tablet (768 px) shows, their column headers on top", async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      for (const pathname of ["/units", "/deputies", "/problems", "/sampling"]) {
        await page.goto(`${stack.workerUrl}${pathname}`);
        await expect(page.locator("main table thead").first().isVisible(), pathname).resolves.toBe(true);
      }
    } finally {
      await page.setViewportSize(PHONE);
    }
  });
});
