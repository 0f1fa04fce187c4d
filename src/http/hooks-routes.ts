import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { answerProblems } from "../domain/intake/answer-limits";
import { FORM_KINDS, type FormKind } from "../domain/intake/map-answers";
import type { Env } from "../env";
import { fieldErrors, MAX_BODY_BYTES, submissionSchema, tooLargeError } from "../intake/body";
import { choiceProblems } from "../intake/choice-answers";
import { isJsonContentType } from "../intake/content-type";
import {
  parseWjqqMap,
  translateWjqq,
  type UnnamedQuestion,
  unnamedLine,
  unnamedMessage,
  type WjqqForm,
  type WjqqRefusal,
  wjqqKeyMatches,
  wjqqRefusedKey,
} from "../intake/platforms/wjqq";
import { decodeUtf8, drainBody, readCappedBody } from "../intake/read-body";
import { verifySignature } from "../intake/signature";
import { acceptSubmission, earlierSuggestionLookup } from "../jobs/intake/accept-submission";
import { HttpError } from "./errors";

const SECRET_OF: Record<FormKind, keyof Env> = {
  suggestion: "FORM_SECRET_SUGGESTION",
  reply: "FORM_SECRET_REPLY",
  rating: "FORM_SECRET_RATING",
  opinion: "FORM_SECRET_OPINION",
};

/**
 * How much of an oversized submission is read (and dropped) so that its sender gets the 413: a
 * form platform's mistake is rarely larger, and reading more would spend CPU on whoever sends it.
 */
const DRAIN_HOOK_BYTES = 1024 * 1024;

/**
 * How much of an oversized submission is kept, so that its 413 can name its longest answers when it
 * is signed: a few answers over the limit in Chinese (20,000 characters are 60,000 bytes). A larger
 * one is read and dropped, and told the limit alone.
 */
const EXPLAIN_MAX_BYTES = 2 * MAX_BODY_BYTES;

function formOf(name: string): FormKind {
  if ((FORM_KINDS as readonly string[]).includes(name)) return name as FormKind;
  throw new HttpError(404, "unknown_form", `没有表单“${name}”：可用 suggestion、reply、rating、opinion`);
}

/**
 * The body's raw bytes, and whether it is over the cap (MAX_BODY_BYTES). Never more than
 * EXPLAIN_MAX_BYTES is kept: a declared Content-Length over it is refused unkept, and a body without
 * one (chunked) is dropped as soon as it passes it (`bytes` null). Either is read to its end first
 * (up to DRAIN_HOOK_BYTES), so the sender gets the 413, not a reset connection.
 */
async function rawBody(request: Request): Promise<{ bytes: Uint8Array | null; tooLarge: boolean }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > EXPLAIN_MAX_BYTES) {
    await drainBody(request.body, DRAIN_HOOK_BYTES);
    return { bytes: null, tooLarge: true };
  }
  const read = await readCappedBody(request.body, EXPLAIN_MAX_BYTES, 0, DRAIN_HOOK_BYTES);
  if (!read.ok) return { bytes: null, tooLarge: true };
  return { bytes: read.bytes, tooLarge: read.bytes.byteLength > MAX_BODY_BYTES };
}

/**
 * The 413 of a body over the cap: naming its longest answers when it is signed (or its key was
 * right) and could be read whole (a stranger's is not parsed: reading its JSON would spend CPU for
 * them), else the limit alone; in characters either way. `toBody` makes a platform's body jianyi's.
 */
async function tooLarge(
  bytes: Uint8Array | null,
  check: (bytes: Uint8Array) => Promise<boolean>,
  toBody: (json: unknown) => unknown = (json) => json,
): Promise<HttpError> {
  let json: unknown = null;
  if (bytes && (await check(bytes))) {
    try {
      json = toBody(JSON.parse(decodeUtf8(bytes) ?? "null"));
    } catch {
      json = null;
    }
  }
  const { message, details } = tooLargeError(json);
  return new HttpError(413, "too_large", message, details);
}

/** The 415 of a body that is not JSON; both routes take `application/json` alone. */
function requireJson(contentType: string | undefined): void {
  if (!isJsonContentType(contentType)) {
    throw new HttpError(
      415,
      "unsupported_media_type",
      "请以 Content-Type: application/json（可带 charset=utf-8）发送 UTF-8 编码的 JSON",
    );
  }
}

/** The form's FORM_SECRET_*, or the 503 of a form not configured. */
function formSecret(env: Env, form: FormKind): string {
  const secret = env[SECRET_OF[form]];
  if (typeof secret !== "string" || secret === "") {
    throw new HttpError(503, "form_not_configured", `表单密钥 ${SECRET_OF[form]} 未设置`);
  }
  return secret;
}

/** A body's JSON, or the 400 of bytes that are not UTF-8 or not JSON. */
function parseJson(bytes: Uint8Array): unknown {
  const text = decodeUtf8(bytes);
  if (text === null) throw new HttpError(400, "invalid_encoding", "请求体不是 UTF-8 编码的文本");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "请求体不是合法的 JSON");
  }
}

/**
 * What the signed route and a platform's adaptor share once the sender is trusted and its body is
 * jianyi's own `{submissionId, submittedAt, answers}`: the checks, the store (a submissionId seen
 * before answers 200 with what was stored the first time, changing nothing) and the answer.
 */
async function acceptBody(
  env: Env,
  form: FormKind,
  json: unknown,
): Promise<{ body: { 编号: string; status: string }; status: 200 | 202; repeated: boolean }> {
  const parsed = submissionSchema.safeParse(json);
  if (!parsed.success)
    throw new HttpError(400, "invalid_body", "提交内容格式不对", fieldErrors(parsed.error));
  const problems = [
    ...answerProblems(form, parsed.data.answers),
    ...choiceProblems(form, parsed.data.answers),
  ];
  if (problems.length > 0) {
    throw new HttpError(400, "invalid_body", problems.map((p) => p.message).join("；"), problems);
  }
  const deps = createDeps(env);
  // A new suggestion the deputy already submitted is refused as the deputy's link refuses it.
  const result = await acceptSubmission(deps, form, parsed.data, Date.now(), null, {
    earlierWithTitle: earlierSuggestionLookup(deps),
  });
  if (result.kind === "invalid") {
    throw new HttpError(
      result.earlier ? 409 : 400,
      result.earlier ? "repeated_suggestion" : "invalid_body",
      result.message,
      [{ field: result.field, message: result.message }],
    );
  }
  const body = { 编号: result.entry.suggestionId, status: result.entry.status };
  const repeated = result.kind !== "accepted";
  return { body, status: repeated ? 200 : 202, repeated };
}

/** The forms 腾讯问卷 may push to (an opinion comes from a liaison station's own system). */
const WJQQ_FORMS: readonly FormKind[] = ["suggestion", "reply", "rating"];

/** The answer to the test request 腾讯问卷 sends when its Webhook is switched on. */
const WJQQ_TEST_NOTE =
  "已收到腾讯问卷的测试请求：地址和 key 正确，此后每份答卷提交后都会推送到这里，下一次同步写进台账";

/** The answer to a deletion: the ledger keeps what was received. */
const WJQQ_DELETE_NOTE =
  "已收到腾讯问卷删除答卷的通知，台账不随之删除：如确需撤回这件提交，请工作人员在台账中处理";

/** The answer to a change of an answer already received: the first one stands. */
const WJQQ_UPDATE_NOTE =
  "这份答卷此前已收到，腾讯问卷中的修改不会改动台账：如需更正，请工作人员直接在台账中修改";

/**
 * A push refused (400) while some of its questions were named neither by the address's map nor by
 * a title: most likely for want of those names. Its unnamed questions are kept for /problems (one
 * write) and the refusal lists them beside their answers with the map to add; other errors pass.
 */
async function unnamedRefusal(
  env: Env,
  form: WjqqForm,
  unnamed: readonly UnnamedQuestion[],
  error: unknown,
): Promise<unknown> {
  if (unnamed.length === 0 || !(error instanceof HttpError) || error.status !== 400) return error;
  const at = new Date().toISOString();
  const kept: WjqqRefusal = { at, questions: [...unnamed] };
  await createDeps(env).meta.set(wjqqRefusedKey(form), JSON.stringify(kept), at);
  const details = unnamed.map((q) => ({ field: `answers.${q.id}`, message: unnamedLine(q) }));
  return new HttpError(400, "unnamed_questions", unnamedMessage(form, unnamed, error.message), details);
}

export const hooksRoutes = new Hono<AppEnv>()
  /** POST /hooks/forms/:form — signed form submissions; answered only once the submission is stored. */
  .post("/forms/:form", async (c) => {
    const form = formOf(c.req.param("form"));
    requireJson(c.req.header("content-type"));
    const secret = formSecret(c.env, form);
    const verify = (body: Uint8Array) =>
      verifySignature(
        secret,
        c.req.header("x-jianyi-timestamp"),
        c.req.header("x-jianyi-signature"),
        body,
        Math.floor(Date.now() / 1000),
      );
    const read = await rawBody(c.req.raw);
    if (read.tooLarge || !read.bytes)
      throw await tooLarge(read.bytes, async (body) => (await verify(body)).ok);
    const { bytes } = read;
    const check = await verify(bytes);
    if (!check.ok) throw new HttpError(401, "bad_signature", check.reason);
    const { body, status } = await acceptBody(c.env, form, parseJson(bytes));
    return c.json(body, status);
  })
  /**
   * POST /hooks/wjqq/:form?key=… — 腾讯问卷's Webhook (src/intake/platforms/wjqq.ts): unsigned, so the
   * address carries the form's key; an answer is translated to jianyi's body and accepted as above.
   */
  .post("/wjqq/:form", async (c) => {
    const name = c.req.param("form");
    const form = formOf(name);
    if (!WJQQ_FORMS.includes(form))
      throw new HttpError(404, "unknown_form", `腾讯问卷只能推送到 suggestion、reply、rating，没有“${name}”`);
    requireJson(c.req.header("content-type"));
    const secret = formSecret(c.env, form);
    if (!(await wjqqKeyMatches(secret, c.req.query("key")))) {
      await drainBody(c.req.raw.body, DRAIN_HOOK_BYTES);
      throw new HttpError(
        401,
        "bad_key",
        `地址中的 key 不对：请把腾讯问卷 Webhook 的 URL 换成部署指南第 11a 节算出的 ${form} 表单地址（含 ?key=）`,
      );
    }
    const map = parseWjqqMap(form as WjqqForm, c.req.query("map"));
    if (!map.ok) {
      await drainBody(c.req.raw.body, DRAIN_HOOK_BYTES);
      throw new HttpError(400, "invalid_map", map.message);
    }
    const toBody = (json: unknown) => {
      const event = translateWjqq(json, map.map);
      return event.kind === "answer" ? event.submission : null;
    };
    const read = await rawBody(c.req.raw);
    if (read.tooLarge || !read.bytes) throw await tooLarge(read.bytes, async () => true, toBody);
    const event = translateWjqq(parseJson(read.bytes), map.map);
    if (event.kind === "test") return c.json({ ok: true, note: WJQQ_TEST_NOTE }, 200);
    if (event.kind === "delete") {
      console.log(JSON.stringify({ level: "info", message: "wjqq answer.delete ignored", form, ...event }));
      return c.json({ ok: true, ignored: true, note: WJQQ_DELETE_NOTE }, 200);
    }
    if (event.kind === "invalid")
      throw new HttpError(400, "invalid_body", event.message, [
        { field: event.field, message: event.message },
      ]);
    const { body, status, repeated } = await acceptBody(c.env, form, event.submission).catch(
      async (error: unknown) => {
        throw await unnamedRefusal(c.env, form as WjqqForm, event.unnamed, error);
      },
    );
    // Accepted: a refusal kept for /problems is over (a read, and a write only when there was one).
    const meta = createDeps(c.env).meta;
    const refusedKey = wjqqRefusedKey(form as WjqqForm);
    if (await meta.startsWith(refusedKey, "{")) await meta.set(refusedKey, "", new Date().toISOString());
    const note = repeated && event.action === "answer.update" ? { note: WJQQ_UPDATE_NOTE } : {};
    return c.json({ ...body, ...note }, status);
  });
