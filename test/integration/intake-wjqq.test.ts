import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { app } from "../../src/app";
import { isoFromSerial } from "../../src/domain/civil-date";
import { wjqqKey } from "../../src/intake/platforms/wjqq";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { quietQueue } from "../support/quiet-queue";
import { errorOf, FORM_SECRETS, inboxCount } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "test-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const LEAD = DEPUTIES[0] as string;

type WjqqForm = "suggestion" | "reply" | "rating";

/**
 * A push as https://wj.qq.com/docs/webhook/ documents it, its field names kept as the page writes
 * them: a question is {id, type, text | options}, with no title (the answer API, get_answer, lists
 * the same fields). The form's questions are named by the address's `&map=`.
 */
function wjqqPush(
  answerId: number,
  questions: Record<string, unknown>[],
  action = "answer.create",
): Record<string, unknown> {
  return {
    id: "33cc555f-056f-4242-a97c-46f3e7d2016f",
    object: "Answer",
    action,
    created_at: "2026-11-26 14:00:00",
    payload: {
      survey_id: 5356056,
      survey_hash: "abc1",
      answer_id: answerId,
      respondent_id: 60000000001,
      respondent_type: "",
      openid: "",
      started_at: "2026-11-26 11:55:30",
      ended_at: "2026-11-26 12:01:39",
      duration: 189,
      country: "中国",
      province: "广东省",
      city: "深圳市",
      ip: "127.0.0.1",
      ua: "Mozilla/5.0 (iPhone; CPU iPhone OS 15_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
      referrer: "https://wj.qq.com/xxx.html",
      third_party_user: { respondent_id: 60000000001, openid: "abcdefg", nickname: "张三" },
      answer: [
        {
          id: "p-1-abcd",
          questions: [
            {
              id: "q-1-abcd",
              type: "radio",
              options: [{ id: "o-100-ABCD", checked: 1, text: "选项" }],
              blanks: [],
            },
            ...questions,
          ],
        },
      ],
    },
  };
}

const text = (id: string, value: string) => ({ id, type: "text", text: value });
const radio = (id: string, value: string) => ({
  id,
  type: "radio",
  options: [{ id: `o-${id}`, checked: 1, text: value }],
  blanks: [],
});

async function postWjqq(form: WjqqForm, body: unknown, map: string | null, key?: string): Promise<Response> {
  const k = key ?? (await wjqqKey(FORM_SECRETS[form]));
  const query = map === null ? "" : `&map=${encodeURIComponent(map)}`;
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(`http://jianyi.test/hooks/wjqq/${form}?key=${k}${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { ...env, INTAKE_QUEUE: quietQueue },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(5)));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

/** Writes every stored submission into the sheet (the queue consumer), then syncs (the cron). */
async function applyAndSync() {
  const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
    form: "suggestion";
    submissionId: string;
  }>();
  await applyInbox(depsFor(SHEET), results, Date.now());
  await runSync(depsFor(SHEET), "test", Date.now());
}

const SUGGESTION_QUESTIONS = [
  text("q-2-abcd", "关于腾讯问卷推送的建议"),
  text("q-3-abcd", LEAD),
  text("q-4-abcd", "问卷里填的内容"),
];
/** What the office adds to the suggestion form's push URL (docs/deploy.md §11a, method C). */
const SUGGESTION_MAP = "q-2-abcd:标题,q-3-abcd:领衔代表,q-4-abcd:内容摘要";

/** /problems as staff open it. */
async function problemsPage(): Promise<string> {
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request("http://jianyi.test/problems", { headers: { authorization: "Bearer test-admin-token" } }),
    { ...env, INTAKE_QUEUE: quietQueue },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const html = await response.text();
  expect(response.status, html.slice(0, 300)).toBe(200);
  return html;
}

const CARD = "腾讯问卷推送未能识别的题目";

describe("腾讯问卷 webhook (/hooks/wjqq/:form)", () => {
  it("puts a suggestion pushed by 腾讯问卷 (questions without titles) into the ledger by the address's map; a retry or update of the same answer adds nothing", async () => {
    const response = await postWjqq("suggestion", wjqqPush(7, SUGGESTION_QUESTIONS), SUGGESTION_MAP);
    expect(response.status).toBe(202);
    const { 编号 } = (await response.json()) as { 编号: string };

    const retry = await postWjqq("suggestion", wjqqPush(7, SUGGESTION_QUESTIONS), SUGGESTION_MAP);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ 编号 });
    const update = await postWjqq(
      "suggestion",
      wjqqPush(7, [...SUGGESTION_QUESTIONS.slice(0, 2), text("q-4-abcd", "改过的内容")], "answer.update"),
      SUGGESTION_MAP,
    );
    expect(update.status).toBe(200);
    expect(((await update.json()) as { note: string }).note).toContain("不会改动台账");
    expect(await inboxCount()).toBe(1);

    await applyAndSync();
    const rows = (await emulator.getValues(SHEET, LEDGER)).filter((r) => r[col("编号")] === 编号);
    expect(rows).toHaveLength(1);
    const row = rows[0] as unknown[];
    expect(row[col("标题")]).toBe("关于腾讯问卷推送的建议");
    expect(row[col("领衔代表")]).toBe(LEAD);
    expect(row[col("内容摘要")]).toBe("问卷里填的内容");
    expect(isoFromSerial(Number(row[col("提出日期")]))).toBe("2026-11-26");
    // The page's radio question, not in the map, is kept where staff see it.
    expect(String(row[col("备注")])).toContain("选项");
  });

  it("takes a reply and a rating by the address's map, the choice as its option's text", async () => {
    const reply = await postWjqq(
      "reply",
      wjqqPush(8, [
        text("q-2", "2026-001"),
        text("q-3", "2026-11-25"),
        radio("q-4", "A"),
        text("q-5", "已办理"),
      ]),
      "q-2:建议编号,q-3:答复日期,q-4:答复类别,q-5:答复内容",
    );
    expect(reply.status).toBe(202);
    const rating = await postWjqq(
      "rating",
      wjqqPush(9, [text("q-2", "2026-001"), radio("q-3", "满意")]),
      "q-2:建议编号,q-3:满意度",
    );
    expect(rating.status).toBe(202);
    const stored = await env.DB.prepare(
      "SELECT form, submission_id AS id, answers AS cells FROM inbox ORDER BY form",
    ).all<{
      form: string;
      id: string;
      cells: string;
    }>();
    expect(stored.results.map((r) => [r.form, r.id])).toEqual([
      ["rating", "wjqq-5356056-9"],
      ["reply", "wjqq-5356056-8"],
    ]);
    expect(JSON.parse(stored.results[0]?.cells ?? "{}")).toMatchObject({ 编号: "2026-001", 满意度: "满意" });
    expect(JSON.parse(stored.results[1]?.cells ?? "{}")).toMatchObject({ 答复类别: "A", 答复内容: "已办理" });
  });

  it("refuses a wrong key with 401 in Chinese and stores nothing", async () => {
    const response = await postWjqq(
      "suggestion",
      wjqqPush(7, SUGGESTION_QUESTIONS),
      SUGGESTION_MAP,
      "0".repeat(32),
    );
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error.code).toBe("bad_key");
    expect(error.message).toContain("地址中的 key 不对");
    // The reply form's key does not open the suggestion form.
    const other = await postWjqq(
      "suggestion",
      wjqqPush(7, SUGGESTION_QUESTIONS),
      SUGGESTION_MAP,
      await wjqqKey(FORM_SECRETS.reply),
    );
    expect(other.status).toBe(401);
    expect(await inboxCount()).toBe(0);
  });

  it("answers the test request sent when the Webhook is switched on with 200 and a Chinese note", async () => {
    const response = await postWjqq(
      "suggestion",
      { id: "t-1", object: "Answer", action: "answer.create" },
      null,
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { note: string }).note).toContain("已收到腾讯问卷的测试请求");
    expect(await inboxCount()).toBe(0);
  });

  it("takes answer.delete with 200, changes nothing, and says so", async () => {
    await postWjqq("suggestion", wjqqPush(7, SUGGESTION_QUESTIONS), SUGGESTION_MAP);
    const response = await postWjqq(
      "suggestion",
      { id: "d-1", object: "Answer", action: "answer.delete", payload: { survey_id: 5356056, answer_id: 7 } },
      null,
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { note: string }).note).toContain("台账不随之删除");
    expect(await inboxCount()).toBe(1);
  });

  it("without a map, refuses the push listing each question's id beside its answer, and shows them on /problems until a push of the form is accepted", async () => {
    const long = "关于加快推进城乡供水一体化建设切实保障农村饮水安全的建议";
    const questions = [text("q-2-abcd", long), text("q-3-abcd", LEAD), text("q-4-abcd", "问卷里填的内容")];
    const response = await postWjqq("suggestion", wjqqPush(10, questions), null);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toContain("建议须填写标题");
    expect(error.message).toContain("q-1-abcd（答：“选项”）");
    expect(error.message).toContain(`q-2-abcd（答：“${long.slice(0, 20)}…”，前 20 字）`);
    expect(error.message).toContain(`q-3-abcd（答：“${LEAD}”）`);
    expect(error.message).toContain("&map=q-1-abcd:名称,q-2-abcd:名称,q-3-abcd:名称,q-4-abcd:名称");
    expect(error.message).not.toContain("请把表单的题目改为");
    expect(await inboxCount()).toBe(0);

    // Staff read the ids beside their answers in 校验问题 (the dashboard's /problems) …
    const page = await problemsPage();
    expect(page).toContain(CARD);
    const card = page.slice(page.indexOf(CARD));
    expect(card).toContain("建议表单");
    expect(card).toContain("q-2-abcd");
    expect(card).toContain(long.slice(0, 20));
    expect(card).not.toContain(long);
    expect(card).toContain("q-3-abcd");
    expect(card).toContain(LEAD);
    expect(card).toContain("&amp;map=q-1-abcd:名称,q-2-abcd:名称,q-3-abcd:名称,q-4-abcd:名称");
    const stored = await env.DB.prepare(
      "SELECT value FROM meta WHERE key = 'wjqq_refused:suggestion'",
    ).first<{
      value: string;
    }>();
    expect(stored?.value).not.toContain(long);

    // … and add the map to the push URL: the next answer lands, and the card is gone.
    const mapped = await postWjqq(
      "suggestion",
      wjqqPush(11, questions),
      "q-2-abcd:标题,q-3-abcd:领衔代表,q-4-abcd:内容摘要",
    );
    expect(mapped.status).toBe(202);
    expect(await problemsPage()).not.toContain(CARD);
  });

  it("keeps a question's title when the push carries one, the map naming the rest", async () => {
    const response = await postWjqq(
      "suggestion",
      wjqqPush(12, [
        { ...text("q-2-abcd", "关于带标题的建议"), title: "建议标题" },
        ...SUGGESTION_QUESTIONS.slice(1),
      ]),
      "q-3-abcd:领衔代表,q-4-abcd:内容摘要",
    );
    expect(response.status).toBe(202);
  });

  it("refuses an address whose map it cannot read with 400 saying what is wrong, storing nothing", async () => {
    const noColon = await postWjqq("suggestion", wjqqPush(13, SUGGESTION_QUESTIONS), "q-2-abcd标题");
    expect(noColon.status).toBe(400);
    expect((await errorOf(noColon)).message).toContain("“q-2-abcd标题”缺少冒号");
    const unknown = await postWjqq("suggestion", wjqqPush(13, SUGGESTION_QUESTIONS), "q-2-abcd:名称");
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain("“名称”不是建议表单的题目");
    expect(await inboxCount()).toBe(0);
  });
});
