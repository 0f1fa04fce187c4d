import { ApiError, badRequest, invalidValue } from "./errors";
import type { Dimension, Json } from "./types";
import { isJsonObject } from "./types";

const LIST_VALUE = "type.googleapis.com/google.protobuf.ListValue";

/** Reads an enum query/body option; a missing one takes the default, an unknown one is Google's 400. */
export function parseEnum<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  protoType: string,
  fallback: T,
): T {
  if (value === undefined || value === null || value === "") return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalidValue(field, `type.googleapis.com/google.apps.sheets.v4.${protoType}`, value);
}

export function parseDimension(value: unknown, field: string): Dimension {
  return parseEnum(value, ["ROWS", "COLUMNS"] as const, field, "Dimension", "ROWS");
}

/** Google's answer to a JSON key that is not in the message type. */
export function unknownField(name: string, at?: string): ApiError {
  const where = at ? ` at '${at}'` : "";
  const message = `Invalid JSON payload received. Unknown name "${name}"${where}: Cannot find field.`;
  return new ApiError(400, message, [
    {
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: [{ field: at ?? "", description: message }],
    },
  ]);
}

export interface ValueRangeInput {
  range?: string;
  majorDimension: Dimension;
  values: Json[][];
}

/**
 * Validates a ValueRange body. `field` is how Google names it in errors: "data" for values.update
 * (recorded: Invalid value at 'data.values' …, "X"), "data[0]" inside values.batchUpdate.
 */
export function readValueRange(body: unknown, field: string): ValueRangeInput {
  if (!isJsonObject(body)) throw badRequest("Invalid JSON payload received. Expected an object.");
  for (const key of Object.keys(body)) {
    if (!["range", "majorDimension", "values"].includes(key))
      throw unknownField(key, field === "data" ? undefined : field);
  }
  const values = body.values ?? [];
  if (!Array.isArray(values)) throw invalidValue(`${field}.values`, LIST_VALUE, values);
  values.forEach((row, i) => {
    if (row !== null && !Array.isArray(row)) throw invalidValue(`${field}.values[${i}]`, LIST_VALUE, row);
    (row ?? []).forEach((cell, j) => {
      if (isJsonObject(cell)) throw badRequest(`Invalid values[${i}][${j}]: struct_value {\n}`);
      if (Array.isArray(cell)) throw badRequest(`Invalid values[${i}][${j}]: list_value {\n}`);
    });
  });
  const input: ValueRangeInput = {
    majorDimension: parseDimension(body.majorDimension, `${field}.major_dimension`),
    values: values.map((row) => (Array.isArray(row) ? row : [])),
  };
  if (typeof body.range === "string") input.range = body.range;
  return input;
}

/** Rows-major view of the input: COLUMNS input [[1,2],[3,4]] sets A1=1, A2=2, B1=3, B2=4. */
export function toRowMajor(values: Json[][], dimension: Dimension): (Json | undefined)[][] {
  if (dimension === "ROWS") return values;
  const height = Math.max(0, ...values.map((col) => col.length));
  const rows: (Json | undefined)[][] = [];
  for (let r = 0; r < height; r++) rows.push(values.map((col) => col[r]));
  return rows;
}

/** Query booleans arrive as "true"/"True"/"False" depending on the client. */
export function queryBool(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === "true";
}
