import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { answerProblems } from "../domain/intake/answer-limits";
import { FORM_KINDS, type FormKind } from "../domain/intake/map-answers";
import type { Env } from "../env";
import { fieldErrors, MAX_BODY_BYTES, submissionSchema, tooLargeError } from "../intake/body";
import { choiceProblems } from "../intake/choice-answers";
import { isJsonContentType } from "../intake/content-type";
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
 * The 413 of a body over the cap: naming its longest answers when it is signed and could be read
 * whole (an unsigned one is not parsed: reading strangers' JSON would spend CPU for them), else the
 * limit alone; in characters either way.
 */
async function tooLarge(
  bytes: Uint8Array | null,
  check: (bytes: Uint8Array) => Promise<boolean>,
): Promise<HttpError> {
  let json: unknown = null;
  if (bytes && (await check(bytes))) {
    try {
      json = JSON.parse(decodeUtf8(bytes) ?? "null");
    } catch {
      json = null;
    }
  }
  const { message, details } = tooLargeError(json);
  return new HttpError(413, "too_large", message, details);
}

/** POST /hooks/forms/:form — signed form submissions; answered only once the submission is stored. */
export const hooksRoutes = new Hono<AppEnv>().post("/forms/:form", async (c) => {
  const form = formOf(c.req.param("form"));
  if (!isJsonContentType(c.req.header("content-type"))) {
    throw new HttpError(
      415,
      "unsupported_media_type",
      "请以 Content-Type: application/json（可带 charset=utf-8）发送 UTF-8 编码的 JSON",
    );
  }
  const secret = c.env[SECRET_OF[form]];
  if (typeof secret !== "string" || secret === "") {
    throw new HttpError(503, "form_not_configured", `表单密钥 ${SECRET_OF[form]} 未设置`);
  }
  const verify = (body: Uint8Array) =>
    verifySignature(
      secret,
      c.req.header("x-jianyi-timestamp"),
      c.req.header("x-jianyi-signature"),
      body,
      Math.floor(Date.now() / 1000),
    );
  const read = await rawBody(c.req.raw);
  if (read.tooLarge || !read.bytes) throw await tooLarge(read.bytes, async (body) => (await verify(body)).ok);
  const { bytes } = read;
  const check = await verify(bytes);
  if (!check.ok) throw new HttpError(401, "bad_signature", check.reason);
  const text = decodeUtf8(bytes);
  if (text === null) throw new HttpError(400, "invalid_encoding", "请求体不是 UTF-8 编码的文本");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "请求体不是合法的 JSON");
  }
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
  const deps = createDeps(c.env);
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
  return c.json(body, result.kind === "accepted" ? 202 : 200);
});
