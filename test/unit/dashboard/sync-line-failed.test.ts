import { describe, expect, it } from "vitest";
import { Layout } from "../../../src/http/dashboard/layout";
import { SheetsError } from "../../../src/sheets/errors";
import type { SyncRunRecord } from "../../../src/store/sync-runs";

/** A run that failed on a Sheets 429: its error as the sync log keeps it (the hint, Google's words). */
const quota = new SheetsError(
  429,
  "RESOURCE_EXHAUSTED",
  "values.batchGet: 429 RESOURCE_EXHAUSTED Quota exceeded for quota metric 'Read requests'",
);
const FAILED: SyncRunRecord = {
  id: 7,
  trigger: "cron",
  startedAt: "2026-12-06T12:25:00.000Z",
  finishedAt: "2026-12-06T12:26:00.000Z",
  outcome: "failed",
  rows: 0,
  cellsWritten: 0,
  sheetsCalls: 3,
  problems: 0,
  error: quota.message,
  summary: null,
};

async function syncLine(run: SyncRunRecord): Promise<{ line: string; text: string }> {
  const frame = { lastSync: run, timeZone: "Asia/Shanghai", today: "2026-12-06" };
  const html = String(await Layout({ title: "督办概览", nav: "overview", frame, children: "" }));
  const line = /<div class="sync">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
  const text = line.replace(/<details>[\s\S]*<\/details>/, "").replace(/<[^>]+>/g, "");
  return { line, text };
}

describe("the dashboard's sync line after a failed sync", () => {
  it("does not date the data by the failed run, and folds Google's English away", async () => {
    const { line, text } = await syncLine(FAILED);
    expect(text).not.toContain("数据截至最近一次同步 2026-12-06 20:26");
    expect(text).toContain("最近一次同步 2026-12-06 20:26 失败：");
    expect(text).toContain("页面上的数据沿用此前最近一次成功的同步");
    expect(text).not.toMatch(/RESOURCE_EXHAUSTED|Quota/);
    expect(line).toContain("<summary>技术细节</summary>");
    expect(line).toContain("RESOURCE_EXHAUSTED");
  });
});
