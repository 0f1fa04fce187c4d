import { ApiError } from "./errors";
import type { MethodName } from "./routes";

/**
 * Google's system parameters, accepted on every method (https://cloud.google.com/apis/docs/system-parameters
 * and DISC `parameters`, sheets-api.md §1.1). `$fields` and `$prettyPrint` are read like `fields` and
 * `prettyPrint`; the others are accepted and ignored (the emulator always answers JSON).
 */
const SYSTEM_PARAMETERS = new Set([
  "fields",
  "$fields",
  "alt",
  "$alt",
  "prettyPrint",
  "$prettyPrint",
  "key",
  "$key",
  "access_token",
  "oauth_token",
  "quotaUser",
  "$quotaUser",
  "$.xgafv",
  "callback",
  "$callback",
  "upload_protocol",
  "uploadType",
  "userIp",
]);

const READ = ["majorDimension", "valueRenderOption", "dateTimeRenderOption"];
const WRITE = [
  "valueInputOption",
  "includeValuesInResponse",
  "responseValueRenderOption",
  "responseDateTimeRenderOption",
];

/**
 * Each method's own query parameters (DISC, sheets-api.md §1.2). Methods whose body is the whole
 * request (batchUpdate, values.batchUpdate, values.batchClear, create, copyTo, values.clear) take none.
 */
const METHOD_PARAMETERS: Record<MethodName, readonly string[]> = {
  create: [],
  get: ["ranges", "includeGridData", "excludeTablesInBandedRanges", "commentsViewMode"],
  batchUpdate: [],
  "values.get": READ,
  "values.batchGet": ["ranges", ...READ],
  "values.update": WRITE,
  "values.append": [...WRITE, "insertDataOption"],
  "values.clear": [],
  "values.batchUpdate": [],
  "values.batchClear": [],
  "sheets.copyTo": [],
};

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());

function cannotBind(name: string): string {
  // Google names the first segment of a dotted name as the field it looked for (recorded on other
  // Google APIs: Unknown name "updateMask.fieldPaths" … Field 'updateMask' could not be found …).
  const field = name.split(".")[0] ?? name;
  return `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${field}' could not be found in request message.`;
}

/**
 * Refuses query parameters the method does not have, as Google's front end does (400
 * INVALID_ARGUMENT, one BadRequest violation per unknown name, messages joined by a space).
 * A proto field name (`value_render_option`) binds like its JSON name, so the returned query has
 * such names rewritten to the JSON form the handlers read; `$fields` becomes `fields`.
 */
export function bindQuery(method: MethodName, query: URLSearchParams): URLSearchParams {
  const own = METHOD_PARAMETERS[method];
  const unknown: string[] = [];
  const bound = new URLSearchParams();
  for (const [name, value] of query) {
    if (SYSTEM_PARAMETERS.has(name)) {
      bound.append(name === "$fields" ? "fields" : name, value);
    } else if (own.includes(camelCase(name))) {
      bound.append(camelCase(name), value);
    } else if (!unknown.includes(name)) {
      unknown.push(name);
    }
  }
  if (unknown.length === 0) return bound;
  const messages = unknown.map(cannotBind);
  throw new ApiError(400, messages.join(" "), [
    {
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: messages.map((description) => ({ description })),
    },
  ]);
}
