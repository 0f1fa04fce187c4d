import { intField, objectField, type RequestHandler, randomId, withoutNulls } from "./batch-types";
import { canonicalRule } from "./colors";
import { badRequest } from "./errors";
import { findSheetById, gridRangeFromJson, gridRangeJson, gridRangeToRect } from "./ranges";
import type { JsonObject, ProtectedRangeModel, SpreadsheetModel } from "./types";
import { isJsonObject } from "./types";

function allProtectedRanges(ss: SpreadsheetModel): ProtectedRangeModel[] {
  return ss.sheets.flatMap((s) => s.protectedRanges);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Stores a protected range. The reply echoes the editors as requested (recorded: {} when none were
 * given) while spreadsheets.get later lists the requesting account as an editor, as Google does.
 */
const addProtectedRange: RequestHandler = (body, { ss, ctx }) => {
  const input = withoutNulls(objectField(body, "protectedRange") ?? {});
  if (input.namedRangeId !== undefined || input.tableId !== undefined) {
    throw badRequest("The emulator supports protected ranges given by range only.");
  }
  const range = gridRangeFromJson(input.range);
  gridRangeToRect(ss, range);
  const sheet = findSheetById(ss, range.sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${range.sheetId}`);
  let protectedRangeId: number;
  if (input.protectedRangeId !== undefined) {
    protectedRangeId = intField(input, "protectedRangeId");
    if (allProtectedRanges(ss).some((pr) => pr.protectedRangeId === protectedRangeId)) {
      throw badRequest(`A protected range with ID ${protectedRangeId} already exists.`);
    }
  } else {
    protectedRangeId = randomId((id) => allProtectedRanges(ss).some((pr) => pr.protectedRangeId === id));
  }
  const editors = isJsonObject(input.editors) ? input.editors : {};
  const requestedUsers = strings(editors.users);
  const model: ProtectedRangeModel = {
    protectedRangeId,
    range,
    // The creator is listed whatever the token (static token included), as Google shows.
    users: requestedUsers.includes(ctx.user) ? requestedUsers : [...requestedUsers, ctx.user],
    groups: strings(editors.groups),
  };
  if (typeof input.description === "string" && input.description !== "")
    model.description = input.description;
  if (input.warningOnly === true) model.warningOnly = true;
  if (editors.domainUsersCanEdit === true) model.domainUsersCanEdit = true;
  if (Array.isArray(input.unprotectedRanges)) {
    model.unprotectedRanges = input.unprotectedRanges.map((r) => gridRangeFromJson(r));
  }
  sheet.protectedRanges.push(model);
  const reply: JsonObject = { protectedRangeId, range: gridRangeJson(range) };
  if (model.description) reply.description = model.description;
  if (model.warningOnly) reply.warningOnly = true;
  if (model.unprotectedRanges) reply.unprotectedRanges = model.unprotectedRanges.map(gridRangeJson);
  reply.requestingUserCanEdit = true;
  const replyEditors: JsonObject = {};
  if (requestedUsers.length > 0) replyEditors.users = requestedUsers;
  if (model.groups.length > 0) replyEditors.groups = model.groups;
  if (model.domainUsersCanEdit) replyEditors.domainUsersCanEdit = true;
  reply.editors = replyEditors;
  return { addProtectedRange: { protectedRange: reply } };
};

const deleteProtectedRange: RequestHandler = (body, { ss }) => {
  const id = intField(body, "protectedRangeId");
  const sheet = ss.sheets.find((s) => s.protectedRanges.some((pr) => pr.protectedRangeId === id));
  if (!sheet) throw badRequest(`No protected range with id: ${id}`);
  sheet.protectedRanges = sheet.protectedRanges.filter((pr) => pr.protectedRangeId !== id);
  return undefined;
};

const addConditionalFormatRule: RequestHandler = (body, { ss }) => {
  const rule = withoutNulls(objectField(body, "rule") ?? {});
  const ranges = Array.isArray(rule.ranges) ? rule.ranges.map((r) => gridRangeFromJson(r)) : [];
  const [first] = ranges;
  if (!first) throw badRequest("rule.ranges must name at least one range");
  if (ranges.some((r) => r.sheetId !== first.sheetId))
    throw badRequest("All ranges of a rule must be on one sheet.");
  for (const r of ranges) gridRangeToRect(ss, r);
  if (!isJsonObject(rule.booleanRule) && !isJsonObject(rule.gradientRule)) {
    throw badRequest("rule must have a booleanRule or a gradientRule");
  }
  const sheet = findSheetById(ss, first.sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${first.sheetId}`);
  const index = intField(body, "index", 0);
  if (index > sheet.conditionalFormats.length) throw badRequest(`Invalid index: ${index}`);
  sheet.conditionalFormats.splice(index, 0, canonicalRule({ ...rule, ranges: ranges.map(gridRangeJson) }));
  return undefined;
};

const deleteConditionalFormatRule: RequestHandler = (body, { ss }) => {
  const sheetId = intField(body, "sheetId", 0);
  const sheet = findSheetById(ss, sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${sheetId}`);
  const index = intField(body, "index", 0);
  const [rule] = sheet.conditionalFormats.splice(index, 1);
  if (!rule) throw badRequest(`No conditional format on sheet: ${sheetId} at index: ${index}`);
  return { deleteConditionalFormatRule: { rule } };
};

export const PROTECTION_HANDLERS: Record<string, RequestHandler> = {
  addProtectedRange,
  deleteProtectedRange,
  addConditionalFormatRule,
  deleteConditionalFormatRule,
};
