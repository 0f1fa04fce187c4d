import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, SCREENSHOTS } from "./browser";
import type { LocalStack } from "./local-stack";
import { closeSyncedDashboard, openSyncedDashboard } from "./synced-dashboard";

/**
 * A leader in their 50s reads the dashboard on a 1366×768 office screen zoomed to 150 %: 911×512 CSS
 * px, where the units' table (17 columns) is wider than its card and taller than the screen.
 */
const ZOOMED = { width: 911, height: 512 };

let stack: LocalStack;
let browser: Browser;
let page: Page;

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not drawn");
  return found;
}

beforeAll(async () => {
  ({ stack, browser, page } = await openSyncedDashboard({ viewport: ZOOMED }));
});

afterAll(() => closeSyncedDashboard({ browser, stack }));

describe("the units' table at 150 % zoom on a 1366×768 screen", () => {
  it("keeps its sideways scrollbar on the screen, says it scrolls, and keeps its headings and unit names in view", async () => {
    await page.goto(`${stack.workerUrl}/units`);
    const table = page.locator("main table").filter({ hasText: "二次逾期未答复" });
    const scroller = table.locator("xpath=..");
    await scroller.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "zoomed-01-units.png") });

    // The box scrolls sideways within itself, and the whole of it (its scrollbar at the bottom) fits the screen.
    const sizes = (await scroller.evaluate((e) => [e.scrollWidth, e.clientWidth])) as number[];
    expect(sizes[0]).toBeGreaterThan(sizes[1] ?? 0);
    expect((await box(scroller)).height).toBeLessThanOrEqual(ZOOMED.height);
    await expect(page.locator("main .table-hint").first().isVisible()).resolves.toBe(true);

    // Scrolled down and sideways: the heading row stays at the box's top, the unit names at its left.
    await scroller.evaluate((e) => {
      e.scrollTop = 200;
      e.scrollLeft = 300;
    });
    await page.screenshot({ path: path.join(SCREENSHOTS, "zoomed-02-units-scrolled.png") });
    const frame = await box(scroller);
    const heading = await box(table.locator("thead th").nth(3));
    expect(Math.abs(heading.y - frame.y)).toBeLessThanOrEqual(2);
    const name = await box(table.locator("tbody tr").nth(8).locator("td").first());
    expect(Math.abs(name.x - frame.x)).toBeLessThanOrEqual(2);
  });
});
