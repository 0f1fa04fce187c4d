import { type ApiError, badRequest, notFound, unableToParseRange } from "./errors";

/** The Sheets v4 methods the emulator answers, plus ones it knows but does not implement. */
export type MethodName =
  | "create"
  | "get"
  | "batchUpdate"
  | "values.get"
  | "values.batchGet"
  | "values.update"
  | "values.batchUpdate"
  | "values.append"
  | "values.clear"
  | "values.batchClear"
  | "sheets.copyTo";

export interface Route {
  name: MethodName;
  kind: "read" | "write";
  spreadsheetId?: string;
  range?: string;
  sheetId?: number;
}

const PREFIX = "/v4/spreadsheets";
const VALUE_COLLECTION: Record<string, { name: MethodName; method: string; kind: "read" | "write" }> = {
  batchGet: { name: "values.batchGet", method: "GET", kind: "read" },
  batchUpdate: { name: "values.batchUpdate", method: "POST", kind: "write" },
  batchClear: { name: "values.batchClear", method: "POST", kind: "write" },
};
const UNIMPLEMENTED = [
  "batchGetByDataFilter",
  "batchUpdateByDataFilter",
  "batchClearByDataFilter",
  "getByDataFilter",
  "developerMetadata",
];

function decode(raw: string, asRange: boolean): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw asRange ? unableToParseRange(raw) : notFound();
  }
}

/** A 400, not a 501: clients retry 5xx answers, and retrying cannot make this one succeed. */
function unimplemented(method: string, path: string): ApiError {
  return badRequest(`The Sheets emulator does not implement ${method} ${path}.`);
}

/** Splits a trailing ":verb" (literal or %3A-encoded) off the raw path. */
function splitVerb(raw: string): { base: string; verb?: string } {
  const m = /(?::|%3[Aa])([A-Za-z]+)$/.exec(raw);
  if (!m || m.index === undefined) return { base: raw };
  return { base: raw.slice(0, m.index), verb: m[1] ?? "" };
}

/**
 * Maps a raw request path to a method. The ":append"/":clear" suffix is split off the raw path
 * before decoding, because the range itself may contain an encoded or literal ":" (§1.1).
 */
export function resolveRoute(method: string, rawPath: string): Route {
  const upper = method.toUpperCase();
  if (rawPath === PREFIX || rawPath === `${PREFIX}/`) {
    if (upper === "POST") return { name: "create", kind: "write" };
    throw notFound();
  }
  if (!rawPath.startsWith(`${PREFIX}/`)) throw notFound();
  const rest = rawPath.slice(PREFIX.length + 1);
  const slash = rest.indexOf("/");
  const head = slash < 0 ? rest : rest.slice(0, slash);
  const tail = slash < 0 ? "" : rest.slice(slash);
  const { base: idRaw, verb: idVerb } = splitVerb(head);
  const spreadsheetId = decode(idRaw, false);
  if (tail === "") {
    if (idVerb === undefined && upper === "GET") return { name: "get", kind: "read", spreadsheetId };
    if (idVerb === "batchUpdate" && upper === "POST")
      return { name: "batchUpdate", kind: "write", spreadsheetId };
    if (idVerb !== undefined && UNIMPLEMENTED.includes(idVerb)) throw unimplemented(upper, rawPath);
    throw notFound();
  }
  if (tail.startsWith("/values") && !tail.startsWith("/values/")) {
    const { verb } = splitVerb(tail);
    const entry = verb === undefined ? undefined : VALUE_COLLECTION[verb];
    if (entry && entry.method === upper) return { name: entry.name, kind: entry.kind, spreadsheetId };
    if (verb !== undefined && UNIMPLEMENTED.includes(verb)) throw unimplemented(upper, rawPath);
    throw notFound();
  }
  if (tail.startsWith("/values/")) {
    const { base, verb } = splitVerb(tail.slice("/values/".length));
    const range = decode(base, true);
    if (verb === undefined) {
      if (upper === "GET") return { name: "values.get", kind: "read", spreadsheetId, range };
      if (upper === "PUT") return { name: "values.update", kind: "write", spreadsheetId, range };
    } else if (upper === "POST" && (verb === "append" || verb === "clear")) {
      return {
        name: verb === "append" ? "values.append" : "values.clear",
        kind: "write",
        spreadsheetId,
        range,
      };
    }
    // A range may legitimately end in ":B2"-like text; only the known verbs are verbs.
    if (verb !== undefined && upper === "GET") {
      return { name: "values.get", kind: "read", spreadsheetId, range: decode(tail.slice(8), true) };
    }
    if (verb !== undefined && upper === "PUT") {
      return { name: "values.update", kind: "write", spreadsheetId, range: decode(tail.slice(8), true) };
    }
    throw notFound();
  }
  if (tail.startsWith("/sheets/")) {
    const { base, verb } = splitVerb(tail.slice("/sheets/".length));
    if (verb === "copyTo" && upper === "POST" && /^\d+$/.test(base)) {
      return { name: "sheets.copyTo", kind: "write", spreadsheetId, sheetId: Number(base) };
    }
    throw notFound();
  }
  if (tail.startsWith("/developerMetadata")) throw unimplemented(upper, rawPath);
  throw notFound();
}
