import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { meterD1, takeD1Counts } from "../../src/d1-meter";
import { columnLetter } from "../../src/domain/a1";
import worker from "../../src/index";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { postForm, suggestion } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "test-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);

async function seed() {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(20)));
}

/** Applies every stored submission, as the queue consumer would (with `deps`, when given). */
async function applyAll(deps = depsFor(SHEET)) {
  const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
    form: "suggestion" | "reply" | "rating";
    submissionId: string;
  }>();
  return applyInbox(deps, results, Date.now());
}

/**
 * The fixture with row 6's suggestion (row index 5: 办理中, 交办 2026-10-20) given `cells`, as staff
 * left it before a form came; its 编号.
 */
async function seedWithRow5(cells: Record<string, string | number>): Promise<string> {
  const sheets = fixtureSheets(buildFixture(20));
  const row = sheets.find((t) => t.title === TAB_NAMES.ledger)?.rows[5] ?? [];
  for (const [header, value] of Object.entries(cells)) row[col(header)] = value;
  await emulator.deleteSpreadsheet(SHEET);
  await emulator.createSpreadsheet(SHEET, sheets);
  return String(row[col("编号")]);
}

beforeEach(async () => {
  await resetDatabase();
  await seed();
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS); // as in production: the sheet was synced before forms arrive
});

describe("form webhooks: answers", () => {
  it("stores a signed suggestion and answers 202 with its new 编号, then 200 with the same 编号 on a repeat", async () => {
    const body = suggestion("resp-1", {
      标题: "关于增设公交站点的建议",
      领衔代表: "王建国0",
      内容摘要: "建议在城关路口增设站点",
    });

    const first = await postForm("suggestion", body);
    const again = await postForm("suggestion", body);

    expect(first.status).toBe(202);
    const stored = (await first.json()) as { 编号: string; status: string };
    expect(stored).toEqual({ 编号: "2026-021", status: "pending" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ 编号: "2026-021" });
    const count = await env.DB.prepare("SELECT count(*) AS n FROM inbox").first<{ n: number }>();
    expect(count?.n).toBe(1);
  });

  it("numbers a suggestion whose 提出日期 is after the day it was sent in that day's year, not next year's 001", async () => {
    // Sent on 2026-11-26 with 提出日期 typed as 2027-03-01: a typo the sync reports as 晚于今天.
    const response = await postForm(
      "suggestion",
      suggestion("resp-future", { 标题: "关于修缮校舍的建议", 领衔代表: "王建国0", 提出日期: "2027-03-01" }),
    );

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ 编号: "2026-021", status: "pending" });
  });

  it("refuses a missing or wrong signature with 401", async () => {
    const body = suggestion("resp-2", { 标题: "x", 领衔代表: "王建国0" });
    const unsigned = await exports.default.fetch(
      new Request("http://jianyi.test/hooks/forms/suggestion", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      }),
    );
    const wrongSecret = await postForm("suggestion", body, { secret: "guessed" });

    expect(unsigned.status).toBe(401);
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({
      error: { code: "bad_signature", message: expect.stringContaining("请核对表单脚本中的密钥") },
    });
  });

  it("refuses a captured request replayed after the five-minute window", async () => {
    const body = suggestion("resp-3", { 标题: "x", 领衔代表: "王建国0" });
    const replayed = await postForm("suggestion", body, {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });

    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: { message: string } }).error.message).toContain("过期");
  });

  it("refuses a tampered body", async () => {
    const signed = JSON.stringify(suggestion("resp-4", { 标题: "原标题", 领衔代表: "王建国0" }));
    const sent = suggestion("resp-4", { 标题: "被篡改的标题", 领衔代表: "王建国0" });

    const response = await postForm("suggestion", sent, { signedText: signed });

    expect(response.status).toBe(401);
  });

  it("answers 413 over 256 KiB, 415 when not JSON, 400 with field errors when the shape is wrong", async () => {
    const long = "字".repeat(20_000);
    const huge = await postForm(
      "suggestion",
      suggestion("resp-5", {
        标题: "长",
        内容摘要: long,
        备注: long,
        调研情况: long,
        附件说明: long,
        其他: long,
      }),
    );
    const notJson = await postForm("suggestion", "标题=x", { contentType: "text/plain" });
    const badShape = await postForm("suggestion", { submissionId: "", answers: {} });

    expect(huge.status).toBe(413);
    expect(notJson.status).toBe(415);
    expect(badShape.status).toBe(400);
    const error = (await badShape.json()) as { error: { code: string; details: { field: string }[] } };
    expect(error.error.code).toBe("invalid_body");
    expect(error.error.details.map((d) => d.field).sort()).toEqual([
      "answers",
      "submissionId",
      "submittedAt",
    ]);
  });
});

describe("form webhooks: into the ledger", () => {
  it("appends each suggestion once, keeping formula-looking answers as text", async () => {
    await postForm(
      "suggestion",
      suggestion("resp-10", {
        建议标题: '=IMPORTXML("http://evil","//a")',
        代表姓名: "王建国0",
        建议内容: "+1",
        联系电话: "@x",
      }),
    );
    await postForm(
      "suggestion",
      suggestion("resp-11", { 标题: "-2", 领衔代表: "不存在的代表", 提出日期: "2026年13月5日" }),
    );

    const first = await applyAll();
    const second = await applyAll();

    expect(first).toMatchObject({ outcome: "ok", appended: 2 });
    expect(second).toMatchObject({ outcome: "ok", appended: 0 });
    const ledger = await emulator.getValues(SHEET, LEDGER);
    const added = ledger.filter((r) => r[col("编号")] === "2026-021" || r[col("编号")] === "2026-022");
    expect(added).toHaveLength(2);
    expect(added[0]?.[col("标题")]).toBe('=IMPORTXML("http://evil","//a")');
    expect(added[0]?.[col("内容摘要")]).toBe("+1");
    expect(added[0]?.[col("备注")]).toBe("联系电话：@x");
    expect(added[1]?.[col("标题")]).toBe("-2");
    expect(added[1]?.[col("提出日期")]).toBe("2026年13月5日");
  });

  it("writes a reply into its suggestion's row, only in the reply's columns", async () => {
    const before = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];
    const id = String(before[col("编号")]);

    const response = await postForm("reply", {
      submissionId: "reply-1",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: id, 答复类别: "B", 答复内容: "已列入明年计划" },
    });
    await applyAll();

    expect(response.status).toBe(202);
    const after = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];
    expect(after[col("答复类别")]).toBe("B");
    expect(after[col("答复内容")]).toBe("已列入明年计划");
    expect(after[col("答复日期")]).toBe(46352); // 2026-11-26
    for (const h of ["标题", "领衔代表", "主办单位", "交办日期", "满意度"])
      expect(after[col(h)] ?? "").toEqual(before[col(h)] ?? "");
  });

  it("adds a reply's answers without a column (联系人, 答复单位) to the row's 备注 as one 答复附言 line", async () => {
    const before = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];
    const id = String(before[col("编号")]);
    // The unit is checked against the row's 主办单位 (sender-check): the lead unit's own reply.
    const unit = String(before[col("主办单位")]);

    await postForm("reply", {
      submissionId: "reply-extras",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: id, 答复类别: "A", 答复内容: "已办结", 联系人: "张三", 答复单位: unit },
    });
    await applyAll();

    const after = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];
    expect(after[col("答复内容")]).toBe("已办结");
    expect(String(after[col("备注")] ?? "").split("\n")).toContain(
      `答复附言（提交号 reply-extras）：联系人：张三；答复单位：${unit}`,
    );
  });

  it("reads a batch of replies as the 编号 column and the replied rows; a new suggestion also 标题 and where the data ends", async () => {
    const wholeColumnsRead = async (since: number) =>
      (await emulator.requests(since))
        .filter((r) => r.spreadsheetId === SHEET && r.kind === "read")
        .flatMap((r) => [r.query.ranges ?? []].flat())
        .map((range) => /^'建议台账'!([A-Z]+):\1$/.exec(range)?.[1])
        .filter((letter) => letter !== undefined)
        .map((letter) => headers.find((_, i) => columnLetter(i) === letter))
        .sort();
    await postForm("reply", {
      submissionId: "reply-cols",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: "2026-007", 答复类别: "A", 答复内容: "已办结" },
    });
    const seq = (await emulator.requests()).at(-1)?.seq ?? 0;

    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });

    // Not the 2,000 titles of a county's ledger: a reply is placed by its 编号 alone.
    expect(await wholeColumnsRead(seq)).toEqual(["编号"]);
    const rows = await emulator.getValues(SHEET, LEDGER);
    expect(rows.find((r) => r[col("编号")] === "2026-007")?.[col("答复内容")]).toBe("已办结");

    await postForm(
      "suggestion",
      suggestion("resp-cols", { 标题: "关于增设路灯的建议", 领衔代表: "王建国0" }),
    );
    const next = (await emulator.requests()).at(-1)?.seq ?? 0;

    expect(await applyAll()).toMatchObject({ outcome: "ok", appended: 1 });

    expect(await wholeColumnsRead(next)).toEqual(["提出日期", "标题", "编号", "领衔代表"].sort());
    const after = await emulator.getValues(SHEET, LEDGER);
    expect(after).toHaveLength(rows.length + 1);
    expect(after.at(-1)?.[col("标题")]).toBe("关于增设路灯的建议");
  });

  it("writes a reply to a suggestion in its second round into the 二次 columns, seen from its own row", async () => {
    // Staff assigned row 6's suggestion a second time (二次交办日期): the intake reads that from
    // the row it writes to, which it reads whole, not from a column of every row.
    const sheets = fixtureSheets(buildFixture(20));
    const rows = sheets.find((t) => t.title === TAB_NAMES.ledger)?.rows ?? [];
    const row = rows[5] ?? [];
    row[col("二次交办日期")] = 46340;
    const id = String(row[col("编号")]);
    await emulator.deleteSpreadsheet(SHEET);
    await emulator.createSpreadsheet(SHEET, sheets);
    const before = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];

    await postForm("reply", {
      submissionId: "reply-2",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: id, 答复类别: "B", 答复内容: "已列入明年计划" },
    });
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });

    const after = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];
    expect(after[col("二次答复日期")]).toBe(46352);
    expect(after[col("二次答复类别")]).toBe("B");
    expect(String(after[col("备注")])).toMatch(
      /二次答复（提交号 reply-2 · [\d-]+ [\d:]+）类别 B：已列入明年计划/,
    );
    for (const h of ["答复类别", "答复内容", "答复日期"])
      expect(after[col(h)] ?? "").toEqual(before[col(h)] ?? "");
  });

  it("writes a reply's 答复类别 typed B类 as the listed B, leaving the 推进中 of the B reply it corrects", async () => {
    // Row 6's suggestion (办理中, 交办 2026-10-20) already has a B reply reporting 推进中.
    const id = await seedWithRow5({ 答复日期: 46346, 答复类别: "B", 落实情况: "推进中" });

    const response = await postForm("reply", {
      submissionId: "reply-b-typed",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: id, 答复类别: "B类", 答复内容: "已列入明年计划，正在推进" },
    });
    expect(response.status).toBe(202);
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });

    const after = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];
    const cell = (h: string) => after[col(h)] ?? "";
    expect({ 答复类别: cell("答复类别"), 落实情况: cell("落实情况"), 答复内容: cell("答复内容") }).toEqual({
      答复类别: "B",
      落实情况: "推进中",
      答复内容: "已列入明年计划，正在推进",
    });
  });

  it("writes a rating's 满意度 typed 满意。 as the listed 满意", async () => {
    const id = await seedWithRow5({ 答复日期: 46346, 答复类别: "A", 答复内容: "已办结" });

    await postForm("rating", {
      submissionId: "rating-typed",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: id, 满意度: "满意。" },
    });
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });

    const after = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];
    expect(after[col("满意度")]).toBe("满意");
    expect(after[col("测评日期")]).toBe(46352);
  });

  it("writes a second round's class typed b 类 and rating typed 基本满意。 as B and 基本满意, in 备注 too", async () => {
    const id = await seedWithRow5({
      答复日期: 46330,
      答复类别: "A",
      满意度: "不满意",
      测评日期: 46335,
      二次交办日期: 46340,
    });

    await postForm("reply", {
      submissionId: "reply-2-typed",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: id, 答复类别: "b 类", 答复内容: "已列入明年计划" },
    });
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });
    await postForm("rating", {
      submissionId: "rating-2-typed",
      submittedAt: "2026-11-27T10:00:00+08:00",
      answers: { 编号: id, 满意度: "基本满意。" },
    });
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });

    const after = (await emulator.getValues(SHEET, LEDGER))[5] ?? [];
    expect(after[col("二次答复类别")]).toBe("B");
    expect(after[col("二次满意度")]).toBe("基本满意");
    expect(String(after[col("备注")])).toMatch(
      /二次答复（提交号 reply-2-typed · [\d-]+ [\d:]+）类别 B：已列入明年计划/,
    );
    expect(after[col("答复类别")]).toBe("A");
    expect(after[col("满意度")]).toBe("不满意");
  });

  it("keeps a reply for an unknown 编号 and reports it in 校验问题", async () => {
    const response = await postForm("reply", {
      submissionId: "reply-2",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: "2026-999", 答复类别: "A", 答复内容: "已解决" },
    });
    const applied = await applyAll();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(response.status).toBe(202);
    expect(applied).toMatchObject({ outcome: "ok", unmatched: 1 });
    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(problems.some((p) => p[2] === "2026-999" && String(p[5]).includes("reply-2"))).toBe(true);
  });

  it("a reply waiting for its 编号 leaves the next sync's finish as it was, still listed and queued again", async () => {
    await postForm("reply", {
      submissionId: "reply-3",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: "2026-998", 答复类别: "A", 答复内容: "已解决" },
    });
    await applyAll();
    const deps = depsFor(SHEET);
    const queued: unknown[] = [];
    deps.intakeQueue = {
      sendBatch: async (messages: { body: unknown }[]) => {
        queued.push(...messages.map((m) => m.body));
      },
    } as unknown as Queue<unknown>;
    // Past the two minutes after which a sync queues a waiting submission again.
    const later = Date.now() + 3 * 60_000;
    const listed = (problems: unknown[][]) =>
      problems.filter((p) => p[2] === "2026-998" && String(p[5]).includes("reply-3")).length;

    await runSync(deps, "test", later);
    const first = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    const loadFigures = vi.spyOn(deps.summaries, "loadFigures");
    const quiet = await runSync(deps, "test", later);

    expect(listed(first)).toBe(1);
    // Nothing in the sheet changed: the finish keeps its work (it adds no figures up)…
    expect(quiet).toMatchObject({ outcome: "ok", cellsWritten: 0 });
    expect(loadFigures).not.toHaveBeenCalled();
    // …while 校验问题 still lists the reply, and each sync queued it again for the consumer.
    expect(listed(await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`))).toBe(1);
    expect(queued).toEqual([
      { form: "reply", submissionId: "reply-3" },
      { form: "reply", submissionId: "reply-3" },
    ]);
  });

  it("keeps a full batch of 50 replies to unknown 编号, each with its reason, within the Free plan's 50 D1 queries", async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `2026-${900 + i}`);
    for (const [i, id] of ids.entries())
      await postForm("reply", {
        submissionId: `lost-${i}`,
        submittedAt: "2026-11-26T10:00:00+08:00",
        answers: { 编号: id, 答复类别: "A", 答复内容: "已解决" },
      });
    const metered = depsFor(SHEET, meterD1(env.DB));
    takeD1Counts();

    const applied = await applyAll(metered);

    const { queries } = takeD1Counts();
    expect(applied).toMatchObject({ outcome: "ok", unmatched: 50 });
    expect(queries).toBeLessThan(50);
    const { results } = await env.DB.prepare(
      "SELECT suggestion_id AS id, status, last_error AS error FROM inbox ORDER BY suggestion_id",
    ).all<{ id: string; status: string; error: string }>();
    expect(results).toHaveLength(50);
    for (const row of results) expect(row).toMatchObject({ status: "unmatched", error: "编号不在台账中" });
  });

  it("has the intake queue consumer ack what it applied and retry what it could not apply yet", async () => {
    await postForm("suggestion", suggestion("q-1", { 标题: "关于增设路灯的建议", 领衔代表: "王建国0" }));
    await postForm("suggestion", suggestion("q-2", { 标题: "关于修缮桥梁的建议", 领衔代表: "王建国0" }));
    const deliver = async (id: string, attempts: number) => {
      const batch = createMessageBatch<unknown>("jianyi-intake", [
        { id, timestamp: new Date(), attempts, body: { form: "suggestion", submissionId: id } },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      return getQueueResult(batch, ctx);
    };
    // Another consumer is applying a batch right now (it holds the lease).
    await env.DB.prepare("INSERT INTO leases (name, holder, expires_at) VALUES ('intake', 'other', ?1)")
      .bind(Date.now() + 60_000)
      .run();

    const busy = await deliver("q-1", 3);
    await env.DB.prepare("DELETE FROM leases WHERE name = 'intake'").run();
    const applied = await deliver("q-2", 1);

    expect(busy.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["q-1"]);
    expect(busy.explicitAcks).toEqual([]);
    expect(applied.explicitAcks).toEqual(["q-2"]);
    const titles = (await emulator.getValues(SHEET, LEDGER)).map((r) => r[col("标题")]);
    expect(titles).toContain("关于修缮桥梁的建议");
  });

  it("records a permanent failure for staff and completes after the next sync once it is fixed", async () => {
    await postForm(
      "suggestion",
      suggestion("perm-1", { 标题: "关于修缮村文化广场的建议", 领衔代表: "王建国0" }),
    );
    await emulator.addFault({
      method: "POST",
      pathIncludes: "test-sheet:batchUpdate",
      status: 403,
      times: 1,
    });

    const refused = await applyAll();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const problems = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    await applyAll();

    expect(refused).toMatchObject({ outcome: "failed", retryable: false });
    expect(
      problems.some((p) => String(p[5]).includes("perm-1") && String(p[5]).includes("把它添加为编辑者")),
    ).toBe(true);
    const titles = (await emulator.getValues(SHEET, LEDGER)).map((r) => r[col("标题")]);
    expect(titles.filter((t) => t === "关于修缮村文化广场的建议")).toHaveLength(1);
  });

  it("gets every accepted submission into the sheet exactly once although writes fail for a while", async () => {
    for (let i = 0; i < 30; i++) {
      expect(
        (await postForm("suggestion", suggestion(`burst-${i}`, { 标题: `建议${i}`, 领衔代表: "王建国0" })))
          .status,
      ).toBe(202);
    }
    await emulator.addFault({
      method: "POST",
      pathIncludes: "test-sheet:batchUpdate",
      status: 503,
      times: 40,
    });

    const failed = await applyAll();
    // A crash right after a successful append: the inbox still says pending.
    await emulator.deleteFaults();
    const appliedOnce = await applyAll();
    await env.DB.prepare("UPDATE inbox SET status = 'pending'").run();
    const replayed = await applyAll();

    expect(failed).toMatchObject({ outcome: "failed", retryable: true });
    expect(appliedOnce).toMatchObject({ outcome: "ok", appended: 30 });
    expect(replayed).toMatchObject({ outcome: "ok", appended: 0, alreadyThere: 30 });
    const ids = (await emulator.getValues(SHEET, LEDGER))
      .map((r) => String(r[col("标题")]))
      .filter((t) => /^建议\d+$/.test(t));
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);
  });

  it("adds 5 submissions as 5 rows after a failed write and two back-to-back syncs queued them all again", async () => {
    for (let i = 0; i < 5; i++) {
      await postForm(
        "suggestion",
        suggestion(`twice-${i}`, { 标题: `重复排队的建议${i}`, 领衔代表: "王建国0" }),
      );
    }
    await emulator.addFault({
      method: "POST",
      pathIncludes: "test-sheet:batchUpdate",
      status: 503,
      times: 3,
    });
    expect(await applyAll()).toMatchObject({ outcome: "failed", retryable: true });
    await emulator.deleteFaults();
    // Two syncs, both after the requeue delay, each queue the 5 outstanding submissions again; the
    // consumer then gets all 10 messages in one batch.
    const later = Date.now() + 3 * 60_000;
    await runSync(depsFor(SHEET), "test", later);
    await runSync(depsFor(SHEET), "test", later);
    const messages = Array.from({ length: 10 }, (_, i) => ({
      id: `m-${i}`,
      timestamp: new Date(),
      attempts: 1,
      body: { form: "suggestion", submissionId: `twice-${i % 5}` },
    }));
    const batch = createMessageBatch<unknown>("jianyi-intake", messages);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    await getQueueResult(batch, ctx);

    const titles = (await emulator.getValues(SHEET, LEDGER)).map((r) => String(r[col("标题")]));
    expect(titles.filter((t) => t.startsWith("重复排队的建议")).sort()).toEqual(
      Array.from({ length: 5 }, (_, i) => `重复排队的建议${i}`),
    );
  });

  it("adds a row once when Google applied the write but the answer was lost (503 after the write)", async () => {
    await postForm("suggestion", suggestion("lost-1", { 标题: "关于答复丢失的建议", 领衔代表: "王建国0" }));
    await emulator.addFault({
      method: "POST",
      pathIncludes: "test-sheet:batchUpdate",
      status: 503,
      times: 1,
      when: "after",
    });

    const applied = await applyAll();

    expect(applied).toMatchObject({ outcome: "ok" });
    const titles = (await emulator.getValues(SHEET, LEDGER)).map((r) => r[col("标题")]);
    expect(titles.filter((t) => t === "关于答复丢失的建议")).toHaveLength(1);
  });
});
