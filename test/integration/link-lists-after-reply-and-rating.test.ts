import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  postForm,
  postMultipart,
  REPLIED_AWAITING_RATING,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * Right after a unit replies or a deputy rates through the link, before the next sync: the home
 * page's list says what the suggestion's page says (the reply or rating sent, how far it got), not
 * the 即将到期 / 剩 … 天 or 待测评 the ledger as of the last sync still holds. 2026-001 (区教育局)
 * is due in a few days; 2026-004 (区教育局, 张明) was replied to and awaits 张明's rating.
 */
const office = `lists-sent-${crypto.randomUUID().slice(0, 8)}`;

let unit = "";
let deputy = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: { "2026-001": { 交办日期: serialFromIso(addDaysIso(TODAY, -87)) } },
    more: [REPLIED_AWAITING_RATING],
  });
  await syncOffice(office);
  unit = (await makeLink("unit", "区教育局")).path;
  deputy = (await makeLink("deputy", "张明")).path;
});

/** A suggestion's card in a list: its badges and facts. */
function card(html: string, id: string): string {
  const at = html.indexOf(`<span class="nowrap">${id}</span>`);
  expect(at, `no card of ${id}`).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf("<li", at), html.indexOf("</li>", at));
}

/** The list (by its heading) a card is under. */
function headingOf(html: string, id: string): string {
  const at = html.indexOf(`<span class="nowrap">${id}</span>`);
  const h2 = html.lastIndexOf("<h2>", at);
  return html.slice(h2 + 4, html.indexOf("</h2>", h2));
}

describe("a unit's home page after its reply", () => {
  it("lists the suggestion as replied, as its page says, not 即将到期 with days left", async () => {
    const before = await (await browse(unit)).text();
    expect(card(before, "2026-001")).toContain("即将到期");
    expect(headingOf(before, "2026-001")).toBe("待答复（主办）");

    const page = `${unit}/s/2026-001`;
    const form = new FormData();
    form.append("nonce", nonceOf(await (await browse(page)).text(), `${page}/reply`));
    form.append("答复类别", "A");
    form.append("答复内容", "已拓宽道路并设置接送区。");
    form.append("答复日期", TODAY);
    const sent = await postMultipart(`${page}/reply`, form);
    expect(sent.status).toBe(303);

    const suggestion = await (await browse(page)).text();
    expect(suggestion).toContain(`${TODAY}（本单位提交的答复：正在写入台账）`);

    const told = `本单位已提交答复（答复日期 ${TODAY}），正在写入台账`;
    const home = await (await browse(unit)).text();
    const item = card(home, "2026-001");
    expect(item).toContain("已提交答复");
    expect(item).toContain(told);
    expect(item).not.toContain("即将到期");
    expect(item).not.toMatch(/剩 \d+ 天/);
    expect(headingOf(home, "2026-001")).toBe("已答复（主办）");
    expect(home).toContain("目前没有等待本单位答复的建议。");
    // The suggestion's own header says the same in place of its status and days left.
    const header = suggestion.slice(suggestion.indexOf("<h1>"), suggestion.indexOf('<section class="card">'));
    expect(header).toContain(told);
    expect(header).not.toMatch(/剩 \d+ 天/);
  });
});

describe("a deputy's home page after the rating", () => {
  it("lists the suggestion as rated, as its page says, not 待测评", async () => {
    const before = await (await browse(deputy)).text();
    expect(card(before, "2026-004")).toContain("待测评");

    const page = `${deputy}/s/2026-004`;
    const rated = await postForm(`${page}/rating`, {
      nonce: nonceOf(await (await browse(page)).text(), `${page}/rating`),
      满意度: "满意",
      测评意见: "",
    });
    expect(rated.status).toBe(303);
    expect(await (await browse(page)).text()).toContain(
      `您已于 ${TODAY} 提交本轮答复的测评，正在写入台账；如需修改，请联系代表工委`,
    );

    const item = card(await (await browse(deputy)).text(), "2026-004");
    expect(item).toContain("已提交测评");
    expect(item).toContain(`您已于 ${TODAY} 提交测评，正在写入台账`);
    expect(item).not.toContain("待测评");
  });
});
