import type { RequestHandler } from "./batch-types";
import type { CallContext } from "./context";
import { COPY_SHEET_HANDLERS } from "./copy-sheet";
import { ApiError, badRequest } from "./errors";
import { CELL_HANDLERS } from "./requests-cells";
import { CUT_PASTE_HANDLERS } from "./requests-cut-paste";
import { DIMENSION_PROPERTY_HANDLERS } from "./requests-dimension-props";
import { DIMENSION_HANDLERS } from "./requests-dimensions";
import { FILTER_GROUP_HANDLERS } from "./requests-filter-groups";
import { MERGE_HANDLERS } from "./requests-merges";
import { MOVE_DIMENSION_HANDLERS } from "./requests-move-dimension";
import { NAMED_RANGE_HANDLERS } from "./requests-named-ranges";
import { PASTE_HANDLERS } from "./requests-paste";
import { PROTECTION_HANDLERS } from "./requests-protection";
import { SHEET_HANDLERS } from "./requests-sheets";
import { spreadsheetJson } from "./spreadsheet-json";
import type { Json, JsonObject, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";
import { unknownField } from "./value-range-body";

const HANDLERS: Record<string, RequestHandler> = {
  ...SHEET_HANDLERS,
  ...CELL_HANDLERS,
  ...DIMENSION_HANDLERS,
  ...MOVE_DIMENSION_HANDLERS,
  ...DIMENSION_PROPERTY_HANDLERS,
  ...MERGE_HANDLERS,
  ...NAMED_RANGE_HANDLERS,
  ...FILTER_GROUP_HANDLERS,
  ...CUT_PASTE_HANDLERS,
  ...COPY_SHEET_HANDLERS,
  ...PROTECTION_HANDLERS,
  ...PASTE_HANDLERS,
};

/**
 * Request kinds Google knows (DISC `Request`) that the emulator does not implement: a 400 naming
 * them, not silence, and not a 5xx that well-behaved clients would retry for ever.
 */
const KNOWN_KINDS = new Set([
  "autoFill",
  "addFilterView",
  "appendCells",
  "deleteEmbeddedObject",
  "deleteFilterView",
  "duplicateFilterView",
  "findReplace",
  "insertRange",
  "updateEmbeddedObjectPosition",
  "pasteData",
  "textToColumns",
  "updateFilterView",
  "deleteRange",
  "updateConditionalFormatRule",
  "updateProtectedRange",
  "addChart",
  "updateChartSpec",
  "updateBanding",
  "addBanding",
  "deleteBanding",
  "createDeveloperMetadata",
  "updateDeveloperMetadata",
  "deleteDeveloperMetadata",
  "randomizeRange",
  "trimWhitespace",
  "deleteDuplicates",
  "updateEmbeddedObjectBorder",
  "addSlicer",
  "updateSlicerSpec",
  "addDataSource",
  "updateDataSource",
  "deleteDataSource",
  "refreshDataSource",
  "cancelDataSourceRefresh",
  "addTable",
  "updateTable",
  "deleteTable",
]);

const BODY_KEYS = ["requests", "includeSpreadsheetInResponse", "responseRanges", "responseIncludeGridData"];

export interface BatchUpdateResult {
  spreadsheet: SpreadsheetModel;
  response: JsonObject;
}

/**
 * spreadsheets.batchUpdate: every request is applied in order to a private copy; if any is invalid
 * the whole call fails with "Invalid requests[i].<kind>: <reason>" and the stored spreadsheet is
 * untouched (atomic, as DISC describes). The caller swaps in the copy on success.
 */
export function batchUpdate(ss: SpreadsheetModel, body: unknown, ctx: CallContext): BatchUpdateResult {
  if (!isJsonObject(body)) throw badRequest("Invalid JSON payload received. Expected an object.");
  for (const key of Object.keys(body)) if (!BODY_KEYS.includes(key)) throw unknownField(key);
  const requests: Json = body.requests ?? [];
  if (!Array.isArray(requests)) throw badRequest("Invalid value at 'requests'");
  const working = structuredClone(ss);
  const replies: JsonObject[] = requests.map((request, i) => {
    if (!isJsonObject(request)) throw badRequest(`Invalid value at 'requests[${i}]'`);
    const kinds = Object.keys(request).filter((k) => request[k] !== null);
    if (kinds.length !== 1) {
      throw badRequest(
        kinds.length === 0
          ? `Invalid requests[${i}]: No request set.`
          : `Invalid value at 'requests[${i}]' (oneof), oneof field 'kind' is already set. Cannot set '${kinds[1]}'`,
      );
    }
    const kind = kinds[0] as string;
    const handler = HANDLERS[kind];
    if (!handler) {
      if (KNOWN_KINDS.has(kind)) {
        throw badRequest(`Invalid requests[${i}].${kind}: The Sheets emulator does not implement ${kind}.`);
      }
      throw unknownField(kind, `requests[${i}]`);
    }
    const payload = request[kind];
    if (!isJsonObject(payload)) throw badRequest(`Invalid requests[${i}].${kind}: expected an object`);
    try {
      return handler(payload, { ss: working, ctx }) ?? {};
    } catch (e) {
      if (e instanceof ApiError && e.code === 400) throw e.withPrefix(`Invalid requests[${i}].${kind}: `);
      throw e;
    }
  });
  // proto3 JSON leaves out an empty repeated field.
  const response: JsonObject = { spreadsheetId: ss.spreadsheetId };
  if (replies.length > 0) response.replies = replies;
  if (body.includeSpreadsheetInResponse === true) {
    const ranges = Array.isArray(body.responseRanges)
      ? body.responseRanges.filter((r): r is string => typeof r === "string")
      : [];
    response.updatedSpreadsheet = spreadsheetJson(working, {
      includeGridData: body.responseIncludeGridData === true,
      ranges,
      user: ctx.user,
      isOwner: ctx.isOwner,
      nowMs: ctx.nowMs,
    });
  }
  return { spreadsheet: working, response };
}
