import type { IncomingMessage, ServerResponse } from "node:http";
import type { Json } from "./types";

/** Largest body the emulator reads; Google recommends staying under 2 MB, this leaves ample room. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Google answers JSON with this exact content type, pretty-printed unless prettyPrint=false. */
export function sendJson(res: ServerResponse, status: number, body: Json, pretty = true): void {
  const text = pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=UTF-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "private",
  });
  res.end(text);
}

export function splitUrl(url: string): { rawPath: string; query: URLSearchParams } {
  const q = url.indexOf("?");
  return q < 0
    ? { rawPath: url, query: new URLSearchParams() }
    : { rawPath: url.slice(0, q), query: new URLSearchParams(url.slice(q + 1)) };
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return m?.[1]?.trim();
}
