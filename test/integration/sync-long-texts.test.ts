import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { LONG_TEXT_MAX } from "../../sheets-schema/cells/text-cells";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { loadRow } from "../../src/domain/summary/summary-row";
import { runSync } from "../../src/jobs/sync/run-sync";
import { createSummaryStore } from "../../src/store/summary-store";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets, UNITS } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";
import { call, dashboardDeps, SHEET, seedAndSync } from "./dashboard-helpers";

const headers = ledgerTab.columns.map((c) => c.header);
const col = (header: string) => headers.indexOf(header);

/** Every long-text column staff fill in (内容摘要, 预审意见, 答复内容, 回访意见, 备注). */
const LONG_HEADERS = ledgerTab.columns
  .filter((c) => c.cell.kind === "longText" && c.owner === "staff")
  .map((c) => c.header);

/** A text of exactly jianyi's own limit, naming its row and column (so each cell is told apart). */
const longText = (row: number, header: string) => {
  const start = `第${row}行${header}：`;
  return start + "长".repeat(LONG_TEXT_MAX - start.length);
};

/** Whether `text` holds `part` (a failure names the part's start, not its 5,000 characters). */
const holds = (text: string, part: string) =>
  expect(text.includes(part), `holds ${part.slice(0, 12)}…`).toBe(true);

/** 100 rows (one sync chunk) with every long-text cell at 5,000 characters; row 2 without 编号. */
function ledgerOfLongTexts() {
  const tabs = buildFixture(100);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  for (let row = 2; row <= 101; row++) {
    const cells = ledger[row - 1] as (string | number)[];
    for (const header of LONG_HEADERS) cells[col(header)] = longText(row, header);
  }
  const second = ledger[1] as (string | number)[];
  second[col("编号")] = "";
  second[col("审查结果")] = "立案";
  second[col("交办日期")] = serialFromIso("2026-10-20");
  second[col("主办单位")] = UNITS[0] as string;
  return tabs;
}

describe("a chunk whose long texts are all at jianyi's own limit", () => {
  let message = "";
  beforeAll(async () => {
    await seedAndSync(ledgerOfLongTexts()).catch((error: unknown) => {
      message = String(error);
    });
  });

  it("syncs: row 2 gets its 编号, 办理期限 and 台账状态", async () => {
    expect(message).toBe("");
    const ledger = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'`, "UNFORMATTED_VALUE");
    const row2 = ledger[1] ?? [];
    expect(String(row2[col("编号")])).toMatch(/^2026-\d{3}$/);
    expect(row2[col("台账状态")]).toBe("办理中");
    expect(row2[col("办理期限")]).not.toBe("");
    // A second sync of the same texts completes too (the cron's every run).
    const again = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS + 600_000);
    expect(again).toMatchObject({ outcome: "ok" });
  });

  it("exports the full texts of every row", async () => {
    const response = await call("/exports/ledger.csv");
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const header of LONG_HEADERS) {
      holds(text, longText(2, header));
      holds(text, longText(101, header));
    }
    // Without the R2 copies, the lines are read from D1's pieces.
    const bucket = env.LETTERS;
    if (!bucket) throw new Error("wrangler.toml binds the LETTERS bucket");
    await bucket.delete(["exports/ledger/whole.csv", "exports/ledger/part-0.csv"]);
    const fromD1 = await (await call("/exports/ledger.csv")).text();
    expect(fromD1).toBe(text);
    // The filtered export cuts each line out of the stored lines by their ends.
    const filtered = await call(`/exports/ledger.csv?q=${encodeURIComponent("第100号")}`);
    expect(filtered.status).toBe(200);
    const lines = await filtered.text();
    holds(lines, longText(101, "内容摘要"));
    expect(lines.includes(longText(2, "内容摘要"))).toBe(false);
  });

  it("shows row 2's whole texts on its suggestion's page", async () => {
    const ledger = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'`, "UNFORMATTED_VALUE");
    const id = String(ledger[1]?.[col("编号")]);
    const response = await call(`/suggestions/${id}`);
    const html = await response.text();
    expect(response.status, html.slice(0, 300)).toBe(200);
    holds(html, longText(2, "内容摘要"));
    holds(html, longText(2, "答复内容"));
  });

  it("loads whole rows with their texts, however they are picked", async () => {
    const store = createSummaryStore(env.DB);
    const fromPart = (await store.loadPart(0)).map(loadRow);
    expect(fromPart).toHaveLength(100);
    expect(fromPart[99]?.record.replyContent).toBe(longText(101, "答复内容"));
    expect(fromPart[0]?.record.summary).toBe(longText(2, "内容摘要"));
    const one = await store.loadPartRow(0, 50);
    expect(one && loadRow(one).record.notes).toBe(longText(50, "备注"));
    const all = (await store.loadAll()).map(loadRow);
    expect(all[10]?.record.preReview).toBe(longText(12, "预审意见"));
    const [withId] = await store.loadRowsWithId("2026-050");
    expect(withId && loadRow(withId).record.followUpNotes).toBe(longText(51, "回访意见"));
  });
});

describe("a chunk whose cells hold far more than jianyi allows", () => {
  it("fails with the cells to shorten, named as over jianyi's limit", async () => {
    await resetDatabase();
    const pasted = "字".repeat(49_999);
    const tabs = buildFixture(60);
    const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
    for (let row = 2; row <= 61; row++)
      for (const header of ["内容摘要", "备注"])
        (ledger[row - 1] as (string | number)[])[col(header)] = pasted;
    await emulator.deleteSpreadsheet("pasted-everywhere").catch(() => undefined);
    await emulator.createSpreadsheet("pasted-everywhere", fixtureSheets(tabs));

    const result = await runSync(depsFor("pasted-everywhere"), "test", FIXTURE_NOW_MS);

    expect(result).toMatchObject({ outcome: "failed", retryable: false });
    expect(result.message).toBe(
      "『建议台账』第 2–61 行的内容太多，超出数据库能存的上限，本次同步没有完成：请精简第 2 行『内容摘要』（49999 个字符）、第 2 行『备注』（49999 个字符）、第 3 行『内容摘要』（49999 个字符）等超过 5000 个字符的单元格（多为误粘贴的内容），再同步",
    );
  });
});
