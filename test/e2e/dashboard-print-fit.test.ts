import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, SCREENSHOTS } from "./browser";
import type { LocalStack } from "./local-stack";
import { closeSyncedDashboard, openSyncedDashboard } from "./synced-dashboard";

/**
 * The dashboard's wide tables on paper (A4 from Chromium, as a 主任会议 handout is printed): every
 * column of /units' and /assessment's tables within the page, the weights behind each unit's score
 * printed (not a folded summary line), /suggestions without its filter form, and no heading left at
 * the foot of a page.
 */
let stack: LocalStack;
let browser: Browser;
let page: Page;

/** 1 mm in CSS px (96 dpi). */
const MM = 96 / 25.4;
/** What a page's content is laid out in (styles.ts: @page margins 15 mm × 12 mm; the landscape page's 12 mm). */
const PRINTABLE = { portrait: (210 - 2 * 12) * MM, landscape: (297 - 2 * 12) * MM };

beforeAll(async () => {
  ({ stack, browser, page } = await openSyncedDashboard());
});

afterAll(() => closeSyncedDashboard({ browser, stack }));

/**
 * The page as Chromium prints it: the print stylesheet, laid out as wide as the printable part of the
 * page the table lands on (the named page "landscape" is A4 landscape). Returns that width and where each
 * heading cell and each cell of the 合计 row ends.
 */
async function printedTable(url: string, table: string) {
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await page.emulateMedia({ media: "print" });
  const named = (await page.evaluate(`(() => {
    for (let e = document.querySelector(${JSON.stringify(table)}); e; e = e.parentElement) {
      const p = getComputedStyle(e).page;
      if (p && p !== "auto") return p;
    }
    return "auto";
  })()`)) as string;
  const width = named === "landscape" ? PRINTABLE.landscape : PRINTABLE.portrait;
  await page.setViewportSize({ width: Math.floor(width), height: 1100 });
  const cells =
    (await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(`${table} th, ${table} tr.total td`)})]
    .map((c) => ({ text: c.textContent.trim(), left: c.getBoundingClientRect().left, right: c.getBoundingClientRect().right }))`)) as {
      text: string;
      left: number;
      right: number;
    }[];
  return { width: Math.floor(width), cells, named };
}

/** The cells that run past the printable width (their text, where they end). */
const cutOff = (t: Awaited<ReturnType<typeof printedTable>>) =>
  t.cells
    .filter((c) => c.left < 0 || c.right > t.width + 0.5)
    .map((c) => `${c.text} @${Math.round(c.right)}`);

describe("the dashboard's wide tables and folded parts on A4 paper", () => {
  it("prints every column of /units' 办理情况一览, 合计 row included", async () => {
    const t = await printedTable(`${stack.workerUrl}/units`, "section.table-scroll table");
    expect(t.cells.map((c) => c.text)).toContain("二次逾期未答复");
    expect(t.cells.map((c) => c.text)).toContain("合计");
    expect(cutOff(t)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, "units-print.png"), fullPage: true });
  });

  it("prints every column of /assessment's 测评结果", async () => {
    const t = await printedTable(`${stack.workerUrl}/assessment?year=2026`, "section.table-scroll table");
    expect(t.cells.map((c) => c.text)).toEqual(expect.arrayContaining(["等次", "延期件数", "先进单位"]));
    expect(cutOff(t)).toEqual([]);
  });

  it("prints each unit's 得分构成 open, with the weights its score was worked out with", async () => {
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${stack.workerUrl}/assessment?year=2026`);
    const count = await page.locator("details.breakdown").count();
    expect(count).toBeGreaterThan(5);
    const tablesShown = () =>
      page.evaluate(
        `[...document.querySelectorAll("details.breakdown table")].filter((s) => s.checkVisibility() && s.getBoundingClientRect().height > 0).length`,
      );
    // Folded on the screen (a click opens one) …
    await expect(tablesShown()).resolves.toBe(0);
    // … open on paper: as Chromium 131+ prints it from the stylesheet alone,
    await page.emulateMedia({ media: "print" });
    await expect(tablesShown()).resolves.toBe(count);
    // and as an older browser does, opened by /assets/print.js before printing and folded again after.
    await page.emulateMedia({ media: "screen" });
    await page.evaluate(`window.dispatchEvent(new Event("beforeprint"))`);
    await expect(page.locator("details.breakdown[open]").count()).resolves.toBe(count);
    await page.evaluate(`window.dispatchEvent(new Event("afterprint"))`);
    await expect(page.locator("details.breakdown[open]").count()).resolves.toBe(0);
    // Each figure's basis and the weight it counted with are on the paper, whole, within the page.
    await page.emulateMedia({ media: "print" });
    const width = Math.floor(PRINTABLE.portrait);
    await page.setViewportSize({ width, height: 1100 });
    const text = (await page.evaluate("document.body.innerText")) as string;
    expect(text).toMatch(
      /1\. \S+：综合得分 [\d.]+（\S+）\n指标\t得分\t计算依据\t权重\n按期答复率\t[\d.]+%\t\d+\/\d+\t[\d.]+\n/,
    );
    const cells = (await page.evaluate(
      `[...document.querySelectorAll("details.breakdown td, details.breakdown th")].map((c) => {
        const r = c.getBoundingClientRect();
        return c.checkVisibility() && r.left >= 0 && r.right <= ${width} + 0.5 && c.scrollWidth <= c.clientWidth + 1;
      })`,
    )) as boolean[];
    expect(cells.length).toBe(count * 4 * (1 + 5));
    expect(cells.filter((ok) => !ok).length).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "assessment-print.png"), fullPage: true });
  });

  it("prints /suggestions without its filter form: the heading says what the list is of", async () => {
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${stack.workerUrl}/suggestions?year=2026`);
    await expect(page.locator("form.actions").isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("form.actions").isVisible()).resolves.toBe(false);
    await expect(page.locator("h1").textContent()).resolves.toBe("建议 · 2026 年度");
    const text = (await page.evaluate("document.body.innerText")) as string;
    expect(text).not.toContain("全部状态");
    expect(text).not.toContain("搜索");
    // A search, which the heading does not say, is said on paper in a line of its own.
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${stack.workerUrl}/suggestions?year=2026&q=${encodeURIComponent("交通")}`);
    await expect(page.locator("text=搜索：“交通”").isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("text=搜索：“交通”").isVisible()).resolves.toBe(true);
    await expect(page.locator("form.actions").isVisible()).resolves.toBe(false);
  });

  it("keeps a heading with what follows it on paper", async () => {
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${stack.workerUrl}/`);
    await page.emulateMedia({ media: "print" });
    const breaks = (await page.evaluate(
      `[...document.querySelectorAll("main h1, main h2")].map((h) => getComputedStyle(h).breakAfter)`,
    )) as string[];
    expect(breaks.length).toBeGreaterThan(0);
    expect(new Set(breaks)).toEqual(new Set(["avoid"]));
  });

  it("saves /units and /assessment as A4 pages, the wide tables on landscape ones", async () => {
    for (const url of ["/units", "/assessment?year=2026"]) {
      await page.emulateMedia({ media: "screen" });
      await page.goto(`${stack.workerUrl}${url}`);
      await page.emulateMedia({ media: "print" });
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
        (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
      );
      expect(new Set(boxes), url).toEqual(new Set(["595x842", "842x595"]));
    }
  });
});
