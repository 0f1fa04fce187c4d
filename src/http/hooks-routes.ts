import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { answerProblems } from "../domain/intake/answer-limits";
import { FORM_KINDS, type FormKind } from "../domain/intake/map-answers";
import type { Env } from "../env";
import { fieldErrors, MAX_BODY_BYTES, submissionSchema } from "../intake/body";
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

const TOO_LARGE = "提交内容超过 64 KiB：请删减附加内容后重新提交";

/**
 * How much of an oversized submission is read (and dropped) so that its sender gets the 413: a
 * form platform's mistake is rarely larger, and reading more would spend CPU on whoever sends it.
 */
const DRAIN_HOOK_BYTES = 1024 * 1024;

function formOf(name: string): FormKind {
  if ((FORM_KINDS as readonly string[]).includes(name)) return name as FormKind;
  throw new HttpError(404, "unknown_form", `没有表单“${name}”：可用 suggestion、reply、rating、opinion`);
}

/**
 * The body's raw bytes, never more than the cap: a declared Content-Length over it is refused
 * unkept, and a body without one (chunked) is dropped as soon as it passes the cap. Either is read
 * to its end first (up to DRAIN_HOOK_BYTES), so the sender gets the 413, not a reset connection.
 */
async function rawBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    await drainBody(request.body, DRAIN_HOOK_BYTES);
    throw new HttpError(413, "too_large", TOO_LARGE);
  }
  const read = await readCappedBody(request.body, MAX_BODY_BYTES, 0, DRAIN_HOOK_BYTES);
  if (!read.ok) throw new HttpError(413, "too_large", TOO_LARGE);
  return read.bytes;
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
  const bytes = await rawBody(c.req.raw);
  const check = await verifySignature(
    secret,
    c.req.header("x-jianyi-timestamp"),
    c.req.header("x-jianyi-signature"),
    bytes,
    Math.floor(Date.now() / 1000),
  );
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
