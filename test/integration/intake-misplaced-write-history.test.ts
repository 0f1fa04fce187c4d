import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { reshapeBeforeNextWrite, reshapeOutcome } from "../support/reshape";
import { postForm } from "../support/signed-post";
import { depsFor, resetDatabase, timelineOf } from "../support/sync-helpers";

/**
 * A form's reply written the instant a person sorted 建议台账 lands on another suggestion's row; the
 * writer puts that row back and writes the reply on its own row. The history pages must tell it as
 * it was: the form changed its own suggestion, the system repaired the row it hit by mistake.
 */
const SHEET = "misplaced-history";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const ROWS = 40;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const REPLY_CELLS = ["答复日期", "答复类别", "答复内容"];
/** 已逾期, no reply yet, on sheet row 8: where the sort (by 内容摘要, descending) puts 2026-040. */
const REPLIED = "2026-007";
const HIT = "2026-040";
const HIT_REPLY = "我单位已会同协办单位制定柏庄镇污水管网改造方案";
const REPLY_TEXT = "已完成柏庄镇饮水工程改造（故障期间提交）";

const ledger = () => emulator.getValues(SHEET, LEDGER);

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  const tabs = buildFixture(ROWS);
  // 2026-040 is replied to (as 2026-008, 待测评, is), so the sort sends the form's reply over another unit's reply.
  const rows = tabs[TAB_NAMES.ledger] as (string | number)[][];
  const replied = rows[8] as (string | number)[];
  const hit = rows[40] as (string | number)[];
  for (const h of ["审查结果", "交办日期", "主办单位", "答复日期", "答复类别"])
    hit[col(h)] = replied[col(h)] ?? "";
  hit[col("答复内容")] = HIT_REPLY;
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("a form's reply written while the ledger was being sorted", () => {
  it("is 表单提交 only on its own suggestion's history; the row it hit by mistake shows only the 系统修复", async () => {
    await postForm("reply", {
      submissionId: "r-sorted",
      submittedAt: "2026-11-20T10:00:00+08:00",
      answers: { 编号: REPLIED, 答复日期: "2026-11-20", 答复类别: "A", 答复内容: REPLY_TEXT },
    });
    const before = new Map((await ledger()).slice(1).map((r) => [String(r[col("编号")]), r]));
    // A person sorts the ledger just before the write, and Google's answer to the write is lost.
    const sort = await reshapeBeforeNextWrite(SHEET, "sort", ROWS + 1);
    await emulator.addFault({
      method: "POST",
      pathIncludes: `${SHEET}:batchUpdate`,
      status: 503,
      times: 1,
      when: "after",
    });
    const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
      form: "reply";
      submissionId: string;
    }>();

    const applied = await applyInbox(depsFor(SHEET), results, Date.now());
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(applied.outcome, JSON.stringify(applied)).toBe("ok");
    expect(await reshapeOutcome(sort), "the person's sort happened").toEqual({ fired: 1, errors: [] });
    // The sheet is right: the reply on its own row, every row it hit by mistake as it was.
    const after = new Map((await ledger()).slice(1).map((r) => [String(r[col("编号")]), r]));
    expect(after.get(REPLIED)?.[col("答复内容")]).toBe(REPLY_TEXT);
    const { results: repairs } = await env.DB.prepare(
      "SELECT DISTINCT suggestion_id FROM audit_trail WHERE source = 'system'",
    ).all<{ suggestion_id: string }>();
    const hit = repairs.map((r) => r.suggestion_id).filter((id) => id !== REPLIED);
    expect(hit, "the write landed on 2026-040's row first").toContain(HIT);
    expect(after.get(HIT)?.[col("答复内容")]).toBe(HIT_REPLY);
    for (const id of hit) {
      for (const h of REPLY_CELLS)
        expect(after.get(id)?.[col(h)] ?? "", `${id} ${h}`).toEqual(before.get(id)?.[col(h)] ?? "");
      const timeline = await timelineOf(SHEET, id);
      expect(
        timeline.map((e) => e.title),
        id,
      ).not.toContain("表单提交（提交号 r-sorted）");
      expect(
        timeline.filter((e) => e.title.startsWith("表单提交")),
        id,
      ).toEqual([]);
      const repair = timeline.filter((e) => e.title === "系统修复");
      expect(repair, id).toHaveLength(1);
      expect(repair[0]?.lines).toContain(
        "写入时表格刚被排序、插入或删除行，误写到本行的值已按写入瞬间的原值恢复",
      );
    }
    // The submission's own suggestion has its 表单提交, with the reply it brought.
    const own = (await timelineOf(SHEET, REPLIED)).filter((e) => e.title === "表单提交（提交号 r-sorted）");
    expect(own).toHaveLength(1);
    expect(own[0]?.lines).toContain(
      `答复内容：${String(before.get(REPLIED)?.[col("答复内容")] || "（空）")} → ${REPLY_TEXT}`,
    );
    const { results: forms } = await env.DB.prepare(
      "SELECT DISTINCT suggestion_id FROM audit_trail WHERE source = 'form'",
    ).all<{ suggestion_id: string }>();
    expect(forms.map((f) => f.suggestion_id)).toEqual([REPLIED]);
  });
});
