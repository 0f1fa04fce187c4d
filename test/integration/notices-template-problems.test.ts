import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { serialFromIso } from "../../src/domain/civil-date";
import type { Problem } from "../../src/domain/problems";
import { continueDailyNotices, startDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { META_NOTICE_TEMPLATE_PROBLEMS } from "../../src/store/meta";
import { emulator } from "../support/emulator-admin";
import { ADMIN, BASE, worker } from "./dashboard-helpers";
import {
  assignedRow,
  at10,
  drainJobs,
  freshOffice,
  noticeDeps,
  noticesRunAt11,
  officeDeps,
} from "./notices-setup";

/*
 * A 通知模板 text that renders empty in one notice (its placeholders blank there) is found only
 * while sending, which falls back to the built-in text: the next sync lists it in 校验问题 with the
 * day the run found it, and a run that no longer finds it clears it at the sync after.
 */

const OFFICE = "fv2-template-found-while-sending";
const HOUR_MS = 3600_000;

/** Staff's 通知模板 row 2 (模板 · 渠道 · 标题 · 正文 · 启用). */
async function setTemplateRow2(cells: readonly string[]): Promise<void> {
  const deps = await officeDeps(OFFICE);
  await deps.sheets.batchUpdateValues(
    [{ range: `'${TAB_NAMES.templates}'!A2:E2`, values: [[...cells]] }],
    "RAW",
  );
}

/** A 6th suggestion (sheet row 7), assigned to 区教育局 on 2026-03-03. */
async function assignSixthOn0303(): Promise<void> {
  const deps = await officeDeps(OFFICE);
  const cells = assignedRow(6, "区教育局", { 交办日期: serialFromIso("2026-03-03") });
  await deps.sheets.batchUpdateValues([{ range: `'${TAB_NAMES.ledger}'!A7`, values: [cells] }], "RAW");
}

/** The 交办通知 titles the outbox holds for `id`. */
async function assignmentTitles(id: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT title FROM notices WHERE type = '交办通知' AND suggestion_id = ?1",
  )
    .bind(id)
    .all<{ title: string }>();
  return results.map((r) => r.title);
}

async function syncAt(ms: number): Promise<void> {
  const synced = await runSync(await officeDeps(OFFICE), "test", ms);
  expect(synced.outcome, JSON.stringify(synced)).toBe("ok");
}

/** 校验问题's rows about 通知模板, as `行号|列|级别|问题`. */
async function templateProblems(): Promise<string[]> {
  const rows = await emulator.getValues(OFFICE, `'${TAB_NAMES.problems}'`);
  const head = (rows[0] ?? []).map(String);
  const at = (h: string) => head.indexOf(h);
  return rows
    .slice(1)
    .filter((r) => r[at("工作表")] === TAB_NAMES.templates)
    .map((r) => `${r[at("行号")]}|${r[at("列")]}|${r[at("级别")]}|${r[at("问题")]}`);
}

/** The dashboard's /problems page as staff see it. */
async function problemsPage(): Promise<string> {
  const response = await worker(new Request(`${BASE}/problems`, { headers: ADMIN }), {
    SPREADSHEET_ID: OFFICE,
  });
  const html = await response.text();
  expect(response.status, html.slice(0, 300)).toBe(200);
  return html;
}

const FOUND_ON_0302 =
  "2|标题|提醒|标题在“交办通知”通知里是空的：其中的占位符 {{答复日期}} 在这类通知里没有值。请写上文字，或换用在这类通知里有值的占位符；改好之前“交办通知”通知照常用内置正文发送（2026-03-02 发送通知时发现）";

describe("a 通知模板 problem found while sending", () => {
  it("reaches 校验问题 at the next sync, with the day found, and leaves it once a run no longer finds it", async () => {
    await freshOffice(OFFICE);
    await setTemplateRow2(["交办通知", "", "{{答复日期}}", "{{接收方}}：请办理建议 {{编号}}。", "是"]);
    await syncAt(at10("2026-03-02"));
    // The sync alone cannot tell: {{答复日期}} has a value in other notices.
    expect(await templateProblems()).toEqual([]);

    // The hourly cron's run at 11:00, its steps queued; the 交办通知 go with the built-in text.
    const run = await noticeDeps(OFFICE);
    const started = await startDailyNotices(run.deps, at10("2026-03-02") + HOUR_MS);
    expect(started).toMatchObject({ outcome: "started" });
    const outcomes = await drainJobs(run.deps, run.jobs);
    expect(outcomes.reduce((n, o) => n + o.inserted, 0)).toBeGreaterThan(0);

    await syncAt(at10("2026-03-02") + 2 * HOUR_MS);
    expect(await templateProblems()).toEqual([FOUND_ON_0302]);

    expect(await assignmentTitles("2026-001")).toEqual([
      "代表建议交办通知：2026-001 关于第1件民生实事的建议",
    ]);

    // Staff mend the row: the problem stays until a run renders without it.
    await setTemplateRow2(["交办通知", "", "交办 {{编号}}", "{{接收方}}：请办理建议 {{编号}}。", "是"]);
    await assignSixthOn0303();
    await syncAt(at10("2026-03-03"));
    expect(await templateProblems()).toEqual([FOUND_ON_0302]);
    // The run of 03-03 (in one invocation) sends the new suggestion's 交办通知 with the mended row.
    await noticesRunAt11(OFFICE, "2026-03-03");
    expect(await assignmentTitles("2026-006")).toEqual(["交办 2026-006"]);
    await syncAt(at10("2026-03-03") + 2 * HOUR_MS);
    expect(await templateProblems()).toEqual([]);
    expect(await problemsPage()).not.toContain("发送通知时发现");
  });

  it("keeps what a queued run's earlier steps found in the last step's one write", async () => {
    await freshOffice(OFFICE);
    await syncAt(at10("2026-03-02"));
    const earlier: Problem = {
      tab: TAB_NAMES.templates,
      row: 3,
      column: "正文",
      level: "提醒",
      id: null,
      message: "正文在“到期提醒”通知里是空的",
    };
    const { deps } = await noticeDeps(OFFICE);
    const run = { today: "2026-03-02", timeZone: "Asia/Shanghai", startedMs: at10("2026-03-02") + HOUR_MS };
    await continueDailyNotices(deps, {
      job: "notices",
      run,
      holder: "notices-test",
      step: "digest",
      templateProblems: [earlier],
    });
    const stored = await deps.meta.get(META_NOTICE_TEMPLATE_PROBLEMS);
    expect(JSON.parse(stored ?? "null")).toEqual({ today: "2026-03-02", problems: [earlier] });
  });
});
