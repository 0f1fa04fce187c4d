import * as z from "zod";
import type { Emulator } from "./emulator";
import { faultSchema, hookSchema } from "./faults-hooks";
import type { RenderOptions } from "./render";
import type { Json } from "./types";

export interface AdminResult {
  status: number;
  body: Json;
}

const quotaSchema = z.object({
  readsPerMinute: z.number().int().min(0).optional(),
  writesPerMinute: z.number().int().min(0).optional(),
  windowMs: z.number().int().min(1).max(60_000).optional(),
});
const spreadsheetSchema = z.object({
  spreadsheetId: z.string().min(1).optional(),
  title: z.string().optional(),
  locale: z.string().optional(),
  timeZone: z.string().optional(),
  valueInputOption: z.enum(["RAW", "USER_ENTERED"]).optional(),
  sheets: z
    .array(
      z.object({
        title: z.string().optional(),
        sheetId: z.number().int().optional(),
        rowCount: z.number().int().min(1).optional(),
        columnCount: z.number().int().min(1).optional(),
        rows: z.array(z.array(z.json())).optional(),
      }),
    )
    .optional(),
});
const privateSchema = z.object({ private: z.boolean() });
const serviceAccountSchema = z.object({ client_email: z.string().min(1), public_key_pem: z.string().min(1) });
const tokenSchema = z.object({
  email: z.string().min(1),
  scopes: z.array(z.string()).optional(),
  lifetimeSeconds: z.number().int().min(1).optional(),
});

const ok = (body: Json = {}): AdminResult => ({ status: 200, body });
/** Plain data objects (log entries, hook states) as JSON for the answer. */
const toJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;
const strip = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * The /__emulator/ control API: no auth, JSON in and out, never counted in quotas. Returns
 * undefined for paths it does not know. Bad input answers 400 {"error":{"message"}}.
 */
export function handleAdmin(
  em: Emulator,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
) {
  try {
    return route(em, method, path, query, body);
  } catch (e) {
    if (e instanceof z.ZodError) return { status: 400, body: { error: { message: z.prettifyError(e) } } };
    const message = e instanceof Error ? e.message : String(e);
    return { status: 400, body: { error: { message } } };
  }
}

function route(
  em: Emulator,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
): AdminResult | undefined {
  const key = `${method} ${path}`;
  switch (key) {
    case "POST /__emulator/reset":
      em.reset();
      return ok();
    case "GET /__emulator/requests":
      return ok({ requests: toJson(em.requests(Number(query.get("since") ?? 0))) });
    case "DELETE /__emulator/requests":
      em.clearRequests();
      return ok();
    case "GET /__emulator/quota":
      return ok({ ...em.quota.limits });
    case "PUT /__emulator/quota":
      return ok({ ...em.setQuota(strip(quotaSchema.parse(body ?? {}))) });
    case "POST /__emulator/quota/reset":
      em.resetQuota();
      return ok();
    case "POST /__emulator/faults":
      return ok({ fault: toJson(em.addFault(faultSchema.parse(body))) });
    case "GET /__emulator/faults":
      return ok({ faults: toJson(em.interceptors.faults) });
    case "DELETE /__emulator/faults":
      em.interceptors.faults = [];
      return ok();
    case "POST /__emulator/hooks":
      return ok({ hook: toJson(em.addHook(hookSchema.parse(body))) });
    case "GET /__emulator/hooks":
      return ok({ hooks: toJson(em.interceptors.hooks) });
    case "DELETE /__emulator/hooks":
      em.interceptors.hooks = [];
      return ok();
    case "GET /__emulator/spreadsheets":
      return ok({ spreadsheets: em.listSpreadsheets() });
    case "POST /__emulator/spreadsheets":
      return ok(em.createSpreadsheet(strip(spreadsheetSchema.parse(body ?? {}))));
    case "POST /__emulator/service-accounts":
      em.addServiceAccount(serviceAccountSchema.parse(body));
      return ok();
    case "POST /__emulator/tokens": {
      const t = tokenSchema.parse(body);
      return ok(em.issueToken(t.email, t.scopes, t.lifetimeSeconds));
    }
  }
  const m = /^\/__emulator\/spreadsheets\/([^/]+)(\/private|\/values\/(.+))?$/.exec(path);
  if (!m) return undefined;
  const id = m[1] ?? "";
  if (method === "DELETE" && m[2] === undefined) {
    return em.deleteSpreadsheet(id)
      ? ok()
      : { status: 404, body: { error: { message: `No spreadsheet ${id}` } } };
  }
  if (method === "GET" && m[2] === undefined)
    return ok(em.spreadsheetResource(id, { includeGridData: true }));
  if (method === "POST" && m[2] === "/private") {
    em.setPrivate(id, privateSchema.parse(body).private);
    return ok();
  }
  if (method === "GET" && m[3] !== undefined) {
    const options: Partial<RenderOptions> = {};
    const render = query.get("valueRenderOption");
    if (render === "FORMATTED_VALUE" || render === "UNFORMATTED_VALUE" || render === "FORMULA") {
      options.valueRenderOption = render;
    }
    return ok({ values: em.getValues(id, m[3], options) });
  }
  return undefined;
}
