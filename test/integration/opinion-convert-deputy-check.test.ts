import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, opinionsTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { opinionKey } from "../../src/domain/evaluation/opinions";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { call, dashboardDeps, postForm, SHEET, seededAtFixtureTime } from "./dashboard-helpers";

const DEPUTY = DEPUTIES[0] as string;
const opinionHeaders = opinionsTab.columns.map((c) => c.header);
const opinion = (date: string, deputy: string, content: string) => ({
  cells: [serialFromIso(date), "城关镇联络站", "李大爷", content, deputy, "", "", ""],
  key: opinionKey({ date, station: "城关镇联络站", deputy, content }),
});

// 民意 rows 2–4: a deputy of 代表, a name 代表 lacks, and a name two deputies share written apart.
const KNOWN = opinion("2026-10-12", DEPUTY, "小区门口路灯坏了三个月");
const UNKNOWN = opinion("2026-10-13", "钱小明", "公交站台没有遮雨棚");
const SHARED = opinion("2026-10-14", "王伟", "菜市场周边停车难");
const tabs = buildFixture(20);
tabs[TAB_NAMES.opinions] = [opinionHeaders, KNOWN.cells, UNKNOWN.cells, SHARED.cells];
tabs[TAB_NAMES.deputies]?.push(["王伟(北关)", "城关代表团"], ["王伟(文峰)", "城关代表团"]);
seededAtFixtureTime(tabs);

const UNKNOWN_REASON =
  "这条民意（第 3 行）的接待代表“钱小明”不在『代表』表中，转化后它将是建议的领衔代表：请先在『民意』中把接待代表改为『代表』表中的姓名（新代表请先添加到『代表』表），再转化";
const SHARED_REASON =
  "这条民意（第 4 行）的接待代表“王伟”在『代表』表中有同名的 王伟(北关)、王伟(文峰)：请先在『民意』中把接待代表写明是哪一位（如 王伟(北关)），再转化";

const suggestionsInInbox = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM inbox WHERE form = 'suggestion'").first<{ n: number }>())
    ?.n;

describe("转化为建议：接待代表须是『代表』表中的一位代表", () => {
  it("『民意』页对接待代表不在代表表或同名未区分的民意不给按钮，写明原因和怎么改", async () => {
    const html = await (await call("/opinions")).text();
    expect(html.match(/>转化为建议<\/button>/g)).toHaveLength(1);
    expect(html).toContain(`name="key" value="${KNOWN.key}"`);
    expect(html).not.toContain(`value="${UNKNOWN.key}"`);
    expect(html).not.toContain(`value="${SHARED.key}"`);
    expect(html).toContain(UNKNOWN_REASON);
    expect(html).toContain(SHARED_REASON);
  });

  it("接待代表不在『代表』表中：拒绝转化（409），不新增建议", async () => {
    const before = await suggestionsInInbox();
    const refused = await postForm("/opinions/convert", { key: UNKNOWN.key, row: "3" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(UNKNOWN_REASON);
    expect(await suggestionsInInbox()).toBe(before);
  });

  it("接待代表与两位同名代表都不一致：拒绝转化（409），列出同名的代表", async () => {
    const before = await suggestionsInInbox();
    const refused = await postForm("/opinions/convert", { key: SHARED.key, row: "4" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(SHARED_REASON);
    expect(await suggestionsInInbox()).toBe(before);
  });

  it("在『代表』表中补上该代表后（不等同步）即可转化（按表格现状核对，不是上次同步的缓存）", async () => {
    const deps = await dashboardDeps();
    const at = (await emulator.getValues(SHEET, `'${TAB_NAMES.deputies}'`)).length + 1;
    const row = deputiesTab.columns.map((c) => (c.header === "姓名" ? "钱小明" : ""));
    await deps.sheets.batchUpdateValues([{ range: `'${TAB_NAMES.deputies}'!A${at}`, values: [row] }], "RAW");
    const converted = await postForm("/opinions/convert", { key: UNKNOWN.key, row: "3" });
    expect(converted.status).toBe(303);
    expect(converted.headers.get("location")).toMatch(/converted=2026-\d{3}$/);
  });
});
