import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { assignedSuggestion, type Cells, practiceSheet } from "../support/practice-sheet";
import { resetDatabase } from "../support/sync-helpers";
import { noticeDeps } from "./notices-setup";

const office = `link-expiry-${crypto.randomUUID().slice(0, 8)}`;
/** 10:00 in Asia/Shanghai on Thursday 2026-03-05, two days after the extension was approved. */
const RUN_MS = Date.parse("2026-03-05T02:00:00Z");

const UNITS: Cells[] = [{ 单位名称: "区教育局", 邮箱: `edu-${office}@example.gov.cn`, 通知渠道: "email" }];

/** A date as the notices write it (2026年9月2日), as ISO. */
function isoOf(text: string): string {
  const [, y, m, d] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text) ?? [];
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

beforeAll(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(office).catch(() => undefined);
  await emulator.createSpreadsheet(
    office,
    practiceSheet({
      ledger: [assignedSuggestion()],
      units: UNITS,
      deputies: [{ 姓名: "张明", 邮箱: `zm-${office}@example.cn` }],
      extensions: [
        {
          编号: "2026-001",
          申请日期: "2026-03-03",
          申请单位: "区教育局",
          理由: "需协调市级部门统筹资金",
          审批结果: "同意",
          审批日期: "2026-03-04",
        },
      ],
    }),
  );
});

describe("a unit's personal link and the 办理期限 its notice announces", () => {
  it("a 延期审批结果 link works until 30 days after the extended 办理期限, past its usual 180 days", async () => {
    const { deps } = await noticeDeps(office);
    expect((await runSync(deps, "test", RUN_MS)).outcome).toBe("ok");
    expect(await runDailyNotices(deps, RUN_MS)).toMatchObject({ outcome: "ok" });

    const notice = await env.DB.prepare(
      "SELECT body FROM notices WHERE type = '延期审批结果' AND recipient = '区教育局'",
    ).first<{ body: string }>();
    const body = notice?.body ?? "";
    const due = /本件办理期限为 (\d{4}年\d{1,2}月\d{1,2}日)/.exec(body)?.[1] ?? "";
    const lastDay = /有效期至(\d{4}年\d{1,2}月\d{1,2}日)/.exec(body)?.[1] ?? "";
    expect(due, body).toBe("2026年9月2日");
    // 180 days from 2026-03-05 would end on 2026-09-01, before the 办理期限 it announces.
    expect(isoOf(lastDay)).toBe("2026-10-02");
  });
});
