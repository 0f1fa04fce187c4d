import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { buildCalendar } from "../../src/domain/calendar";
import { localDate } from "../../src/jobs/local-time";
import { PROJECT_ROOT } from "../../tools/local-paths";
import type { SinkMessage } from "../../tools/notice-sink";
import { type Browser, launchChromium, SCREENSHOTS } from "./browser";
import { type LocalStack, startLocalStack } from "./local-stack";
import { ledgerRowOf, type Row, tabRows, until } from "./sheet-rows";

/**
 * A unit and a deputy act in the browser of a phone, from the links in their notices: the unit
 * opens its 交办通知's link in the local sink and replies with a PDF; the sheet gets the reply
 * (placed by 编号) and the 答复函 link; the deputy opens the 答复告知's link and rates; the sheet
 * gets 满意度. Before replying, the unit records a contact and asks for an extension: the rows land
 * in 沟通记录 and 延期申请. Everything runs locally: the emulator, the Worker with local D1, Queues and R2.
 */

const PHONE = { width: 390, height: 844 };
/**
 * What a unit and a deputy see, kept in the repository (docs/): written there only when asked
 * (E2E_UPDATE_DOCS=1), so an ordinary test run leaves the worktree as it was.
 */
const DOCS = process.env.E2E_UPDATE_DOCS === "1" ? path.join(PROJECT_ROOT, "docs") : null;

/**
 * When the notices run after the unit's reply: now on a working day in Beijing, else 09:00 of the
 * next one. The demo office sends notices on working days only (设置 仅工作日发送, default 是), so
 * a run on a weekend or holiday there rightly plans none.
 */
function nextWorkingNow(): string {
  const today = localDate(Date.now(), "Asia/Shanghai");
  const day = buildCalendar().rollForward(today);
  return day === today
    ? new Date().toISOString()
    : new Date(Date.parse(`${day}T09:00:00+08:00`)).toISOString();
}

let stack: LocalStack;
let browser: Browser;
let page: Page;
let scratchPdf = "";
let bigPdf = "";
let bigPhoto = "";

const tab = (name: string) => tabRows(stack, name);
const ledgerRow = (id: string) => ledgerRowOf(stack, id);

function linkIn(message: SinkMessage): string {
  const match = /(http:\/\/127\.0\.0\.1:\d+\/l\/[A-Za-z0-9_.-]+(?:\/s\/[^\s）]+)?)/.exec(message.text);
  if (!match?.[1]) throw new Error(`no personal link in the notice:\n${message.text}`);
  return match[1];
}

async function sinkMessage(title: string, recipientHint: (m: SinkMessage) => boolean): Promise<SinkMessage> {
  let found: SinkMessage | undefined;
  await until(`a notice “${title}” in the sink`, async () => {
    found = stack.sink?.messages.find((m) => m.title.includes(title) && recipientHint(m));
    return found !== undefined;
  });
  return found as SinkMessage;
}

async function shot(name: string, keep = false): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (keep && DOCS) await page.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage: true });
}

let chosen: { id: string; unit: string; deputy: string; assigned: string };

beforeAll(async () => {
  stack = await startLocalStack({ sink: true, consumers: true });
  expect((await stack.api("/api/sync?wait=1", { method: "POST" })).status).toBe(200);
  // A suggestion waiting for its first reply (its 交办通知 is due), whose lead deputy can be reached.
  const deputies = new Map((await tab(TAB_NAMES.deputies)).map((d) => [d.姓名, d]));
  const reachable = (name: string) => {
    const d = deputies.get(name);
    return Boolean(d && (d.邮箱 || d.机器人地址));
  };
  // Its lead unit may still ask for an extension: none asked for yet, and round 1 not six months.
  const asked = new Set((await tab(TAB_NAMES.extensions)).map((e) => e.编号));
  const row = (await tab(TAB_NAMES.ledger)).find(
    (r) =>
      ["办理中", "即将到期", "已逾期"].includes(r.台账状态 ?? "") &&
      !r.答复日期 &&
      !r.二次交办日期 &&
      r.办理时限 !== "六个月" &&
      !asked.has(r.编号 ?? "") &&
      r.主办单位 &&
      reachable(r.领衔代表 ?? ""),
  );
  if (!row) throw new Error("the demo has no suggestion waiting for a reply");
  chosen = {
    id: row.编号 ?? "",
    unit: row.主办单位 ?? "",
    deputy: row.领衔代表 ?? "",
    assigned: row.交办日期 ?? "",
  };
  mkdirSync(SCREENSHOTS, { recursive: true });
  scratchPdf = path.join(SCREENSHOTS, "答复函.pdf");
  writeFileSync(scratchPdf, "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  bigPdf = path.join(SCREENSHOTS, "scan-11mb.pdf");
  writeFileSync(bigPdf, Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024, 0x20)]));
  // A phone's photo, 19 MB (a JPEG by its first bytes and its name).
  bigPhoto = path.join(SCREENSHOTS, "photo-19mb.jpg");
  writeFileSync(
    bigPhoto,
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(19 * 1024 * 1024)]),
  );
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize(PHONE);
});

afterAll(async () => {
  if (bigPdf) rmSync(bigPdf, { force: true });
  if (bigPhoto) rmSync(bigPhoto, { force: true });
  await browser?.close();
  await stack?.stop();
});

describe("personal links on a phone", () => {
  let unitLink = "";

  it("a unit opens the link of its 交办通知 from the sink and sees the suggestion, and whose page it is", async () => {
    // The day after the 交办会: the 交办通知 of every suggestion still waiting goes out, with links.
    const day = new Date(Date.parse(`${chosen.assigned}T09:00:00+08:00`) + 86_400_000).toISOString();
    const run = await stack.api(`/api/notices/run?now=${encodeURIComponent(day)}`, { method: "POST" });
    expect(run.status).toBe(200);
    const notice = await sinkMessage(`交办通知：${chosen.id} `, (m) => m.text.startsWith(`${chosen.unit}：`));
    unitLink = linkIn(notice);
    expect(unitLink.endsWith(`/s/${chosen.id}`)).toBe(true);
    expect(notice.text).toContain(`仅供${chosen.unit}使用，请勿转发`);

    await page.goto(unitLink);
    await expect(page.locator(".lk-banner").textContent()).resolves.toContain(chosen.unit);
    await expect(page.locator("h1").textContent()).resolves.toContain(chosen.id);
    await shot("links-unit-phone", true);
  });

  it("records a contact and requests an extension through its link; the sheet shows the rows in 沟通记录 and 延期申请", async () => {
    await page.goto(unitLink);
    await page.click("summary:has-text('记录与代表的沟通')");
    const contact = page.locator("form[action$='/contact']");
    await contact.locator("input[name=阶段][value=办前]").check();
    await contact.locator("select[name=方式]").selectOption("电话");
    await contact.locator("textarea[name=内容]").fill("电话联系代表，商定实地察看的时间。");
    await shot("links-unit-contact");
    await contact.locator("button[type=submit]").click();
    await expect(page.locator(".alert.ok").textContent()).resolves.toContain("沟通记录已保存");

    await page.click("summary:has-text('申请延期')");
    const extension = page.locator("form[action$='/extension']");
    await extension.locator("textarea[name=理由]").fill("需协调市级部门统筹资金，三个月内难以办结。");
    await extension.locator("button[type=submit]").click();
    await expect(page.locator(".alert.ok").textContent()).resolves.toContain("延期申请已提交");
    await shot("links-unit-extension", true);

    const ours = (r: Row) => r.编号 === chosen.id && r.内容 === "电话联系代表，商定实地察看的时间。";
    await until("the contact in 沟通记录", async () => (await tab(TAB_NAMES.contacts)).some(ours));
    const contacts = (await tab(TAB_NAMES.contacts)).filter(ours);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ 承办单位: chosen.unit, 阶段: "办前", 方式: "电话", 代表参加: "否" });
    await until("the request in 延期申请", async () =>
      (await tab(TAB_NAMES.extensions)).some((r) => r.编号 === chosen.id),
    );
    const requests = (await tab(TAB_NAMES.extensions)).filter((r) => r.编号 === chosen.id);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      申请单位: chosen.unit,
      理由: "需协调市级部门统筹资金，三个月内难以办结。",
      审批结果: "",
    });
  });

  it("refuses an 11 MB letter in the form with a Chinese message, keeping what was typed", async () => {
    await page.check("input[name=答复类别][value=B]");
    await page.fill("textarea[name=答复内容]", "已列入明年计划。");
    await page.setInputFiles("input[name=答复函]", bigPdf);
    await page.click("button:has-text('提交答复')");
    // The form's script refused it by its size before sending it, in the Worker's words.
    const refusal = page.locator(".lk-upload-status.danger");
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain("答复函文件约 11.0 MB，超过 10 MB 的上限");
    await expect(page.inputValue("textarea[name=答复内容]")).resolves.toBe("已列入明年计划。");
    await expect(page.isEnabled("button:has-text('提交答复')")).resolves.toBe(true);
    await shot("links-unit-too-large");
  });

  it("refuses a 19 MB photo before sending any of it, with the photo advice, keeping what was typed", async () => {
    await page.goto(unitLink);
    const sent: string[] = [];
    const watch = (request: { method(): string; url(): string }) => {
      if (request.method() !== "GET") sent.push(`${request.method()} ${request.url()}`);
    };
    page.on("request", watch);
    await page.check("input[name=答复类别][value=A]");
    await page.fill("textarea[name=答复内容]", "已完成拓宽，详见答复函。");
    await page.setInputFiles("input[name=答复函]", bigPhoto);
    await page.click("button:has-text('提交答复')");
    const refusal = page.locator(".lk-upload-status.danger");
    await refusal.waitFor();
    // A request the click started would be seen by now.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
    page.off("request", watch);

    expect(sent).toEqual([]);
    await expect(refusal.textContent()).resolves.toBe(
      "答复函图片约 19.0 MB，超过 10 MB 的上限：请在相册中打开照片，放大到答复函占满屏幕后截屏，上传截图，" +
        "或发给微信“文件传输助手”（不勾选“原图”），保存收到的图片后上传",
    );
    await expect(page.inputValue("textarea[name=答复内容]")).resolves.toBe("已完成拓宽，详见答复函。");
    await expect(page.isChecked("input[name=答复类别][value=A]")).resolves.toBe(true);
    await expect(page.isEnabled("button:has-text('提交答复')")).resolves.toBe(true);
    await shot("links-unit-photo-too-large");
  });

  it("a C reply without its reason opens focused on what to fix, which leads to the field", async () => {
    await page.goto(unitLink);
    await page.check("input[name=答复类别][value=C]");
    await page.click("button:has-text('提交答复')");
    await page.waitForURL(/\/reply#reply-errors$/);
    // A screen reader starts at the summary, not at the page's top (BODY).
    const focused = () => page.evaluate("document.activeElement.id");
    await expect(focused()).resolves.toBe("reply-errors");
    const summaryLink = page.locator("#reply-errors a[href='#reply-text']");
    await expect(summaryLink.textContent()).resolves.toContain("请在答复内容中说明原因");
    const text = page.locator("#reply-text");
    await expect(text.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(
      page.evaluate("getComputedStyle(document.getElementById('reply-text')).borderTopColor"),
    ).resolves.toBe("rgb(198, 40, 40)");
    await expect(page.locator("#reply-text-error").textContent()).resolves.toContain(
      "请在答复内容中说明原因",
    );
    await summaryLink.click();
    await expect(focused()).resolves.toBe("reply-text");
    await expect(page.isChecked("input[name=答复类别][value=C]")).resolves.toBe(true);
    await shot("links-unit-refused-field");
  });

  it("the unit's list keeps its small texts readable (14 px, badges 13 px) on a 360 px phone", async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    try {
      await page.goto(unitLink.replace(/\/s\/[^/]+$/, ""));
      const sizes = await page.evaluate(`({
        meta: getComputedStyle(document.querySelector(".lk-meta")).fontSize,
        badge: getComputedStyle(document.querySelector(".lk-meta .badge")).fontSize,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      })`);
      expect(sizes).toEqual({ meta: "14px", badge: "13px", overflow: 0 });
    } finally {
      await page.setViewportSize(PHONE);
    }
  });

  it("replies with a PDF; the sheet shows the reply on that 编号 and the 答复函 link", async () => {
    await page.goto(unitLink);
    await page.check("input[name=答复类别][value=A]");
    await page.fill("textarea[name=答复内容]", "已按建议完成改造，详见答复函。");
    await page.setInputFiles("input[name=答复函]", scratchPdf);
    const upload = page.waitForResponse(
      (r) => r.request().method() === "PUT" && r.url().includes("/letter?"),
    );
    await page.click("button:has-text('提交答复')");
    expect((await upload).status()).toBe(201);
    await page.waitForURL(/\?done=reply#top$/);
    await expect(page.locator(".alert.ok").textContent()).resolves.toContain("答复已提交");
    await shot("links-unit-replied");

    await until("the reply in the sheet", async () => (await ledgerRow(chosen.id)).答复类别 === "A");
    const row = await ledgerRow(chosen.id);
    expect(row.答复内容).toBe("已按建议完成改造，详见答复函。");
    expect(row.答复函).toMatch(
      new RegExp(`^${stack.workerUrl}/files/letters/${chosen.id}/link-[0-9a-f-]+\\.pdf$`),
    );
    const letter = await page.request.get(row.答复函 ?? "");
    expect(letter.status()).toBe(401); // the sheet's address is for signed-in staff only
  });

  it("the deputy opens the link of the 答复告知, sees the reply and its letter, and rates; the sheet shows 满意度", async () => {
    expect((await stack.api("/api/sync?wait=1", { method: "POST" })).status).toBe(200);
    const run = await stack.api(`/api/notices/run?now=${encodeURIComponent(nextWorkingNow())}`, {
      method: "POST",
    });
    expect(run.status).toBe(200);
    const notice = await sinkMessage("您的建议已有答复", (m) => m.text.includes(`（编号 ${chosen.id}）`));
    const deputyLink = linkIn(notice);

    await page.goto(deputyLink);
    await expect(page.locator(".lk-banner").textContent()).resolves.toContain(`${chosen.deputy}代表`);
    await expect(page.locator("section.card").allTextContents()).resolves.toContainEqual(
      expect.stringContaining("已按建议完成改造"),
    );
    const letterHref = await page.locator("a:has-text('答复函 1（PDF）')").getAttribute("href");
    const letter = await page.request.get(new URL(letterHref ?? "", deputyLink).href);
    expect(letter.status()).toBe(200);
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    expect((await letter.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await page.check("input[name=满意度][value=满意]");
    await page.fill("textarea[name=测评意见]", "办理及时，感谢。");
    await shot("links-deputy-phone", true);
    await page.click("button:has-text('提交测评')");
    await expect(page.locator(".alert.ok").textContent()).resolves.toContain("测评已提交");

    await until("满意度 in the sheet", async () => (await ledgerRow(chosen.id)).满意度 === "满意");
    expect((await ledgerRow(chosen.id)).备注).toContain(`测评意见（${chosen.deputy}）：办理及时，感谢。`);
  });
});
