import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCRATCH_TAB, TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab, noticeLogTab } from "../../sheets-schema/tabs";
import { writeFollowUps } from "../../src/http/dashboard/follow-up-writer";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { flushNoticeLog } from "../../src/jobs/notices/log-to-sheet";
import { restoreSuggestion } from "../../src/jobs/sync/restore";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets, SCENARIOS } from "../support/ledger-fixture";
import { RESHAPES, type Reshape, reshapeBeforeNextWrite, reshapeOutcome } from "../support/reshape";
import { postForm } from "../support/signed-post";
import { depsFor, inboxKeys, resetDatabase } from "../support/sync-helpers";

const SHEET = "placement";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const STAFF = ledgerTab.columns.filter((c) => c.owner === "staff").map((c) => c.header);
const ROWS = 40;
const titleIndex = (title: unknown) => Number(/第(\d+)号/.exec(String(title))?.[1]) - 1;

/** The 标题 at a sheet row now: the row a person will number in the "type a 编号" case. */
async function titleAtRow(row: number): Promise<string> {
  return String((await emulator.getValues(SHEET, LEDGER))[row - 1]?.[col("标题")] ?? "");
}

async function seed(withoutId = 0) {
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  const tabs = buildFixture(ROWS, withoutId);
  tabs[TAB_NAMES.noticeLog] = [noticeLogTab.columns.map((c) => c.header)];
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
}

const ledger = () => emulator.getValues(SHEET, LEDGER);

/** Staff cells by 标题 (unique in the fixture): what a person typed, wherever the row is now. */
async function staffByTitle(): Promise<Map<string, Record<string, unknown>>> {
  const rows = await ledger();
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows.slice(1)) {
    const title = String(row[col("标题")] ?? "");
    if (!title) continue;
    out.set(title, Object.fromEntries(STAFF.map((h) => [h, row[col(h)] ?? ""])));
  }
  return out;
}

async function systemAudits(): Promise<
  { suggestion_id: string; column_name: string; note: string | null }[]
> {
  const { results } = await env.DB.prepare(
    "SELECT suggestion_id, column_name, note FROM audit_trail WHERE source = 'system'",
  ).all<{ suggestion_id: string; column_name: string; note: string | null }>();
  return results;
}

/**
 * Every staff cell of every row is what it was, except the cells the job meant to write for that
 * very suggestion (`changed`), and a row a person deleted.
 */
function expectStaffKept(
  before: Map<string, Record<string, unknown>>,
  after: Map<string, Record<string, unknown>>,
  changed: (title: string, header: string) => boolean,
) {
  for (const [title, cells] of after) {
    const was = before.get(title);
    expect(was, `a row appeared: ${title}`).toBeDefined();
    for (const h of STAFF) {
      if (changed(title, h)) continue;
      expect(cells[h], `${title} ${h}`).toEqual(was?.[h]);
    }
  }
}

/** A reply to `id` sent on the form, its 答复内容 "答复<id>". */
async function postReply(id: string, submissionId: string) {
  await postForm("reply", {
    submissionId,
    // Sent the day it is dated: a reply sent after 办理期限 but dated earlier would add a 备注 line.
    submittedAt: "2026-11-20T10:00:00+08:00",
    answers: { 编号: id, 答复日期: "2026-11-20", 答复类别: "A", 答复内容: `答复${id}` },
  });
}

const REPLY_CELLS = new Set(["答复日期", "答复类别", "答复内容"]);

/** The reply postReply sent for `id` is on that suggestion's row and no other; no other staff cell moved. */
async function expectReplyOnlyOn(id: string, before: Map<string, Record<string, unknown>>) {
  const withReply = (await ledger()).filter((r) => r[col("答复内容")] === `答复${id}`);
  expect(withReply.map((r) => r[col("编号")])).toEqual([id]);
  const idOf = new Map([...before].map(([t, c]) => [t, String(c.编号)]));
  expectStaffKept(before, await staffByTitle(), (title, h) => idOf.get(title) === id && REPLY_CELLS.has(h));
}

/** The reshapes this test armed: each must have happened, once, or the test did not test it. */
let armed: number[] = [];

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  armed = [];
});

afterEach(async () => {
  for (const id of armed)
    expect(await reshapeOutcome(id), "the person's edit happened").toEqual({ fired: 1, errors: [] });
});

describe.each(RESHAPES)("a person's edit (%s) in the instant before the write", (reshape: Reshape) => {
  it("sync: every status lands on its own suggestion, no typed 编号 is overwritten, repairs are in the audit trail", async () => {
    await seed(6);
    const before = await staffByTitle();
    // Sheet row 37 has no 编号 yet: the one a person numbers in the "type a 编号" case.
    armed.push(await reshapeBeforeNextWrite(SHEET, reshape, ROWS + 1, 37));

    const result = await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(result.outcome).toBe("ok");
    const rows = await ledger();
    for (const row of rows.slice(1)) {
      const title = row[col("标题")];
      if (!title) {
        expect(row[col("台账状态")] ?? "", "a blank row a person inserted stays blank").toBe("");
        continue;
      }
      const i = titleIndex(title);
      expect(row[col("台账状态")], `suggestion ${i + 1}`).toBe(SCENARIOS[i % SCENARIOS.length]?.status);
      if (i < ROWS - 6) expect(row[col("编号")]).toBe(`2026-${String(i + 1).padStart(3, "0")}`);
      else expect(String(row[col("编号")])).toMatch(/^(2026-\d{3}|人工-001)$/);
    }
    if (reshape === "type a 编号") expect(rows.some((r) => r[col("编号")] === "人工-001")).toBe(true);
    expectStaffKept(
      before,
      await staffByTitle(),
      (title, h) => h === "编号" && titleIndex(title) >= ROWS - 6,
    );
    const audits = await systemAudits();
    expect(audits).toHaveLength(result.repairedCells);
    for (const a of audits) expect(a.note).toContain("已按写入瞬间的原值恢复");
    if (reshape === "type a 编号") expect(audits.map((a) => a.column_name)).toContain("编号");
  });

  it("intake: each reply and rating lands on the row of its 编号, and nowhere else", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const replies = ["2026-005", "2026-018", "2026-031"];
    const ratings = ["2026-008", "2026-021"];
    for (const id of replies) await postReply(id, `r-${id}`);
    for (const id of ratings) {
      await postForm("rating", {
        submissionId: `s-${id}`,
        submittedAt: new Date().toISOString(),
        answers: { 编号: id, 满意度: "满意", 测评日期: "2026-11-21" },
      });
    }
    const before = await staffByTitle();
    // "type a 编号": a person retypes 2026-005's 编号 just then; its reply must wait, not land elsewhere.
    armed.push(await reshapeBeforeNextWrite(SHEET, reshape, ROWS + 1, 6));

    const applied = await applyInbox(depsFor(SHEET), await inboxKeys(), Date.now());

    const rows = await ledger();
    const byId = new Map(rows.slice(1).map((r) => [String(r[col("编号")]), r]));
    const waits = reshape === "type a 编号" ? new Set(["2026-005"]) : new Set<string>();
    expect(applied.outcome, JSON.stringify(applied)).toBe(waits.size > 0 ? "failed" : "ok");
    for (const id of replies.filter((r) => !waits.has(r))) {
      expect(byId.get(id)?.[col("答复内容")], id).toBe(`答复${id}`);
    }
    for (const id of ratings) expect(byId.get(id)?.[col("满意度")], id).toBe("满意");
    const targets = new Set([...replies, ...ratings].filter((r) => !waits.has(r)));
    const written = new Set(["答复日期", "答复类别", "答复内容", "满意度", "测评日期"]);
    const idOf = new Map([...before].map(([t, c]) => [t, String(c.编号)]));
    expectStaffKept(
      before,
      await staffByTitle(),
      (title, h) =>
        (targets.has(idOf.get(title) ?? "") && written.has(h)) ||
        (waits.size > 0 && h === "编号" && idOf.get(title) === "2026-005"),
    );
    if (waits.size > 0) {
      const entry = await env.DB.prepare(
        "SELECT status FROM inbox WHERE submission_id = 'r-2026-005'",
      ).first<{
        status: string;
      }>();
      expect(entry?.status).not.toBe("applied");
    }
  });

  it("sampling confirm: 回访 = 是 on exactly the drawn suggestions", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const drawn = ["2026-008", "2026-012", "2026-025"];
    const before = await staffByTitle();
    const typed = await titleAtRow(30);
    armed.push(await reshapeBeforeNextWrite(SHEET, reshape, ROWS + 1, 30));

    await writeFollowUps(depsFor(SHEET), drawn, "测试员", new Date().toISOString());

    const rows = await ledger();
    const marked = rows
      .slice(1)
      .filter((r) => r[col("回访")] === "是")
      .map((r) => String(r[col("编号")]));
    expect(marked.sort()).toEqual([...drawn].sort());
    const idOf = new Map([...before].map(([t, c]) => [t, String(c.编号)]));
    expectStaffKept(
      before,
      await staffByTitle(),
      (title, h) =>
        (h === "回访" && drawn.includes(idOf.get(title) ?? "")) || (h === "编号" && title === typed),
    );
  });

  it("notices log: 最近通知 lands on its own suggestion and each outcome is logged once", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const ids = ["2026-005", "2026-006", "2026-019"];
    const insert = env.DB.prepare(
      `INSERT INTO notices (idempotency_key, type, suggestion_id, recipient, channel, address, title, body,
         due_on, planned_at, status, sent_at, finished_at)
       VALUES (?1, '到期提醒', ?2, ?3, 'email', 'x@example.org', '提醒', '正文', '2026-11-26', ?4, '已发送', ?4, ?4)`,
    );
    const at = new Date(FIXTURE_NOW_MS).toISOString();
    await env.DB.batch(ids.map((id) => insert.bind(`k-${id}`, id, `单位${id}`, at)));
    const before = await staffByTitle();
    const typed = await titleAtRow(30);
    armed.push(await reshapeBeforeNextWrite(SHEET, reshape, ROWS + 1, 30));

    const flushed = await flushNoticeLog(depsFor(SHEET), FIXTURE_NOW_MS);

    expect(flushed.outcome).toBe("ok");
    const rows = await ledger();
    for (const row of rows.slice(1)) {
      const id = String(row[col("编号")] ?? "");
      const last = String(row[col("最近通知")] ?? "");
      if (ids.includes(id)) expect(last, id).toContain(`单位${id}`);
      else expect(last, id).toBe("");
    }
    const log = await emulator.getValues(SHEET, `'${TAB_NAMES.noticeLog}'`);
    expect(
      log
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(ids);
    expectStaffKept(before, await staffByTitle(), (title, h) => h === "编号" && title === typed);
  });

  it("restore: the vanished suggestion comes back once, and nothing else moves", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const vanished = (await ledger()).findIndex((r) => r[col("编号")] === "2026-010");
    const ss = await emulator.spreadsheet(SHEET);
    const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
    const original = (await staffByTitle()).get("关于改进第10号民生事项的建议");
    await emulator.addHook({
      method: "GET",
      pathIncludes: `${SHEET}/values:batchGet`,
      actions: [
        {
          op: "batchUpdate",
          spreadsheetId: SHEET,
          body: {
            requests: [
              {
                deleteDimension: {
                  range: { sheetId, dimension: "ROWS", startIndex: vanished, endIndex: vanished + 1 },
                },
              },
            ],
          },
        },
      ],
    });
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const before = await staffByTitle();
    const typed = await titleAtRow(30);
    armed.push(await reshapeBeforeNextWrite(SHEET, reshape, ROWS, 30));

    const restored = await restoreSuggestion(depsFor(SHEET), "2026-010", FIXTURE_NOW_MS, "测试员");

    expect(restored.ok).toBe(true);
    const after = await staffByTitle();
    expect(after.get("关于改进第10号民生事项的建议")).toEqual(original);
    after.delete("关于改进第10号民生事项的建议");
    expectStaffKept(before, after, (title, h) => h === "编号" && title === typed);
    const copies = (await ledger()).filter((r) => r[col("编号")] === "2026-010");
    expect(copies).toHaveLength(1);
  });
});

describe("a ledger write whose kept sheetIds went stale (a tab deleted and made again)", () => {
  it("is refused with 400, asks Google for the ids again, and the reply lands on its own row", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const kept = async () =>
      JSON.parse(
        (await env.DB.prepare("SELECT value FROM meta WHERE key = 'sheet_ids'").first<{ value: string }>())
          ?.value ?? "{}",
      ) as Record<string, number>;
    const staleScratch = (await kept())[SCRATCH_TAB];
    expect(staleScratch).toBeTypeOf("number");
    // Someone deletes the hidden scratch tab just before the write: the id D1 keeps names no tab.
    const { hook } = await emulator.addHook({
      method: "POST",
      pathIncludes: `${SHEET}:batchUpdate`,
      actions: [
        {
          op: "batchUpdate",
          spreadsheetId: SHEET,
          body: { requests: [{ deleteSheet: { sheetId: staleScratch } }] },
        },
      ],
    });
    armed.push(hook.id);
    await postReply("2026-007", "r-stale");
    const before = await staffByTitle();

    const applied = await applyInbox(depsFor(SHEET), await inboxKeys(), Date.now());

    expect(applied.outcome, JSON.stringify(applied)).toBe("ok");
    await expectReplyOnlyOn("2026-007", before);
    const titles = (await emulator.spreadsheet(SHEET)).sheets.map((t) => t.properties.title);
    expect(titles).toContain(SCRATCH_TAB);
    const fresh = (await kept())[SCRATCH_TAB];
    expect(fresh).toBeTypeOf("number");
    expect(fresh).not.toBe(staleScratch);
  });
});

describe("a ledger write cut off between landing and its check (the Worker stopped there)", () => {
  it("the next write checks it: what a row inserted above sent to another row is put back, the reply lands on its own", async () => {
    await seed();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    await postReply("2026-005", "r-cut");
    const before = await staffByTitle();
    armed.push(await reshapeBeforeNextWrite(SHEET, "insert above", ROWS + 1));
    // The check reads the capture back from the scratch tab: that read never comes.
    await emulator.addFault({ method: "GET", pathIncludes: SCRATCH_TAB, status: 403, times: 1 });
    const results = await inboxKeys();

    const cut = await applyInbox(depsFor(SHEET), results, Date.now());

    expect(cut.outcome).toBe("failed");
    const pendingWrite = () =>
      env.DB.prepare("SELECT value FROM meta WHERE key = 'ledger_write_pending'").first<{ value: string }>();
    expect((await pendingWrite())?.value).not.toBe("");
    // A row inserted above sent the reply to the row before: as the sheet stands, it is misplaced.
    const astray = (await ledger()).find((r) => r[col("答复内容")] === "答复2026-005");
    expect(astray?.[col("编号")]).not.toBe("2026-005");

    const next = await applyInbox(depsFor(SHEET), results, Date.now());

    expect(next.outcome, JSON.stringify(next)).toBe("ok");
    await expectReplyOnlyOn("2026-005", before);
    expect((await pendingWrite())?.value).toBe("");
  });
});
