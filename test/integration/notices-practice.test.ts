import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { coOpinionsTab } from "../../sheets-schema/tabs";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { assignedSuggestion, type Cells, practiceSheet, rowOf } from "../support/practice-sheet";
import { resetDatabase } from "../support/sync-helpers";
import { noticeDeps } from "./notices-setup";

const DAY_MS = 86_400_000;
/** 10:00 in Asia/Shanghai on Monday 2026-03-02, the 交办会. */
const START_MS = Date.parse("2026-03-02T02:00:00Z");
const office = `practice-${crypto.randomUUID().slice(0, 8)}`;

const UNITS: Cells[] = ["区教育局", "区住建局", "区卫健委", "区民政局"].map((name, i) => ({
  单位名称: name,
  邮箱: `unit${i}-${office}@example.gov.cn`,
  通知渠道: "email",
}));
const LEDGER: Cells[] = [assignedSuggestion({ 协办单位: "区住建局、区卫健委、区民政局" })];

/** The notices in the outbox by type and recipient, e.g. "协办提醒 → 区卫健委". */
async function outbox(): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT type, recipient, due_on FROM notices ORDER BY id").all<{
    type: string;
    recipient: string;
    due_on: string;
  }>();
  return results.map((r) => `${r.type} → ${r.recipient}`);
}

beforeAll(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(office).catch(() => undefined);
  await emulator.createSpreadsheet(
    office,
    practiceSheet({
      ledger: LEDGER,
      units: UNITS,
      deputies: [{ 姓名: "张明", 邮箱: `zm-${office}@example.cn` }],
      // 区住建局 sent its opinion at once; the others have not yet.
      coOpinions: [{ 编号: "2026-001", 协办单位: "区住建局", 送达日期: "2026-03-10" }],
    }),
  );
});

describe("协办提醒 over a simulated month", () => {
  it("一个没有送达协办意见的协办单位，在模拟的一个多月里恰好收到一次协办提醒", async () => {
    const { deps } = await noticeDeps(office);
    // Every day from 交办 to mid-April the daily notices run; the sheet is synced weekly and on
    // the day staff change it (the cron syncs every 10 minutes; between edits nothing changes).
    for (let day = 0; day < 45; day++) {
      const nowMs = START_MS + day * DAY_MS;
      if (day === 20) {
        // On 2026-03-22 staff record 区民政局's opinion, which came in on 03-20.
        const opinion = rowOf(coOpinionsTab, {
          编号: "2026-001",
          协办单位: "区民政局",
          送达日期: "2026-03-20",
        });
        await deps.sheets.batchUpdateValues(
          [{ range: `'${TAB_NAMES.coOpinions}'!A3`, values: [opinion] }],
          "RAW",
        );
      }
      if (day % 7 === 0 || day === 20) {
        const synced = await runSync(deps, "test", nowMs);
        expect(synced.outcome, `sync of day ${day}`).toBe("ok");
      }
      const run = await runDailyNotices(deps, nowMs);
      expect(["ok", "skipped"]).toContain(run.outcome);
    }
    const sent = await outbox();
    expect(sent.filter((n) => n.startsWith("协办提醒"))).toEqual(["协办提醒 → 区卫健委"]);
    // The lead unit had no 办前 contact after 15 days: one 沟通提醒, too.
    expect(sent.filter((n) => n.startsWith("沟通提醒"))).toEqual(["沟通提醒 → 区教育局"]);
    const { results } = await env.DB.prepare(
      "SELECT due_on, title FROM notices WHERE type = '协办提醒'",
    ).all<{ due_on: string; title: string }>();
    // 2026-03-02 + 30 days = Wednesday 2026-04-01.
    expect(results).toEqual([
      { due_on: "2026-04-01", title: "协办意见提醒：2026-001 关于加快推进柏庄镇卫生院建设的建议" },
    ]);
    const ledger = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
    expect(ledger).toHaveLength(2);
  });
});

describe("延期审批结果 and 延期告知 from the daily run", () => {
  it("审批结果录入后的下一次每日运行告知申请单位结果、告知领衔代表新的办理期限，即使建议已经答复", async () => {
    // Another office's ledger: a D1 of its own (one D1 keeps one spreadsheet's history).
    await resetDatabase();
    const other = `${office}-ext`;
    await emulator.deleteSpreadsheet(other).catch(() => undefined);
    const replied = { ...LEDGER[0], 编号: "2026-002", 协办单位: "", 答复日期: "2026-06-18", 答复类别: "A" };
    await emulator.createSpreadsheet(
      other,
      practiceSheet({
        ledger: [replied as Cells],
        units: UNITS,
        deputies: [{ 姓名: "张明", 邮箱: `zm-${other}@example.cn` }],
        extensions: [
          {
            编号: "2026-002",
            申请日期: "2026-06-08",
            申请单位: "区教育局",
            理由: "需协调市级部门统筹资金",
            审批结果: "同意",
            审批日期: "2026-06-15",
          },
        ],
      }),
    );
    const { deps } = await noticeDeps(other);
    // Staff typed the approval of 06-15 only after the reply of 06-18 (06-19 is 端午): it still goes out.
    const at = Date.parse("2026-06-22T02:00:00Z");
    expect((await runSync(deps, "test", at)).outcome).toBe("ok");
    const run = await runDailyNotices(deps, at);
    expect(run).toMatchObject({ outcome: "ok" });
    const { results } = await env.DB.prepare(
      "SELECT type, recipient, body FROM notices WHERE suggestion_id = '2026-002' AND type LIKE '延期%' ORDER BY type",
    ).all<{ type: string; recipient: string; body: string }>();
    expect(results.map((r) => `${r.type} → ${r.recipient}`)).toEqual([
      "延期告知 → 张明",
      "延期审批结果 → 区教育局",
    ]);
    expect(results[0]?.body).toContain("办理期限延至 2026年9月2日");
  });
});
