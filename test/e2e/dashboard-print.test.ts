import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, SCREENSHOTS } from "./browser";
import type { LocalStack } from "./local-stack";
import { closeSyncedDashboard, openSyncedDashboard } from "./synced-dashboard";

/**
 * The dashboard as a leader prints it from Chromium: the 打印 button of the 表彰建议名单 under the
 * Worker's CSP (no inline handler), the overview on paper with the day its figures were counted, and
 * the suggestions list on paper saying which of its rows the paper holds.
 */
let stack: LocalStack;
let browser: Browser;
let page: Page;
/** What the console said (a CSP refusal is reported there, not thrown). */
const logged: string[] = [];

beforeAll(async () => {
  ({ stack, browser, page } = await openSyncedDashboard({
    beforeSignIn: (opened) => opened.on("console", (m) => logged.push(m.text())),
  }));
});

afterAll(() => closeSyncedDashboard({ browser, stack }));

/** The page's text as drawn (innerText leaves out what display:none hides). */
const drawnText = () => page.evaluate("document.body.innerText") as Promise<string>;

describe("printing the dashboard in Chromium", () => {
  it("opens the print dialog from the 表彰建议名单's 打印 button, the CSP refusing nothing", async () => {
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${stack.workerUrl}/assessment/commendations?year=2026`);
    // The dialog itself would block a headless browser: count the calls instead.
    await page.evaluate("window.print = () => { window.printed = (window.printed || 0) + 1; }");
    logged.length = 0;
    await page.click("button:has-text('打印')");
    await expect(page.evaluate("window.printed ?? 0")).resolves.toBe(1);
    expect(logged.filter((line) => line.includes("Content Security Policy"))).toEqual([]);
    // Cached like the other assets: the button costs one small request an hour at most.
    const script = await fetch(`${stack.workerUrl}/assets/print.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("prints the overview with the day its figures were counted, without the screen's buttons", async () => {
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${stack.workerUrl}/`);
    await expect(page.locator("a.button:has-text('全部单位')").isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "print" });
    const text = await drawnText();
    expect(text).toMatch(/今天 \d{4}-\d{2}-\d{2} · 数据截至最近一次同步 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain("督办概览");
    expect(text).not.toContain("导出台账（CSV）");
    expect(text).not.toContain("全部单位");
    expect(text).not.toContain("抽样回访"); // the menu
    await page.screenshot({ path: path.join(SCREENSHOTS, "overview-print.png"), fullPage: true });
  });

  it("prints a list of more than one page saying which rows of how many the paper holds", async () => {
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${stack.workerUrl}/suggestions`);
    await expect(page.locator("a.button:has-text('导出本清单 CSV')").isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "print" });
    const text = await drawnText();
    const total = text.match(/(\d+) 件/)?.[1];
    expect(Number(total)).toBeGreaterThan(100);
    // The pager is not printed: the line says the paper holds the first hundred, and where the rest are.
    expect(text).toContain(`本页为第 1 / 2 页（第 1–100 件，共 ${total} 件）；完整清单请用“导出本清单 CSV”`);
    expect(text).not.toContain("下一页");
  });

  it("saves the overview as A4 pages", async () => {
    await page.goto(`${stack.workerUrl}/`);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
      (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
    );
    expect(boxes.length).toBeGreaterThan(0);
    expect(new Set(boxes)).toEqual(new Set(["595x842"]));
  });
});
