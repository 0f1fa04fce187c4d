import { runApiCall } from "./api-handlers";
import { AuthRegistry } from "./auth";
import type { CallContext } from "./context";
import type { Emulator } from "./emulator";
import { ApiError, defaultMessage, errorWithCode } from "./errors";
import type { HookState } from "./faults-hooks";
import { applyHumanEdits } from "./human-edits";
import { bindQuery } from "./query-params";
import { queryRecord } from "./request-log";
import { type Route, resolveRoute } from "./routes";
import type { JsonObject } from "./types";

export interface ApiRequest {
  method: string;
  rawPath: string;
  query: URLSearchParams;
  body: unknown;
  /** Set when the body was not valid JSON. */
  bodyError?: ApiError;
  bearer?: string;
}

export interface ApiResponse {
  status: number;
  body: JsonObject;
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function runHook(em: Emulator, hook: HookState): void {
  try {
    applyHumanEdits(em.store, hook.spec.actions, em.now());
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    hook.errors.push(message);
    console.warn(`[sheets-emulator] hook ${hook.id} failed: ${message}`);
  }
}

/**
 * One /v4 request, in the order Google's front end would apply things: route, injected fault,
 * authentication, scope, quota, then (test hooks) a person's edits, then the method itself.
 * Every request is logged, failures included; failed calls report no cells written.
 */
export function handleApiRequest(em: Emulator, request: ApiRequest): ApiResponse {
  const nowMs = em.now();
  const path = safeDecode(request.rawPath);
  let route: Route | undefined;
  const ctx: CallContext = { user: "anonymous", isOwner: false, nowMs, stats: { cellsWritten: 0 } };
  let response: ApiResponse;
  try {
    route = resolveRoute(request.method, request.rawPath);
    const fault = em.interceptors.takeFault(request.method, path, request.rawPath);
    const failWith = (spec: NonNullable<typeof fault>["spec"]) =>
      spec.status === 429
        ? em.quota.exceeded((route as Route).kind)
        : errorWithCode(spec.status, spec.message ?? defaultMessage(spec.status));
    if (fault && fault.spec.when === "before") throw failWith(fault.spec);
    const token = request.bearer ?? request.query.get("access_token") ?? request.query.get("oauth_token");
    const caller = em.auth.authenticate(token ?? undefined, nowMs);
    ctx.user = caller.user;
    ctx.isOwner = caller.isOwner;
    AuthRegistry.assertScope(caller, route.kind);
    em.quota.consume(caller.user, route.kind, nowMs);
    const due = em.interceptors.dueHooks(request.method, path, request.rawPath);
    for (const hook of due) runHook(em, hook);
    if (due.length > 0) em.changed();
    // Binding the query and the body to the request message, as Google's front end does.
    const query = bindQuery(route.name, request.query);
    if (request.bodyError) throw request.bodyError;
    response = {
      status: 200,
      body: runApiCall(em.store, { route, query, body: request.body, ctx }),
    };
    if (fault?.spec.when === "after") {
      // The change is kept (and logged as written); only the answer is lost.
      if (route.kind === "write") em.changed(route.spreadsheetId);
      const lost = failWith(fault.spec);
      response = { status: lost.code, body: lost.toBody() };
    }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    ctx.stats.cellsWritten = 0;
    response = { status: e.code, body: e.toBody() };
  }
  em.log.add({
    time: new Date(nowMs).toISOString(),
    method: request.method.toUpperCase(),
    path,
    query: queryRecord(request.query),
    status: response.status,
    kind: route?.kind ?? "read",
    spreadsheetId:
      route?.spreadsheetId ??
      (typeof response.body.spreadsheetId === "string" ? response.body.spreadsheetId : null),
    cellsWritten: ctx.stats.cellsWritten,
  });
  // copyTo changes another spreadsheet than the one in its path.
  if (route?.kind === "write" && response.status === 200) {
    em.changed(route.name === "sheets.copyTo" ? undefined : route.spreadsheetId);
  }
  return response;
}
