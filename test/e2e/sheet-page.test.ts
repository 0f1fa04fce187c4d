import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnLetter } from "../../sheets-schema";
import { type Browser, launchChromium, SCREENSHOTS } from "./browser";
import { E2E_SPREADSHEET, type LocalStack, startLocalStack } from "./local-stack";

/**
 * A staff member in the emulator's spreadsheet page: assigns a suggestion by typing 交办日期 and
 * choosing 主办单位 from the dropdown, then the Worker's sync fills 办理期限 and 台账状态, and the page
 * shows them without a reload.
 */
let stack: LocalStack;
let browser: Browser;
let page: Page;
const columns = new Map<string, number>();

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

const cell = (row: number, header: string) =>
  page.locator(`#grid tbody tr[data-r="${row}"] > td[data-c="${columns.get(header)}"]`);

/** What the cell shows (the dropdown arrow is not text). */
const shown = (row: number, header: string) => cell(row, header).evaluate((td) => td.textContent ?? "");

beforeAll(async () => {
  stack = await startLocalStack();
  const first = await stack.api("/api/sync?wait=1", { method: "POST" });
  expect(first.status).toBe(200);
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the spreadsheet page in Chromium", () => {
  let row = -1;

  it("opens the ledger as staff see it: tabs, frozen bold header, the synced 台账状态", async () => {
    await page.goto(`${stack.emulator.url}/`);
    await page.click("text=代表建议台账（演示）");
    await expect(page.locator(".tab.active").textContent()).resolves.toBe("建议台账");
    const headers = await page.locator('#grid tbody tr[data-r="0"] > td').allTextContents();
    headers.forEach((text, c) => {
      columns.set(text, c);
    });
    for (const header of ["编号", "主办单位", "交办日期", "办理期限", "台账状态"]) {
      expect(columns.has(header), header).toBe(true);
    }
    await expect(page.locator('#grid tbody tr[data-r="0"] > td.b').count()).resolves.toBe(headers.length);
    // A 待交办 suggestion with neither 主办单位 nor 交办日期 yet.
    const statuses = await page
      .locator(`#grid tbody td[data-c="${columns.get("台账状态")}"]`)
      .allTextContents();
    for (let r = 1; r < statuses.length && row < 0; r++) {
      if (statuses[r] !== "待交办") continue;
      if ((await shown(r, "主办单位")) === "" && (await shown(r, "交办日期")) === "") row = r;
    }
    expect(row).toBeGreaterThan(0);
    await shot("sheet-01-ledger");
  });

  it("types 交办日期 and picks 主办单位 from the dropdown, as a person would", async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await cell(row, "交办日期").click();
    await page.keyboard.type("2026-11-26");
    await page.keyboard.press("Enter");
    await expect.poll(() => shown(row, "交办日期")).toBe("2026-11-26");

    await cell(row, "主办单位").click();
    await cell(row, "主办单位").locator(".dd").click();
    const options = page.locator(".menu.dropdown button");
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    const unit = (await options.first().textContent()) ?? "";
    await options.first().click();
    await expect.poll(() => shown(row, "主办单位")).toBe(unit);
    await shot("sheet-02-assigned");

    const human = stack.emulator.emulator.requests().filter((r) => r.kind === "human");
    const a1 = (header: string) => `'建议台账'!${columnLetter(columns.get(header) ?? 0)}${row + 1}`;
    expect(human.map((r) => r.detail)).toEqual([`set ${a1("交办日期")}`, `set ${a1("主办单位")}`]);
    const read = (header: string) =>
      stack.emulator.emulator.getValues(E2E_SPREADSHEET, a1(header), {
        valueRenderOption: "UNFORMATTED_VALUE",
      });
    expect(read("主办单位")).toEqual([[unit]]);
    // The typed date went in USER_ENTERED: a date serial, as Sheets stores what a person types.
    expect(read("交办日期")).toEqual([[46352]]);
  });

  it("shows 办理期限 and 台账状态 once the Worker syncs, without a reload", async () => {
    const sync = await stack.api("/api/sync?wait=1", { method: "POST" });
    expect(sync.status).toBe(200);
    await expect.poll(() => shown(row, "办理期限"), { timeout: 15_000 }).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await shown(row, "办理期限")) > "2026-11-26").toBe(true);
    await expect
      .poll(() => shown(row, "台账状态"), { timeout: 15_000 })
      .toMatch(/^(办理中|即将到期|已逾期)$/);
    await expect(
      page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
    ).resolves.toBe(true);
    await cell(row, "台账状态").scrollIntoViewIfNeeded();
    await cell(row, "台账状态").click();
    await shot("sheet-03-synced");
  });

  it("warns before a person changes a protected system column, and keeps the value on 取消", async () => {
    const before = await shown(row, "办理期限");
    await cell(row, "办理期限").click();
    await page.keyboard.type("2030-01-01");
    await page.keyboard.press("Enter");
    await expect(page.locator(".dialog h2").textContent()).resolves.toBe("请注意！");
    await expect(page.locator(".dialog p").textContent()).resolves.toContain("仍要修改吗");
    await shot("sheet-04-protected-warning");
    await page.click(".dialog button:text('取消')");
    await expect(page.locator(".dialog").count()).resolves.toBe(0);
    expect(await shown(row, "办理期限")).toBe(before);
  });

  it("does nothing on Ctrl+Z / Ctrl+Y / Cmd+Z over a selected cell: no edit opens, Enter keeps the text", async () => {
    const notes = "电话回访，代表满意";
    await cell(row, "回访意见").scrollIntoViewIfNeeded();
    await cell(row, "回访意见").click();
    await page.keyboard.type(notes);
    await page.keyboard.press("Enter");
    await expect.poll(() => shown(row, "回访意见")).toBe(notes);
    const edits = () => stack.emulator.emulator.requests().filter((r) => r.kind === "human").length;
    const before = edits();

    for (const keys of ["Control+z", "Control+y", "Control+Shift+z", "Meta+z"]) {
      await cell(row, "回访意见").click();
      await page.keyboard.press(keys);
      await expect(page.locator("#editor.editing").count(), keys).resolves.toBe(0);
      // Enter on a selected cell opens it with its own text; Escape leaves it as it was.
      await page.keyboard.press("Enter");
      await expect(page.locator("#editor").inputValue(), keys).resolves.toBe(notes);
      await page.keyboard.press("Escape");
      expect(await shown(row, "回访意见"), keys).toBe(notes);
    }
    expect(edits()).toBe(before);
  });
});
