import { randomInt } from "node:crypto";
import { fieldPaths, objectField, type RequestHandler, withoutNulls } from "./batch-types";
import { badRequest } from "./errors";
import { findNamedRange, gridRangeFromJson, gridRangeToRect } from "./ranges";
import { namedRangeJson } from "./spreadsheet-json";
import type { GridRangeModel, Json, NamedRangeModel, SpreadsheetModel } from "./types";

const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const LOOKS_LIKE_A1 = /^[A-Za-z]{1,3}\d+$/;
const LOOKS_LIKE_R1C1 = /^[Rr]\d*[Cc]\d*$/;
const MAX_NAME_LENGTH = 250;

/**
 * Named range names as the Sheets help states them: letters, numbers and underscores, not starting
 * with a number, not TRUE/FALSE, not a cell reference in A1 or R1C1 form, 1–250 characters.
 */
function checkName(ss: SpreadsheetModel, name: Json | undefined, except?: NamedRangeModel): string {
  if (typeof name !== "string" || name === "") throw badRequest("namedRange.name is required");
  const upper = name.toUpperCase();
  if (
    name.length > MAX_NAME_LENGTH ||
    !NAME.test(name) ||
    upper === "TRUE" ||
    upper === "FALSE" ||
    LOOKS_LIKE_A1.test(name) ||
    LOOKS_LIKE_R1C1.test(name)
  ) {
    throw badRequest(`Invalid name for a named range: ${name}`);
  }
  const clash = findNamedRange(ss, name);
  if (clash && clash !== except) throw badRequest(`A named range with the name "${name}" already exists.`);
  return name;
}

function checkRange(ss: SpreadsheetModel, value: Json | undefined): GridRangeModel {
  const range = gridRangeFromJson(value);
  gridRangeToRect(ss, range);
  return range;
}

function byId(ss: SpreadsheetModel, id: Json | undefined): NamedRangeModel {
  const named = ss.namedRanges.find((n) => n.namedRangeId === id);
  if (!named) throw badRequest(`No named range with id: ${String(id)}`);
  return named;
}

/** addNamedRange (recorded: gspread CellTest.test_define_named_range; ids are numeric strings). */
const addNamedRange: RequestHandler = (body, { ss }) => {
  const input = withoutNulls(objectField(body, "namedRange") ?? {});
  let namedRangeId: string;
  if (input.namedRangeId !== undefined) {
    if (typeof input.namedRangeId !== "string" || input.namedRangeId === "") {
      throw badRequest("namedRangeId must be a non-empty string");
    }
    if (ss.namedRanges.some((n) => n.namedRangeId === input.namedRangeId)) {
      throw badRequest(`A named range with ID ${input.namedRangeId} already exists.`);
    }
    namedRangeId = input.namedRangeId;
  } else {
    do namedRangeId = String(randomInt(1, 2 ** 31 - 1));
    while (ss.namedRanges.some((n) => n.namedRangeId === namedRangeId));
  }
  const named: NamedRangeModel = {
    namedRangeId,
    name: checkName(ss, input.name),
    range: checkRange(ss, input.range),
  };
  ss.namedRanges.push(named);
  return { addNamedRange: { namedRange: namedRangeJson(named) } };
};

const updateNamedRange: RequestHandler = (body, { ss }) => {
  const input = withoutNulls(objectField(body, "namedRange") ?? {});
  const named = byId(ss, input.namedRangeId);
  for (const [field] of fieldPaths(body.fields)) {
    if (field === "name" || field === "*") named.name = checkName(ss, input.name, named);
    if (field === "range" || field === "*") named.range = checkRange(ss, input.range);
    if (field !== "name" && field !== "range" && field !== "*" && field !== "namedRangeId") {
      throw badRequest(`Invalid field mask path: ${field ?? ""}`);
    }
  }
  return undefined;
};

const deleteNamedRange: RequestHandler = (body, { ss }) => {
  const named = byId(ss, body.namedRangeId);
  ss.namedRanges = ss.namedRanges.filter((n) => n !== named);
  return undefined;
};

export const NAMED_RANGE_HANDLERS: Record<string, RequestHandler> = {
  addNamedRange,
  updateNamedRange,
  deleteNamedRange,
};
