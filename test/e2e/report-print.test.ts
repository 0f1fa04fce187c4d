import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../tools/local-paths";
import { type Browser, SCREENSHOTS } from "./browser";
import type { LocalStack } from "./local-stack";
import { closeSyncedDashboard, openSyncedDashboard } from "./synced-dashboard";

/**
 * The year report as staff print it (or save it as PDF) from Chromium: the demo year, the print
 * stylesheet (A4, 公文 margins, 仿宋), the appendix tables on landscape pages. The screenshot of the
 * print view is kept in docs/ only when asked (E2E_UPDATE_DOCS=1).
 */
const DOCS = process.env.E2E_UPDATE_DOCS === "1" ? path.join(PROJECT_ROOT, "docs") : null;
/** A4 at 96 dpi, less the print margins of the stylesheet (210 − 28 − 26 mm = 156 mm ≈ 590 px). */
const PRINT_VIEW = { width: 590, height: 1100 };

let stack: LocalStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ stack, browser, page } = await openSyncedDashboard());
});

afterAll(() => closeSyncedDashboard({ browser, stack }));

/** Whether an element is drawn at all (display:none leaves no box). */
const shown = (selector: string) =>
  page.evaluate(
    `(() => { const e = document.querySelector(${JSON.stringify(selector)}); return !!e && e.getClientRects().length > 0; })()`,
  );

describe("the year report's print view in Chromium", () => {
  it("prints the draft as a document: no navigation, the text in 仿宋 with the year's figures", async () => {
    await page.goto(`${stack.workerUrl}/report?year=2026`);
    await expect(page.locator("a[href='/exports/report.docx?year=2026']").count()).resolves.toBe(1);
    await expect(shown("header.top")).resolves.toBe(true);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize(PRINT_VIEW);
    await expect(shown("header.top")).resolves.toBe(false);
    await expect(shown("form.actions")).resolves.toBe(false);
    await expect(shown(".kpis")).resolves.toBe(false);
    await expect(page.locator(".report-doc .doc-title").textContent()).resolves.toBe(
      "关于2026年代表建议办理情况的报告",
    );
    const text = (await page.locator(".report-doc").textContent()) ?? "";
    expect(text).toContain("2026年，共收到代表建议136件。");
    expect(text).toContain("往年转入的跨年督办建议3件，已办结1件，仍在办理2件");
    expect(text).toMatch(/其中满意\d+件（[\d.]+%）、基本满意\d+件（[\d.]+%）/);
    const font = await page.evaluate(
      `getComputedStyle(document.querySelector(".report-doc p:not([class])")).fontFamily`,
    );
    // Chromium serialises the family list without the quotes the stylesheet wrote.
    expect(String(font).split(",")[0]?.replace(/"/g, "")).toBe("仿宋_GB2312");
    const size = await page.evaluate(
      `getComputedStyle(document.querySelector(".report-doc p:not([class])")).fontSize`,
    );
    expect(size).toBe("21.3333px"); // 16 pt, 三号
    // The glyphs are real ones (the packaged CJK font stands in for 仿宋), not empty boxes.
    const pictures = await page.evaluate(`(() => {
      const font = getComputedStyle(document.querySelector(".report-doc p:not([class])")).font;
      const seen = new Set();
      for (const ch of "代表建议办理情况") {
        const c = document.createElement("canvas"); c.width = 48; c.height = 48;
        const g = c.getContext("2d"); g.font = font; g.fillText(ch, 4, 36); seen.add(c.toDataURL());
      }
      return seen.size;
    })()`);
    expect(pictures).toBe(8);
    const shot = { fullPage: true } as const;
    await page.screenshot({ ...shot, path: path.join(SCREENSHOTS, "report-print.png") });
    if (DOCS) await page.screenshot({ ...shot, path: path.join(DOCS, "report-print.png") });
  });

  it("saves as an A4 PDF: the text on portrait pages, the wide tables on landscape ones", async () => {
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: false })).toString("latin1");
    // Each page's MediaBox in points: A4 is 595.28 × 841.89, landscape the other way round.
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
      (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
    );
    expect(boxes[0]).toBe("595x842");
    expect(boxes).toContain("842x595");
    expect(boxes.every((b) => b === "595x842" || b === "842x595")).toBe(true);
  });
});
