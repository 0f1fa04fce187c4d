import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab } from "../../sheets-schema/tabs";
import { columnLetter, quoteSheet } from "../../src/domain/a1";
import { runSync } from "../../src/jobs/sync/run-sync";
import { buildFixture, DEPUTIES, FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { anonymous, call, dashboardDeps, seedAndSync } from "./dashboard-helpers";

/*
 * The 回访登记表 (explorer BG): what the visiting team takes along of each drawn suggestion — the
 * deputy's and the units' phones, the reply and its 答复内容, whether a 答复函 is on record, ruled
 * cells to fill in — and the 回访意见 typed in the ledger since, under its suggestion.
 */

const tabs = buildFixture(40);
const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
const header = ledger[0] as string[];
const rowOf = (id: string) => ledger.findIndex((r) => r[header.indexOf("编号")] === id);
const cellOf = (id: string, h: string) =>
  `${quoteSheet(TAB_NAMES.ledger)}!${columnLetter(header.indexOf(h))}${rowOf(id) + 1}`;

// 2026-013 (张海12, 区教育局, answered A): its 答复内容 and 答复函 as a unit's reply leaves them.
const answered = ledger[rowOf("2026-013")] as (string | number)[];
answered[header.indexOf("答复内容")] = "已完成校舍维修，新学期投入使用";
answered[header.indexOf("答复函")] = "https://jianyi.example/files/letters/2026-013/reply.pdf";
// 代表 with phones (the fixture lists names only).
const deputyHeader = deputiesTab.columns.map((c) => c.header);
tabs[TAB_NAMES.deputies] = [
  deputyHeader,
  ...DEPUTIES.map((name, i) => {
    const row = deputyHeader.map(() => "");
    row[0] = name;
    row[1] = "城关代表团";
    row[deputyHeader.indexOf("手机")] = `139${String(i).padStart(8, "0")}`;
    return row;
  }),
];

const NOTES = "代表对维修结果满意，建议增加课桌椅";
let sampleId = 0;

beforeAll(async () => {
  await seedAndSync(tabs);
  const drawn = await call("/api/samples", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode: "count", amount: 18, seed: "visit-form", year: 2026 }),
  });
  expect(drawn.status).toBe(201);
  sampleId = ((await drawn.json()) as { sample: { id: number } }).sample.id;
  // Confirmed (回访 = 是 written), visited, and its notes typed in the sheet; then the next sync.
  expect((await call(`/api/samples/${sampleId}/confirm`, { method: "POST" })).status).toBe(200);
  const deps = await dashboardDeps();
  await deps.sheets.batchUpdateValues([{ range: cellOf("2026-013", "回访意见"), values: [[NOTES]] }], "RAW");
  const synced = await runSync(deps, "test", FIXTURE_NOW_MS);
  expect(synced.outcome).toBe("ok");
});

/** The block of one 编号 on the form (from its heading to the next block). */
const blockOf = (html: string, id: string): string => {
  const start = html.indexOf(`<h2>${id} `);
  if (start < 0) return "";
  const end = html.indexOf('<section class="visit-block">', start);
  return html.slice(start, end < 0 ? undefined : end);
};

describe("回访登记表", () => {
  it("prints a block a drawn suggestion with the phones, the reply, the cells to fill in and the 回访意见 typed", async () => {
    const response = await call(`/sampling/${sampleId}/visit-form`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(
      new RegExp(`代表建议回访登记表 · 第 ${sampleId} 次抽样（\\d{4}-\\d{2}-\\d{2} 抽取）`),
    );
    expect(html.split('<section class="visit-block">')).toHaveLength(19);
    expect(html).toContain("本表含代表和承办单位联系人的手机号码等个人信息");
    expect(html).toContain("共抽中 18 件：已填回访意见 1 件");
    const block = blockOf(html, "2026-013");
    expect(block).toContain("关于改进第13号民生事项的建议");
    // 张海12 is DEPUTIES[12].
    expect(block).toContain("<td>张海12</td>");
    expect(block).toContain(`<td colspan="3">13900000012</td>`);
    expect(block).toContain("区教育局：联系人 联系人，手机 13800000000");
    expect(block).toContain("2026-05-20");
    expect(block).toContain("<td>基本满意</td>");
    expect(block).toContain("已完成校舍维修，新学期投入使用");
    expect(block).toContain("<td>有（可在系统中查看）</td>");
    for (const blank of ["回访时间", "回访人", "回访方式", "代表意见", "回访意见"])
      expect(block).toContain(`<th>${blank}</th>`);
    expect(block).toContain("□ 当面　　□ 电话");
    expect(block).toContain(`台账中已填的回访意见：${NOTES}`);
    // 2026-011 was answered again: the form asks about round 2's reply (C on 2026-07-01, 不满意).
    const second = blockOf(html, "2026-011");
    expect(second).toContain("2026-07-01（二次答复）");
    expect(second).toContain("<td>不满意</td>");
    expect(second).toContain("<td>无</td>");
    expect(second).not.toContain("台账中已填的回访意见");
    // A-A print sheet: its own stylesheet, one page a block.
    expect(html).toContain('<link rel="stylesheet" href="/assets/visit-form.css"/>');
    const css = await anonymous("/assets/visit-form.css");
    expect(css.status).toBe(200);
    expect(await css.text()).toContain(".visit-block+.visit-block{break-before:page}");
  });

  it("is kept by no cache and listed by no search engine, and asks for the sign-in", async () => {
    const response = await call(`/sampling/${sampleId}/visit-form`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const signedOut = await anonymous(`/sampling/${sampleId}/visit-form`, {
      headers: { accept: "text/html" },
    });
    expect([302, 303, 401]).toContain(signedOut.status);
    expect(await signedOut.text()).not.toContain("13900000012");
  });

  it("keeps the list handed out without phones", async () => {
    const csv = await (await call(`/exports/samples/${sampleId}.csv`)).text();
    expect(csv).not.toContain("1390000");
    expect(csv).not.toContain("13800000000");
  });

  it("the year report says how many were visited, in the narrative the .docx carries too", async () => {
    const html = await (await call("/report?year=2026")).text();
    expect(html).toContain("抽中回访 18");
    expect(html).toContain("从18件已答复建议中抽选18件列入跟踪回访，已填写回访意见1件。");
  });

  it("shows on the sample's page how the visits stand, with the way to the form", async () => {
    const html = await (await call(`/sampling/${sampleId}`, { headers: { accept: "text/html" } })).text();
    expect(html).toContain("共抽中 18 件：已填回访意见 1 件。");
    expect(html).toContain(`href="/sampling/${sampleId}/visit-form">打印回访登记表（含手机号）</a>`);
  });

  it("answers an unknown sample with a Chinese page", async () => {
    const response = await call("/sampling/777/visit-form", { headers: { accept: "text/html" } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("没有第 777 次抽样");
  });
});
