import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { errorOf, postForm } from "../support/signed-post";
import { resetDatabase } from "../support/sync-helpers";
import { dueOf, ledgerRow } from "./late-reply-office";
import { buildLinkOffice, syncOffice, TODAY } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * An office in Xinjiang (设置 时区 Asia/Urumqi, UTC+6, two hours behind Beijing): a form submitted
 * at 23:30 there is dated that day, as every date of the ledger is a local date in 设置 时区.
 * 2026-001 and 2026-004 (区教育局) were assigned 120 days ago, past their 办理期限.
 */
const office = `zone-${crypto.randomUUID().slice(0, 8)}`;
const ASSIGNED_LONG_AGO = { 交办日期: serialFromIso(addDaysIso(TODAY, -120)) };

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: { "2026-001": ASSIGNED_LONG_AGO },
    more: [["2026-004", "区教育局", ASSIGNED_LONG_AGO]],
    tabs: {
      [TAB_NAMES.settings]: [
        ["项目", "值", "说明"],
        ["仅工作日发送", "否", ""],
        ["时区", "Asia/Urumqi", ""],
      ],
    },
  });
  await syncOffice(office);
});

afterEach(() => vi.useRealTimers());

/** Applies every submission not yet in the sheet, as the intake consumer does. */
async function applyPending(): Promise<void> {
  const { results } = await env.DB.prepare(
    "SELECT form, submission_id AS submissionId FROM inbox WHERE status = 'pending'",
  ).all<{ form: "reply"; submissionId: string }>();
  const applied = await applyInbox(await officeDeps(office), results, Date.now());
  expect(applied, JSON.stringify(applied)).toMatchObject({ outcome: "ok" });
}

describe("a form submitted late in the evening in 设置 时区 Asia/Urumqi", () => {
  it("dates a reply sent at 23:30 on its 办理期限 that day, and does not call it late", async () => {
    const due = await dueOf(office, "2026-001");
    expect(due < TODAY).toBe(true);
    const lateEvening = `${due}T23:30:00+06:00`; // 01:30 the next day in Beijing
    const undated = await postForm("reply", {
      submissionId: "urumqi-undated",
      submittedAt: lateEvening,
      answers: { 编号: "2026-001", 答复类别: "A", 答复内容: "已完成拓宽" },
    });
    const byLetter = await postForm("reply", {
      submissionId: "urumqi-by-letter",
      submittedAt: lateEvening,
      answers: { 编号: "2026-004", 答复类别: "A", 答复内容: "已完成拓宽", 答复日期: addDaysIso(due, -1) },
    });
    expect(undated.status, await undated.clone().text()).toBe(202);
    expect(byLetter.status, await byLetter.clone().text()).toBe(202);

    await applyPending();

    const cells = async (id: string) => {
      const row = await ledgerRow(office, id);
      return { 答复日期: row.答复日期, 备注: row.备注 };
    };
    expect({ undated: await cells("2026-001"), byLetter: await cells("2026-004") }).toEqual({
      undated: { 答复日期: serialFromIso(due), 备注: "" },
      byLetter: { 答复日期: serialFromIso(addDaysIso(due, -1)), 备注: "" },
    });
  });

  it("numbers a suggestion sent at 23:30 on 12-31 in that year's sequence, dated 12-31", async () => {
    // The Worker's clock: just after, 02:00 on New Year's Day in Beijing.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2027-01-01T02:00:00+08:00"));

    const posted = await postForm("suggestion", {
      submissionId: "urumqi-new-year",
      submittedAt: "2026-12-31T23:30:00+06:00",
      answers: { 标题: "关于延长冬季供暖期的建议", 领衔代表: "张明", 内容摘要: "建议供暖延至三月底" },
    });

    expect(posted.status, await posted.clone().text()).toBe(202);
    expect(await posted.json()).toMatchObject({ 编号: "2026-005" });
    vi.useRealTimers(); // the Sheets emulator checks the access token's times by its own clock
    await applyPending();
    expect((await ledgerRow(office, "2026-005")).提出日期).toBe(serialFromIso("2026-12-31"));
  });
});

describe("a form whose submittedAt is ahead of the Worker's clock", () => {
  it("is refused with a 400 naming submittedAt and how to write Beijing time, and nothing is stored", async () => {
    // Beijing wall-clock time labelled Z, as some form platforms send it: eight hours ahead.
    const wallClock = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19);

    const posted = await postForm("suggestion", {
      submissionId: "beijing-as-z",
      submittedAt: `${wallClock}Z`,
      answers: { 标题: "关于增设公交站点的建议", 领衔代表: "张明" },
    });

    expect(posted.status).toBe(400);
    const error = await errorOf(posted);
    expect(error.code).toBe("invalid_body");
    expect(error.details).toEqual([
      {
        field: "submittedAt",
        message: `submittedAt 晚于当前时间：请用带时区的时间，北京时间写作 …+08:00（如 ${wallClock}+08:00）`,
      },
    ]);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM inbox WHERE submission_id = ?1")
      .bind("beijing-as-z")
      .first<{ n: number }>();
    expect(stored?.n).toBe(0);
  });
});
