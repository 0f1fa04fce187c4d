import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { Emulator } from "../emulator";
import { findSheetById, firstVisibleSheet } from "../ranges";
import { applyPageEdit, PageEditError } from "./edits";
import type { PageEvents } from "./events";
import { renderGrid } from "./render-grid";
import { editUrl, renderListPage, renderNotFound, renderSpreadsheetPage, renderTabs } from "./render-page";

const ASSETS: Record<string, { file: string; type: string }> = {
  "/_ui/sheet.js": { file: "sheet.js", type: "text/javascript; charset=utf-8" },
  "/_ui/sheet.css": { file: "sheet.css", type: "text/css; charset=utf-8" },
};
const assetCache = new Map<string, string>();

/** The page runs only its own script and stylesheet; cell colours are inline styles. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A grid is a lot of repetitive HTML; gzip makes a refresh a small fraction of it. */
function send(res: ServerResponse, status: number, type: string, body: string, req?: IncomingMessage): void {
  const gzip = /\bgzip\b/.test(String(req?.headers["accept-encoding"] ?? "")) && body.length > 1024;
  const payload = gzip ? gzipSync(body) : Buffer.from(body);
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": payload.length,
    ...(gzip ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}),
    "Cache-Control": "no-store",
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
  res.end(payload);
}

const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body));

function asset(path: string): string {
  const known = ASSETS[path];
  if (!known) throw new Error(`no asset ${path}`);
  let text = assetCache.get(path);
  if (text === undefined) {
    text = readFileSync(new URL(`./assets/${known.file}`, import.meta.url), "utf8");
    assetCache.set(path, text);
  }
  return text;
}

/**
 * Only same-origin JSON posts are edits: a page elsewhere cannot send application/json here
 * without a CORS preflight, which this server never grants.
 */
function sameOriginJson(req: IncomingMessage): boolean {
  const type = req.headers["content-type"] ?? "";
  const origin = req.headers.origin;
  const host = req.headers.host;
  return type.startsWith("application/json") && (origin === undefined || origin === `http://${host}`);
}

/**
 * The spreadsheet page: `/` lists the spreadsheets, `/spreadsheets/d/{id}/edit?gid=N` shows one
 * (Google's own URL shape), plus the grid fragment, the edits endpoint and the change events it uses.
 * Returns false for paths it does not serve.
 */
export function handlePage(
  em: Emulator,
  events: PageEvents,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  query: URLSearchParams,
  body: string,
): boolean {
  const method = (req.method ?? "GET").toUpperCase();
  if (method === "GET" && ASSETS[rawPath]) {
    send(res, 200, ASSETS[rawPath].type, asset(rawPath), req);
    return true;
  }
  if (method === "GET" && rawPath === "/") {
    send(res, 200, "text/html; charset=utf-8", renderListPage([...em.store.spreadsheets.values()]));
    return true;
  }
  const m = /^\/spreadsheets\/d\/([^/]+)(?:\/(edit|grid|edits|events))?\/?$/.exec(rawPath);
  if (!m) return false;
  const spreadsheetId = decodeURIComponent(m[1] ?? "");
  const part = m[2];
  const ss = em.store.spreadsheets.get(spreadsheetId);
  if (!ss) {
    send(res, 404, "text/html; charset=utf-8", renderNotFound(`找不到表格 ${spreadsheetId}`));
    return true;
  }
  if (method === "GET" && part === undefined) {
    res.writeHead(302, { Location: editUrl(spreadsheetId) });
    res.end();
    return true;
  }
  if (method === "GET" && part === "events") {
    events.open(res, spreadsheetId);
    return true;
  }
  if (method === "POST" && part === "edits") {
    if (!sameOriginJson(req)) {
      sendJson(res, 403, { error: { message: "只接受本页面发出的编辑。" } });
      return true;
    }
    try {
      const parsed = body.trim() === "" ? undefined : (JSON.parse(body) as unknown);
      sendJson(res, 200, { ok: true, ...applyPageEdit(em, spreadsheetId, parsed), revision: em.revision });
    } catch (e) {
      if (e instanceof SyntaxError) sendJson(res, 400, { error: { message: "编辑内容不是有效的 JSON。" } });
      else if (e instanceof PageEditError) sendJson(res, e.status, { error: { message: e.message } });
      else throw e;
    }
    return true;
  }
  if (method !== "GET" || (part !== "edit" && part !== "grid")) return false;
  const gid = Number(query.get("gid") ?? Number.NaN);
  const sheet = (Number.isInteger(gid) ? findSheetById(ss, gid) : undefined) ?? firstVisibleSheet(ss);
  const grid = renderGrid(ss, sheet, em.now(), em.revision, query.get("rows") === "all");
  if (part === "grid") {
    const json = JSON.stringify({
      html: grid.html,
      tabs: renderTabs(ss, sheet),
      title: ss.title,
      meta: grid.meta,
    });
    send(res, 200, "application/json; charset=utf-8", json, req);
  } else {
    send(res, 200, "text/html; charset=utf-8", renderSpreadsheetPage(ss, sheet, grid), req);
  }
  return true;
}
