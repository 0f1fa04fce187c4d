import { fieldPaths, intField, objectField, type RequestHandler, withoutNulls } from "./batch-types";
import { badRequest } from "./errors";
import { findSheetById, gridRangeFromJson, gridRangeToRect } from "./ranges";
import { type DimensionRange, readDimensionRange } from "./requests-dimensions";
import { groupsJson } from "./spreadsheet-json";
import type { Dimension, DimensionGroupModel, JsonObject, SheetModel } from "./types";

/**
 * setBasicFilter: one filter per sheet; its range is stored with every side bounded by the grid
 * (recorded: gspread WorksheetTest.test_basic_filters sets a filter on {sheetId: 0} of a 20×20 sheet
 * and reads back rows 0–20, columns 0–20). Sort and filter specs are kept and returned as given.
 */
const setBasicFilter: RequestHandler = (body, { ss }) => {
  const filter = withoutNulls(objectField(body, "filter") ?? {});
  const rect = gridRangeToRect(ss, gridRangeFromJson(filter.range ?? {}));
  const { range: _range, ...extra } = filter;
  rect.sheet.basicFilter = {
    range: {
      sheetId: rect.sheet.sheetId,
      startRowIndex: rect.r0,
      endRowIndex: rect.r1,
      startColumnIndex: rect.c0,
      endColumnIndex: rect.c1,
    },
    extra,
  };
  return undefined;
};

const clearBasicFilter: RequestHandler = (body, { ss }) => {
  const sheetId = intField(body, "sheetId", 0);
  const sheet = findSheetById(ss, sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${sheetId}`);
  delete sheet.basicFilter;
  return undefined;
};

function checkWithinGrid({ sheet, dimension, end }: DimensionRange): void {
  const size = dimension === "ROWS" ? sheet.gridProperties.rowCount : sheet.gridProperties.columnCount;
  if (end > size)
    throw badRequest(`The group range ends past the ${size} ${dimension.toLowerCase()} of the grid.`);
}

/** How deep each row/column is nested: a group of depth d covers exactly the runs of depth ≥ d. */
function depthsOf(sheet: SheetModel, dimension: Dimension): number[] {
  const depths: number[] = [];
  for (const g of sheet.groups) {
    if (g.dimension !== dimension) continue;
    for (let i = g.start; i < g.end; i++) depths[i] = Math.max(depths[i] ?? 0, g.depth);
  }
  return depths;
}

/**
 * Rebuilds the groups of one dimension from nesting depths, the model DISC describes for
 * AddDimensionGroupRequest ([C:D, depth 1] + [B:E] gives [B:E, depth 1] and [C:D, depth 2]).
 * A group keeps its collapsed state while its range and depth stay the same.
 */
function setDepths(sheet: SheetModel, dimension: Dimension, depths: number[]): void {
  const old = sheet.groups.filter((g) => g.dimension === dimension);
  const groups: DimensionGroupModel[] = [];
  const deepest = Math.max(0, ...Array.from(depths, (d) => d ?? 0));
  for (let depth = 1; depth <= deepest; depth++) {
    let start = -1;
    for (let i = 0; i <= depths.length; i++) {
      const inside = (depths[i] ?? 0) >= depth;
      if (inside && start < 0) start = i;
      if (!inside && start >= 0) {
        const group: DimensionGroupModel = { dimension, start, end: i, depth };
        if (old.some((g) => g.start === start && g.end === i && g.depth === depth && g.collapsed)) {
          group.collapsed = true;
        }
        groups.push(group);
        start = -1;
      }
    }
  }
  sheet.groups = [...sheet.groups.filter((g) => g.dimension !== dimension), ...groups];
}

function groupsReply(sheet: SheetModel, dimension: Dimension): JsonObject {
  const groups = groupsJson(sheet, dimension);
  return groups.length > 0 ? { dimensionGroups: groups } : {};
}

/**
 * addDimensionGroup. The reply lists every group of that dimension afterwards; the first group of a
 * dimension also sets rowGroupControlAfter / columnGroupControlAfter (recorded: gspread
 * WorksheetTest.test_group_rows reads `rowGroupControlAfter: true` after adding, and still after
 * deleting, its group).
 */
const addDimensionGroup: RequestHandler = (body, { ss }) => {
  const range = readDimensionRange(ss, body);
  checkWithinGrid(range);
  const { sheet, dimension } = range;
  const first = !sheet.groups.some((g) => g.dimension === dimension);
  const depths = depthsOf(sheet, dimension);
  for (let i = range.start; i < range.end; i++) depths[i] = (depths[i] ?? 0) + 1;
  setDepths(sheet, dimension, depths);
  if (first)
    sheet.gridProperties[dimension === "ROWS" ? "rowGroupControlAfter" : "columnGroupControlAfter"] = true;
  return { addDimensionGroup: groupsReply(sheet, dimension) };
};

/** deleteDimensionGroup: one level less over the range (recorded reply once none is left: {}). */
const deleteDimensionGroup: RequestHandler = (body, { ss }) => {
  const range = readDimensionRange(ss, body);
  const { sheet, dimension } = range;
  const depths = depthsOf(sheet, dimension);
  let found = false;
  for (let i = range.start; i < range.end; i++) {
    if ((depths[i] ?? 0) > 0) {
      depths[i] = (depths[i] ?? 0) - 1;
      found = true;
    }
  }
  if (!found) throw badRequest("No dimension group found in the given range.");
  setDepths(sheet, dimension, depths);
  return { deleteDimensionGroup: groupsReply(sheet, dimension) };
};

/** updateDimensionGroup: names a group by its exact range and depth; only `collapsed` can change. */
const updateDimensionGroup: RequestHandler = (body, { ss }) => {
  const input = withoutNulls(objectField(body, "dimensionGroup") ?? {});
  const range = readDimensionRange(ss, input);
  const depth = intField(input, "depth", 0);
  const group = range.sheet.groups.find(
    (g) =>
      g.dimension === range.dimension && g.start === range.start && g.end === range.end && g.depth === depth,
  );
  if (!group) throw badRequest("No dimension group with that range and depth.");
  for (const [field] of fieldPaths(body.fields)) {
    if (field !== "collapsed" && field !== "*") throw badRequest(`Invalid field mask path: ${field ?? ""}`);
    if (input.collapsed === true) group.collapsed = true;
    else delete group.collapsed;
  }
  return undefined;
};

export const FILTER_GROUP_HANDLERS: Record<string, RequestHandler> = {
  setBasicFilter,
  clearBasicFilter,
  addDimensionGroup,
  deleteDimensionGroup,
  updateDimensionGroup,
};
