import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/app";
import { serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { at10, buildOfficeSheet, setLedgerRow2, syncAt10 } from "./notices-setup";

/** 2026-001 (区教育局, 交办 2026-03-02, 办理期限 in June) as replied and rated in April. */
const REPLY = { 答复日期: serialFromIso("2026-04-07"), 答复类别: "A", 满意度: "满意" } as const;
const BLANK = { 答复日期: "", 答复类别: "", 满意度: "" } as const;
const REPLY_NOTE = "（答复内容被清空，待核实）";
const RATING_NOTE = "（满意度被清空，待核实）";

let office = "";

/** A dashboard page as staff see it at noon of `day` (after that day's 10:00 sync). */
async function pageOn(day: string, path: string): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at10(day) + 2 * 3600_000);
  try {
    const ctx = createExecutionContext();
    const response = await app.fetch(
      new Request(`http://jianyi.test${path}`, { headers: { authorization: "Bearer test-admin-token" } }),
      { ...env, SPREADSHEET_ID: office },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const body = await response.text();
    expect(response.status, `${path}: ${body.slice(0, 300)}`).toBe(200);
    return body;
  } finally {
    vi.useRealTimers();
  }
}

/** The row of a SuggestionTable that lists `id`. */
function tableRow(html: string, id: string): string {
  const start = html.indexOf(`<tr><td class="nowrap"><a href="/suggestions/${id}">`);
  expect(start, `no row for ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</tr>", start));
}

/** The 台账状态 cell of a table row. */
const statusCell = (row: string) => /<td data-label="台账状态">(.*?)<\/td>/.exec(row)?.[1] ?? "";

/** The line of the overview's 逾期未答复 list that names `id`. */
function overdueLine(html: string, id: string): string {
  const card = html.slice(html.indexOf("<h2>逾期未答复"));
  const start = card.indexOf(`<div><a href="/suggestions/${id}">`);
  expect(start, `${id} not in 逾期未答复`).toBeGreaterThanOrEqual(0);
  return card.slice(start, card.indexOf("</div>", start));
}

/** What a suggestion's own page (/suggestions/<编号>) says under its title: its status and what follows it. */
function statusLine(html: string): string {
  const start = html.indexOf(`<p class="sub">`);
  expect(start, "no status line").toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf("</p>", start));
}

afterEach(() => vi.useRealTimers());

beforeEach(async () => {
  await resetDatabase();
  office = `dashboard-cleared-${crypto.randomUUID().slice(0, 8)}`;
  await buildOfficeSheet(office);
  await setLedgerRow2(office, REPLY);
  // The office's first sync sees 2026-001 replied and rated.
  await syncAt10(office, "2026-04-20");
});

describe("the dashboard's lists and a suggestion's page mark a suggestion whose reply or rating was cleared, as the 督办周报 does", () => {
  it("says beside 已逾期 that the reply was cleared, during the grace only", async () => {
    // A clerk deletes 答复日期…满意度 of 2026-001, a month after its 办理期限; 2026-002 was never replied.
    await setLedgerRow2(office, BLANK);
    await syncAt10(office, "2026-07-06");

    const list = await pageOn("2026-07-06", `/suggestions?status=${encodeURIComponent("已逾期")}`);
    expect(statusCell(tableRow(list, "2026-001"))).toContain(`已逾期</span>`);
    expect(statusCell(tableRow(list, "2026-001"))).toContain(REPLY_NOTE);
    expect(tableRow(list, "2026-002")).not.toContain("待核实");

    const unit = await pageOn("2026-07-06", `/units/${encodeURIComponent("区教育局")}`);
    expect(statusCell(tableRow(unit, "2026-001"))).toContain(REPLY_NOTE);

    const overview = await pageOn("2026-07-06", "/");
    expect(overdueLine(overview, "2026-001")).toContain(REPLY_NOTE);
    expect(overdueLine(overview, "2026-002")).not.toContain("待核实");

    // A leader who opens it from the list reads the same beside its status on its own page.
    const page = await pageOn("2026-07-06", "/suggestions/2026-001");
    expect(statusLine(page)).toContain(`已逾期</span>`);
    expect(statusLine(page)).toContain(REPLY_NOTE);
    const ordinary = await pageOn("2026-07-06", "/suggestions/2026-002");
    expect(statusLine(ordinary)).toContain(`已逾期</span>`);
    expect(ordinary).not.toContain("待核实");

    // A week on, the cells still blank (cleared on purpose): overdue, said plainly.
    await syncAt10(office, "2026-07-13");
    const after = await pageOn("2026-07-13", `/suggestions?status=${encodeURIComponent("已逾期")}`);
    expect(statusCell(tableRow(after, "2026-001"))).toContain(`已逾期</span>`);
    expect(tableRow(after, "2026-001")).not.toContain("待核实");
    const pageAfter = await pageOn("2026-07-13", "/suggestions/2026-001");
    expect(statusLine(pageAfter)).toContain(`已逾期</span>`);
    expect(pageAfter).not.toContain("待核实");
  });

  it("says beside 待测评 that the rating was cleared, the reply kept", async () => {
    await setLedgerRow2(office, { 满意度: "" });
    await syncAt10(office, "2026-04-22");
    const list = await pageOn("2026-04-22", "/suggestions");
    expect(statusCell(tableRow(list, "2026-001"))).toContain(`待测评</span>`);
    expect(statusCell(tableRow(list, "2026-001"))).toContain(RATING_NOTE);
    expect(list).not.toContain(REPLY_NOTE);

    const page = await pageOn("2026-04-22", "/suggestions/2026-001");
    expect(statusLine(page)).toContain(`待测评</span>`);
    expect(statusLine(page)).toContain(RATING_NOTE);
    expect(page).not.toContain(REPLY_NOTE);
  });
});
