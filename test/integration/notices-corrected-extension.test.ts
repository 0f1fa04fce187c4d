import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { extensionsTab } from "../../sheets-schema/tabs";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import {
  APPROVED_REQUEST,
  assignedSuggestion,
  type Cells,
  practiceSheet,
  rowOf,
} from "../support/practice-sheet";
import { resetDatabase } from "../support/sync-helpers";
import { noticeDeps } from "./notices-setup";

const HOUR_MS = 3_600_000;
const office = `ext-fix-${crypto.randomUUID().slice(0, 8)}`;

/** The 延期 notices in the outbox, oldest first: "title → recipient". */
async function extensionOutbox(): Promise<{ line: string; body: string }[]> {
  const { results } = await env.DB.prepare(
    "SELECT title, recipient, body FROM notices WHERE type LIKE '延期%' ORDER BY id",
  ).all<{ title: string; recipient: string; body: string }>();
  return results.map((r) => ({ line: `${r.title} → ${r.recipient}`, body: r.body }));
}

beforeAll(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(office).catch(() => undefined);
  await emulator.createSpreadsheet(
    office,
    practiceSheet({
      ledger: [assignedSuggestion()],
      units: [{ 单位名称: "区教育局", 邮箱: `jyj-${office}@example.gov.cn`, 通知渠道: "email" }],
      deputies: [{ 姓名: "张明", 邮箱: `zm-${office}@example.cn` }],
      extensions: [APPROVED_REQUEST],
    }),
  );
});

describe("a 审批结果 staff changed after the notices went out", () => {
  it("同意 → 不同意 → 同意: each change is told once, as 【更正】, to the unit and to the lead deputy", async () => {
    const { deps } = await noticeDeps(office);
    /** Sync, then the notices run three times an hour apart (it is hourly): only the first sends. */
    const day = async (iso: string) => {
      const at = Date.parse(iso);
      expect((await runSync(deps, "test", at)).outcome).toBe("ok");
      for (let run = 0; run < 3; run++)
        expect(["ok", "skipped"]).toContain((await runDailyNotices(deps, at + run * HOUR_MS)).outcome);
    };
    const decide = (cells: Cells) =>
      deps.sheets.batchUpdateValues(
        [
          {
            range: `'${TAB_NAMES.extensions}'!A2`,
            values: [rowOf(extensionsTab, { ...APPROVED_REQUEST, ...cells })],
          },
        ],
        "RAW",
      );

    await day("2026-04-10T02:00:00Z");
    expect((await extensionOutbox()).map((n) => n.line)).toEqual([
      "延期申请审批结果：2026-001 同意 → 区教育局",
      "建议办理延期告知：关于加快推进柏庄镇卫生院建设的建议 → 张明",
    ]);

    // A slip: staff meant 不同意. Mended on Monday 04-13.
    await decide({ 审批结果: "不同意" });
    await day("2026-04-13T02:00:00Z");
    const corrected = (await extensionOutbox()).slice(2);
    expect(corrected.map((n) => n.line)).toEqual([
      "【更正】延期申请审批结果：2026-001 不同意 → 区教育局",
      "【更正】建议办理延期告知：关于加快推进柏庄镇卫生院建设的建议 → 张明",
    ]);
    // The 称呼 first, as an official notice opens, then the 【更正】 line.
    expect(corrected[0]?.body).toMatch(
      /^区教育局：【更正】此前通知的延期审批结果“同意”已更正为“不同意”，办理期限随之改变，请以本通知为准。\n/,
    );
    expect(corrected[0]?.body).toContain("本件办理期限为 2026年6月2日");
    expect(corrected[1]?.body).toContain("延期申请经复核未获批准，办理期限仍为 2026年6月2日");

    // A second look approves it after all, on 04-20.
    await decide({ 审批结果: "同意", 审批日期: "2026-04-20" });
    await day("2026-04-20T02:00:00Z");
    await day("2026-04-21T02:00:00Z");
    const again = (await extensionOutbox()).slice(4);
    expect(again.map((n) => n.line)).toEqual([
      "【更正】延期申请审批结果：2026-001 同意 → 区教育局",
      "【更正】建议办理延期告知：关于加快推进柏庄镇卫生院建设的建议 → 张明",
    ]);
    expect(again[0]?.body).toContain("此前通知的延期审批结果“不同意”已更正为“同意”");
    expect(again[1]?.body).toContain("办理期限延至 2026年9月2日");
  });
});
