import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { MAX_BODY_BYTES } from "../../src/intake/body";
import { emulator } from "../support/emulator-admin";
import { buildFixture, fixtureSheets } from "../support/ledger-fixture";
import { errorOf, inboxCount, postForm, suggestion } from "../support/signed-post";
import { resetDatabase } from "../support/sync-helpers";

const URL_SUGGESTION = "http://jianyi.test/hooks/forms/suggestion";
const CHUNK = 16 * 1024;

/** What the hook reads of an oversized body at most (hooks-routes.ts), so that its sender gets the 413. */
const DRAIN_HOOK_BYTES = 1024 * 1024;

/** A body source (300 MB unless told) that counts how many bytes the Worker pulled and whether it cancelled. */
function hugeBody(total = 300 * 1024 * 1024) {
  const seen = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulledBytes >= total) return controller.close();
      const size = Math.min(CHUNK, total - seen.pulledBytes);
      seen.pulledBytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

/** An unsigned POST whose body is a stream: sent chunked, without Content-Length. */
function streamingPost(stream: ReadableStream<Uint8Array>): Request {
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: stream,
    duplex: "half",
  };
  return new Request(URL_SUGGESTION, init);
}

beforeAll(async () => {
  await emulator.deleteSpreadsheet("test-sheet").catch(() => undefined);
  await emulator.createSpreadsheet("test-sheet", fixtureSheets(buildFixture(5)));
});
beforeEach(resetDatabase);

describe("form webhooks: bodies", () => {
  it("refuses a 300 MB chunked body with 413 after pulling no more than 1 MiB and a chunk", async () => {
    const { stream, seen } = hugeBody();
    const started = Date.now();

    const response = await exports.default.fetch(streamingPost(stream));

    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ code: "too_large" });
    console.log(
      `300 MB chunked body: 413 after ${Date.now() - started} ms, ${seen.pulledBytes} bytes pulled`,
    );
    // Through the deployed entry point the runtime pipes the body: the Worker read 1 MiB (what a
    // sender's mistake is read to its end up to, so it gets the 413) and the chunk that crossed it,
    // never the 300 MB.
    expect(seen.pulledBytes).toBeLessThanOrEqual(DRAIN_HOOK_BYTES + 2 * CHUNK);
    expect(await inboxCount()).toBe(0);
  });

  it("cancels the body stream itself once 1 MiB of it was read", async () => {
    const { stream, seen } = hugeBody();
    const ctx = createExecutionContext();

    const response = await app.fetch(streamingPost(stream), env, ctx);
    await waitOnExecutionContext(ctx);

    expect(response.status).toBe(413);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulledBytes).toBeLessThanOrEqual(DRAIN_HOOK_BYTES + 2 * CHUNK);
  });

  it("reads a 1 MB chunked body past the cap to its end, so its sender gets the 413 whole", async () => {
    const { stream, seen } = hugeBody(1_000_000);
    const ctx = createExecutionContext();

    const response = await app.fetch(streamingPost(stream), env, ctx);
    await waitOnExecutionContext(ctx);

    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ code: "too_large" });
    expect(seen.pulledBytes).toBe(1_000_000);
    expect(seen.cancelled).toBe(false);
  });

  it("refuses a body that declares more than 64 KiB without reading it", async () => {
    const response = await exports.default.fetch(
      new Request(URL_SUGGESTION, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
        body: "x".repeat(MAX_BODY_BYTES + 1),
      }),
    );
    expect(response.status).toBe(413);
  });

  it("accepts a body that starts with a UTF-8 BOM, signed over its bytes as sent", async () => {
    const json = new TextEncoder().encode(
      JSON.stringify(suggestion("bom-1", { 标题: "关于校门口增设护栏的建议", 领衔代表: "王建国0" })),
    );
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...json]);

    const response = await postForm("suggestion", withBom);

    expect(response.status).toBe(202);
    const stored = await env.DB.prepare("SELECT answers FROM inbox WHERE submission_id = 'bom-1'").first<{
      answers: string;
    }>();
    expect(JSON.parse(stored?.answers ?? "{}")).toMatchObject({ 标题: "关于校门口增设护栏的建议" });
  });

  it("takes application/json with charset=utf-8 and refuses application/jsonp with 415", async () => {
    const body = suggestion("type-1", { 标题: "t", 领衔代表: "王建国0" });
    const jsonp = await postForm("suggestion", body, { contentType: "application/jsonp" });
    const utf8 = await postForm("suggestion", body, { contentType: "application/json; charset=UTF-8" });

    expect(jsonp.status).toBe(415);
    expect(await errorOf(jsonp)).toMatchObject({ code: "unsupported_media_type" });
    expect(utf8.status).toBe(202);
  });

  it("refuses bytes that are not UTF-8 with 400, even when signed", async () => {
    const response = await postForm("suggestion", new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "invalid_encoding" });
  });
});

describe("form webhooks: field limits", () => {
  it("refuses a date outside 2000–2100 with 400 naming the answer, and stores nothing", async () => {
    const response = await postForm(
      "suggestion",
      suggestion("date-1", { 标题: "t", 领衔代表: "王建国0", 提出日期: "9999-03-02" }),
    );
    const reply = await postForm("reply", suggestion("date-2", { 编号: "2026-001", 答复日期: "1999-12-31" }));

    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_body");
    expect(error.details?.map((d) => d.field)).toEqual(["answers.提出日期"]);
    expect(error.message).toContain("2000–2100");
    expect((await errorOf(reply)).details?.map((d) => d.field)).toEqual(["answers.答复日期"]);
    expect(await inboxCount()).toBe(0);
  });

  it("refuses submittedAt in year 9999 with 400 naming submittedAt (no 编号 NaN-001 is handed out)", async () => {
    const response = await postForm("suggestion", {
      ...suggestion("year-9999", { 标题: "t", 领衔代表: "王建国0" }),
      submittedAt: "9999-12-31T09:00:00+08:00",
    });

    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.map((d) => d.field)).toEqual(["submittedAt"]);
    const sequences = await env.DB.prepare("SELECT count(*) AS n FROM id_sequences").first<{ n: number }>();
    expect(sequences?.n).toBe(0);
  });

  it("says in Chinese what is wrong with answers sent as a list, and how they should be sent", async () => {
    const response = await postForm("suggestion", { ...suggestion("list-1", {}), answers: [1, 2] });

    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toBe("提交内容格式不对");
    expect(error.details).toEqual([
      { field: "answers", message: 'answers 须为对象，按题目名称填写答案，如 {"标题": "…"}' },
    ]);
  });

  it("names each field an empty body left out, and what it is for", async () => {
    const response = await postForm("suggestion", {});

    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toBe("提交内容格式不对");
    expect(error.details).toEqual([
      { field: "submissionId", message: "缺少 submissionId（每次提交的唯一编号）" },
      { field: "submittedAt", message: "缺少 submittedAt（提交时间，如 2026-03-02T09:30:00+08:00）" },
      { field: "answers", message: "缺少 answers（表单的答案，按题目名称）" },
    ]);
    expect(await inboxCount()).toBe(0);
  });

  it("refuses a suggestion without 标题 or 领衔代表 with 400 saying which, and hands out no 编号", async () => {
    const untitled = await postForm(
      "suggestion",
      suggestion("bare-1", { 领衔代表: "王建国0", 内容摘要: "…" }),
    );
    const unsigned = await postForm(
      "suggestion",
      suggestion("bare-2", { 标题: "关于测试的建议", 领衔代表: " " }),
    );

    expect([untitled.status, unsigned.status]).toEqual([400, 400]);
    expect((await errorOf(untitled)).message).toBe("建议须填写标题：请补上后重新提交");
    expect((await errorOf(unsigned)).message).toBe("建议须填写领衔代表：请补上后重新提交");
    expect(await inboxCount()).toBe(0);
    const sequences = await env.DB.prepare("SELECT count(*) AS n FROM id_sequences").first<{ n: number }>();
    expect(sequences?.n).toBe(0);
  });

  it("refuses a 标题 over 200 characters with 400 naming it", async () => {
    const response = await postForm(
      "suggestion",
      suggestion("title-1", { 建议标题: "题".repeat(201), 领衔代表: "王建国0" }),
    );
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.map((d) => d.field)).toEqual(["answers.建议标题"]);
  });

  it("cuts long text and the 备注 summary to 5,000 characters and keeps every answer whole in the inbox", async () => {
    const content = "内".repeat(9_000);
    const extra = "附".repeat(9_000);
    const response = await postForm(
      "suggestion",
      suggestion("long-1", { 标题: "t", 领衔代表: "王建国0", 建议内容: content, 其他说明事项: extra }),
    );

    expect(response.status).toBe(202);
    const row = await env.DB.prepare("SELECT answers, raw FROM inbox WHERE submission_id = 'long-1'").first<{
      answers: string;
      raw: string;
    }>();
    const cells = JSON.parse(row?.answers ?? "{}") as Record<string, string>;
    expect(cells.内容摘要).toHaveLength(5_000);
    expect(cells.内容摘要).toContain("原文共 9000 字，超出台账 5000 字上限");
    expect(cells.备注).toHaveLength(5_000);
    expect(JSON.parse(row?.raw ?? "{}")).toMatchObject({ 建议内容: content, 其他说明事项: extra });
  });
});
