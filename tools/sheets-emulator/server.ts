import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdmin } from "./admin";
import { GOOGLE_TOKEN_URL } from "./auth";
import { Emulator, type EmulatorOptions } from "./emulator";
import { ApiError, OAuthError } from "./errors";
import { bearerToken, readBody, sendJson, splitUrl } from "./http-util";
import { PageEvents } from "./page/events";
import { handlePage } from "./page/routes";
import { StateFile } from "./persistence";
import { queryRecord } from "./request-log";
import type { JsonObject } from "./types";

export { Emulator } from "./emulator";
export { generateServiceAccount } from "./service-account";

export interface StartOptions extends EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** JSON file the state is loaded from at start and saved to (debounced, and on close). */
  stateFile?: string;
}

export interface RunningEmulator {
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

const TOKEN_PATHS = new Set(["/token", "/oauth2/token", "/oauth2/v4/token"]);

function parseJsonBody(text: string): { body: unknown; error?: ApiError } {
  if (text.trim() === "") return { body: undefined };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { body: undefined, error: new ApiError(400, "Invalid JSON payload received. Unexpected token.") };
  }
}

async function handle(
  em: Emulator,
  events: PageEvents,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const { rawPath, query } = splitUrl(req.url ?? "/");
  const text = await readBody(req);
  const pretty = (query.get("prettyPrint") ?? query.get("$prettyPrint"))?.toLowerCase() !== "false";
  if (rawPath.startsWith("/v4/")) {
    const parsed = parseJsonBody(text);
    const request = {
      method,
      rawPath,
      query,
      body: parsed.body,
      ...(parsed.error ? { bodyError: parsed.error } : {}),
    };
    const bearer = bearerToken(req);
    const response = em.handleApi(bearer !== undefined ? { ...request, bearer } : request);
    sendJson(res, response.status, response.body, pretty);
    return;
  }
  if (TOKEN_PATHS.has(rawPath) && method === "POST") {
    await handleToken(em, rawPath, query, text, res);
    return;
  }
  if (rawPath.startsWith("/__emulator/")) {
    const path = decodeURIComponent(rawPath);
    const parsed = parseJsonBody(text);
    const result = handleAdmin(em, method, path, query, parsed.body);
    if (!result) {
      sendJson(res, 404, { error: { message: `No admin route ${method} ${path}` } });
      return;
    }
    const isMutation =
      method !== "GET" && !path.startsWith("/__emulator/requests") && path !== "/__emulator/reset";
    if (isMutation) {
      em.log.add({
        time: new Date(em.now()).toISOString(),
        method,
        path,
        query: queryRecord(query),
        status: result.status,
        kind: "admin",
        spreadsheetId: null,
        cellsWritten: 0,
      });
    }
    sendJson(res, result.status, result.body);
    return;
  }
  if (handlePage(em, events, req, res, rawPath, query, text)) return;
  sendJson(res, 404, new ApiError(404, "Requested entity was not found.").toBody());
}

/** The token endpoint takes a form body (what every Google client sends); a JSON object is accepted too. */
function tokenForm(text: string): URLSearchParams {
  if (!text.trimStart().startsWith("{")) return new URLSearchParams(text);
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    return new URLSearchParams(
      Object.entries(json).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
    );
  } catch {
    return new URLSearchParams();
  }
}

async function handleToken(
  em: Emulator,
  rawPath: string,
  query: URLSearchParams,
  text: string,
  res: ServerResponse,
) {
  const nowMs = em.now();
  let status = 200;
  let body: JsonObject;
  try {
    const own = [em.url, em.url.replace("127.0.0.1", "localhost")].flatMap((base) =>
      [...TOKEN_PATHS].map((p) => `${base}${p}`),
    );
    body = await em.auth.exchange(tokenForm(text), nowMs, [...own, GOOGLE_TOKEN_URL]);
    em.changed(null);
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    status = e.httpStatus;
    body = e.toBody();
  }
  em.log.add({
    time: new Date(nowMs).toISOString(),
    method: "POST",
    path: rawPath,
    query: queryRecord(query),
    status,
    kind: "auth",
    spreadsheetId: null,
    cellsWritten: 0,
  });
  sendJson(res, status, body);
}

/** Starts the emulator on loopback; `url` has no trailing slash (e.g. http://127.0.0.1:8790). */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const emulator = new Emulator(options);
  const stateFile = options.stateFile ? new StateFile(options.stateFile, emulator) : undefined;
  stateFile?.load();
  if (stateFile) emulator.onChange(() => stateFile.schedule());
  const events = new PageEvents(emulator);
  const server = createServer((req, res) => {
    handle(emulator, events, req, res).catch((e: unknown) => {
      console.error("[sheets-emulator] internal error", e);
      if (!res.headersSent) sendJson(res, 500, new ApiError(500, "Internal error encountered.").toBody());
      else res.end();
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  emulator.url = url;
  return {
    url,
    emulator,
    close: async () => {
      stateFile?.save();
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
