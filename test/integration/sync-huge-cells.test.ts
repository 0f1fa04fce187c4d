import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const headers = ledgerTab.columns.map((c) => c.header);
const col = (header: string) => headers.indexOf(header);

/** 7,000 unit names no 承办单位 row holds, as one cell: 48,999 characters, under Google's 50,000. */
const PASTED_UNITS = Array.from({ length: 7000 }, (_, i) => `单位${String(i).padStart(4, "0")}`).join("、");

/** A fixture ledger of `rows` rows, each of `edits` changing cells of one sheet row (1-based). */
async function seed(id: string, rows: number, edits: [number, string, string][]) {
  const tabs = buildFixture(rows);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  for (const [row, header, value] of edits) (ledger[row - 1] as (string | number)[])[col(header)] = value;
  await emulator.deleteSpreadsheet(id).catch(() => undefined);
  await emulator.createSpreadsheet(id, fixtureSheets(tabs));
}

const problemRows = async (id: string) =>
  (await emulator.getValues(id, `'${TAB_NAMES.problems}'`, "UNFORMATTED_VALUE")).slice(1);

beforeEach(resetDatabase);

describe("a ledger cell pasted full", () => {
  it("is one 错误 for its cell in 校验问题, and every sync after it still completes", async () => {
    await seed("huge-co-units", 60, [[7, "协办单位", PASTED_UNITS]]);

    const first = await runSync(depsFor("huge-co-units"), "test", FIXTURE_NOW_MS);
    const second = await runSync(depsFor("huge-co-units"), "test", FIXTURE_NOW_MS + 600_000);

    expect(first).toMatchObject({ outcome: "ok" });
    expect(second).toMatchObject({ outcome: "ok" });
    const ofTheCell = (await problemRows("huge-co-units")).filter((r) => r[1] === 7 && r[3] === "协办单位");
    expect(ofTheCell).toEqual([
      [
        TAB_NAMES.ledger,
        7,
        expect.any(String),
        "协办单位",
        "错误",
        "内容有 7000 项、48999 个字符，超过清单的上限（至多 200 项、5000 个字符）：像是误粘贴，请核对后只保留应填的各项",
      ],
    ]);
    const ledger = await emulator.getValues("huge-co-units", `'${TAB_NAMES.ledger}'`, "UNFORMATTED_VALUE");
    expect(String(ledger[6]?.[col("校验问题")])).toBe(
      "[错误] 协办单位：内容有 7000 项、48999 个字符，超过清单的上限（至多 200 项、5000 个字符）：像是误粘贴，请核对后只保留应填的各项",
    );
  });
});
