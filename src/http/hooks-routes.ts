import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { FORM_KINDS, type FormKind } from "../domain/intake/map-answers";
import type { Env } from "../env";
import { fieldErrors, MAX_BODY_BYTES, submissionSchema } from "../intake/body";
import { verifySignature } from "../intake/signature";
import { acceptSubmission } from "../jobs/intake/accept-submission";
import { HttpError } from "./errors";

const SECRET_OF: Record<FormKind, keyof Env> = {
  suggestion: "FORM_SECRET_SUGGESTION",
  reply: "FORM_SECRET_REPLY",
  rating: "FORM_SECRET_RATING",
};

function formOf(name: string): FormKind {
  if ((FORM_KINDS as readonly string[]).includes(name)) return name as FormKind;
  throw new HttpError(404, "unknown_form", `没有表单“${name}”：可用 suggestion、reply、rating`);
}

/** POST /hooks/forms/:form — signed form submissions; answered only once the submission is stored. */
export const hooksRoutes = new Hono<AppEnv>().post("/forms/:form", async (c) => {
  const form = formOf(c.req.param("form"));
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, "too_large", "提交内容超过 64 KiB");
  const raw = await c.req.text();
  if (new TextEncoder().encode(raw).byteLength > MAX_BODY_BYTES)
    throw new HttpError(413, "too_large", "提交内容超过 64 KiB");
  const secret = c.env[SECRET_OF[form]];
  if (typeof secret !== "string" || secret === "") {
    throw new HttpError(503, "form_not_configured", `表单密钥 ${SECRET_OF[form]} 未设置`);
  }
  const check = await verifySignature(
    secret,
    c.req.header("x-jianyi-timestamp"),
    c.req.header("x-jianyi-signature"),
    raw,
    Math.floor(Date.now() / 1000),
  );
  if (!check.ok) throw new HttpError(401, "bad_signature", check.reason);
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new HttpError(415, "unsupported_media_type", "请以 Content-Type: application/json 发送");
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new HttpError(400, "invalid_json", "请求体不是合法的 JSON");
  }
  const parsed = submissionSchema.safeParse(json);
  if (!parsed.success)
    throw new HttpError(400, "invalid_body", "提交内容格式不对", fieldErrors(parsed.error));
  const deps = createDeps(c.env);
  const result = await acceptSubmission({ ...deps, queue: deps.intakeQueue }, form, parsed.data, Date.now());
  if (result.kind === "invalid") {
    throw new HttpError(400, "invalid_body", result.message, [
      { field: result.field, message: result.message },
    ]);
  }
  const body = { 编号: result.entry.suggestionId, status: result.entry.status };
  return c.json(body, result.kind === "accepted" ? 202 : 200);
});
