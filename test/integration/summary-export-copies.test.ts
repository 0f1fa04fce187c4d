import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createExportFiles, type ExportFiles } from "../../src/store/export-files";

import { createSummaryStore, type SummaryPart } from "../../src/store/summary-store";
import { NO_SHARES } from "../support/no-shares";
import { resetDatabase } from "../support/sync-helpers";

const AT = "2026-11-26T01:00:00.000Z";

function part(csv: string): SummaryPart {
  return {
    rows: `[${JSON.stringify(csv)}]`,
    facts: "[]",
    derive: () => ({
      csv,
      rowIndex: "{}",
      shares: NO_SHARES,
      refs: "[]",
    }),
    derivedFor: "build\n2026-11-26",
  };
}

function bucket(): R2Bucket {
  if (!env.LETTERS) throw new Error("wrangler.toml binds the LETTERS bucket");
  return env.LETTERS;
}

const download = async (store: ReturnType<typeof createSummaryStore>) =>
  new Response(await store.streamCsv("编号,标题\r\n")).text();

beforeEach(async () => {
  await resetDatabase();
  await createExportFiles(bucket()).dropParts(0, 4);
});

describe("the ledger export's copies in R2", () => {
  it("keeps one copy per stored part and drops the copies of parts the ledger no longer has", async () => {
    const store = createSummaryStore(env.DB, createExportFiles(bucket()));
    await store.save(
      new Map([
        [0, part("2026-001,甲\r\n")],
        [1, part("2026-002,乙\r\n")],
      ]),
      2,
      AT,
    );
    expect(await download(store)).toBe("编号,标题\r\n2026-001,甲\r\n2026-002,乙\r\n");
    expect(await (await bucket().get("exports/ledger/part-1.csv"))?.text()).toBe("2026-002,乙\r\n");
    // The ledger got shorter: one part left.
    await store.save(new Map([[0, part("2026-001,甲\r\n")]]), 1, AT);
    expect(await bucket().get("exports/ledger/part-1.csv")).toBeNull();
    expect(await download(store)).toBe("编号,标题\r\n2026-001,甲\r\n");
  });

  it("stores the part when its copy cannot be written, and the download reads that part from D1", async () => {
    const real = createExportFiles(bucket());
    const failing: ExportFiles = { ...real, putPart: () => Promise.reject(new Error("R2 unavailable")) };
    const store = createSummaryStore(env.DB, failing);
    expect(await store.save(new Map([[0, part("2026-003,丙\r\n")]]), 1, AT)).toBe(1);
    expect(await bucket().get("exports/ledger/part-0.csv")).toBeNull();
    expect(await download(createSummaryStore(env.DB, real))).toBe("编号,标题\r\n2026-003,丙\r\n");
  });

  it("reads every part from D1 without a bucket", async () => {
    const store = createSummaryStore(env.DB);
    await store.save(new Map([[0, part("2026-004,丁\r\n")]]), 1, AT);
    expect(await download(store)).toBe("编号,标题\r\n2026-004,丁\r\n");
  });
});
