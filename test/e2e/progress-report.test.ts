import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { buildCalendar } from "../../src/domain/calendar";
import { addDaysIso } from "../../src/domain/civil-date";
import type { SinkMessage } from "../../tools/notice-sink";
import { type Browser, launchChromium, SCREENSHOTS } from "./browser";
import { type LocalStack, startLocalStack } from "./local-stack";
import { ledgerRowOf, tabRows, until } from "./sheet-rows";

/**
 * 报送落实情况 in the browser of a phone: a B reply the deputy rated 满意 is 跟踪落实 (ledger.md status
 * rule 10; the demo year holds 20 such rows). Its lead unit gets the 跟踪提醒 that asks for the latest
 * progress, opens the reminder's link, reports 已落实 with a 说明 on the page, and sees it taken; the
 * intake writes 落实情况 and a 备注 line into the sheet, and the next sync makes it 已办结. Everything
 * runs locally: the emulator, the Worker with local D1 and Queues, the notice sink.
 */

const PHONE = { width: 390, height: 844 };
const NOTE = "道路改造工程已完工并通过验收，已于上月投入使用。";

let stack: LocalStack;
let browser: Browser;
let page: Page;
let chosen: { id: string; unit: string; repliedOn: string };

const tab = (name: string) => tabRows(stack, name);
const ledgerRow = (id: string) => ledgerRowOf(stack, id);

async function sync(): Promise<void> {
  expect((await stack.api("/api/sync?wait=1", { method: "POST" })).status).toBe(200);
}

beforeAll(async () => {
  stack = await startLocalStack({ sink: true, consumers: true });
  await sync();
  // A 跟踪落实 suggestion of one round whose lead unit can be reached, still 推进中 in the sheet.
  const units = new Map((await tab(TAB_NAMES.units)).map((u) => [u.单位名称, u]));
  const reachable = (name: string) => {
    const u = units.get(name);
    return Boolean(u && (u.邮箱 || u.机器人地址));
  };
  const row = (await tab(TAB_NAMES.ledger)).find(
    (r) =>
      r.台账状态 === "跟踪落实" &&
      r.答复类别 === "B" &&
      r.落实情况 === "推进中" &&
      /^\d{4}-\d\d-\d\d$/.test(r.答复日期 ?? "") &&
      !r.二次交办日期 &&
      reachable(r.主办单位 ?? ""),
  );
  if (!row) throw new Error("the demo has no 跟踪落实 suggestion of a reachable unit");
  chosen = { id: row.编号 ?? "", unit: row.主办单位 ?? "", repliedOn: row.答复日期 ?? "" };
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize(PHONE);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("报送落实情况 on a phone", () => {
  let unitLink = "";

  it("the 跟踪提醒 carries the lead unit's link, and its page offers the form on the 跟踪落实 suggestion", async () => {
    // The first 跟踪提醒 is due 跟踪提醒间隔天数 (90) after the reply; the demo sends on working days.
    const due = buildCalendar().rollForward(addDaysIso(chosen.repliedOn, 90));
    const now = new Date(Date.parse(`${due}T09:00:00+08:00`)).toISOString();
    const run = await stack.api(`/api/notices/run?now=${encodeURIComponent(now)}`, { method: "POST" });
    expect(run.status).toBe(200);
    let notice: SinkMessage | undefined;
    await until(`the 跟踪提醒 of ${chosen.id} in the sink`, async () => {
      notice = stack.sink?.messages.find(
        (m) => m.title.includes(`建议落实情况跟踪：${chosen.id} `) && m.text.startsWith(`${chosen.unit}：`),
      );
      return notice !== undefined;
    });
    const text = notice?.text ?? "";
    expect(text).toContain("在线报送落实情况");
    const match = /(http:\/\/127\.0\.0\.1:\d+\/l\/[A-Za-z0-9_.-]+\/s\/[^\s）]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no link to the suggestion in the 跟踪提醒:\n${text}`);
    unitLink = match[1];
    expect(unitLink.endsWith(`/s/${chosen.id}`)).toBe(true);

    await page.goto(unitLink);
    await expect(page.locator(".lk-banner").textContent()).resolves.toContain(chosen.unit);
    await expect(page.locator("h1").textContent()).resolves.toContain(chosen.id);
    await expect(page.locator("h1 + .lk-meta").textContent()).resolves.toContain("跟踪落实");
    const form = page.locator("section.card", { has: page.locator("h2:has-text('报送落实情况')") });
    await expect(form.count()).resolves.toBe(1);
    // The ledger's 落实情况 is chosen already: a report of unchanged progress needs only its 说明.
    await expect(form.locator("input[name=落实情况][value=推进中]").isChecked()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "links-unit-progress.png"), fullPage: true });
  });

  it("reports 已落实 with a 说明; the page takes it, the sheet shows 落实情况 and 备注, the next sync makes it 已办结", async () => {
    await page.goto(unitLink);
    const form = page.locator("form[action$='/progress']");
    await form.locator("input[name=落实情况][value=已落实]").check();
    await form.locator("textarea[name=说明]").fill(NOTE);
    await form.locator("button:has-text('报送落实情况')").click();
    await page.waitForURL(/\?done=progress#top$/);
    await expect(page.locator(".alert.ok").textContent()).resolves.toContain("落实情况已报送");
    // 已提交 lists it (received, or written already: the intake queue may be that quick).
    await expect(page.locator("#sent + ul").textContent()).resolves.toContain("提交的落实情况报送：");
    await page.screenshot({ path: path.join(SCREENSHOTS, "links-unit-progress-sent.png"), fullPage: true });

    await until("落实情况 in the sheet", async () => (await ledgerRow(chosen.id)).落实情况 === "已落实");
    const notes = (await ledgerRow(chosen.id)).备注 ?? "";
    const line = new RegExp(
      `^落实情况报送（${chosen.unit} · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d）：已落实。说明：${NOTE}$`,
      "gm",
    );
    expect(notes.match(line), notes).toHaveLength(1);

    await sync();
    expect((await ledgerRow(chosen.id)).台账状态).toBe("已办结");
    await page.goto(unitLink);
    await expect(page.locator("h1 + .lk-meta").textContent()).resolves.toContain("已办结");
    await expect(page.locator("form[action$='/progress']").count()).resolves.toBe(0);
  });
});
