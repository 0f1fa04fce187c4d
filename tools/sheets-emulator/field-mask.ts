import { ApiError } from "./errors";
import type { Json, JsonObject } from "./types";
import { isJsonObject } from "./types";

/** A parsed field mask: each key selects a field; `true` keeps the whole subtree. */
export type MaskTree = Map<string, MaskTree | true>;

class MaskSyntaxError extends Error {}

function merge(tree: MaskTree, path: string[], leaf: MaskTree | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const existing = tree.get(head);
  if (rest.length === 0) {
    if (leaf === true || existing === undefined) tree.set(head, leaf);
    else if (existing !== true) for (const [k, v] of leaf) merge(existing, [k], v);
    return;
  }
  if (existing === true) return;
  const child = existing ?? new Map();
  tree.set(head, child);
  merge(child, rest, leaf);
}

/**
 * Parses Google's field-mask syntax: comma-separated paths, "." or "/" between segments, parentheses
 * grouping sub-fields (`sheets.properties(sheetId,title)`), "*" for everything.
 */
export function parseFieldMask(text: string): MaskTree {
  let i = 0;
  const list = (): MaskTree => {
    const tree: MaskTree = new Map();
    for (;;) {
      const path: string[] = [];
      let name = "";
      while (i < text.length && !",()".includes(text[i] ?? "")) {
        const ch = text[i] ?? "";
        if (ch === "." || ch === "/") {
          path.push(name.trim());
          name = "";
        } else {
          name += ch;
        }
        i += 1;
      }
      path.push(name.trim());
      if (path.some((p) => p.length === 0)) throw new MaskSyntaxError(text);
      if (text[i] === "(") {
        i += 1;
        const sub = list();
        if (text[i] !== ")") throw new MaskSyntaxError(text);
        i += 1;
        merge(tree, path, sub);
      } else {
        merge(tree, path, true);
      }
      if (text[i] !== ",") return tree;
      i += 1;
    }
  };
  const tree = list();
  if (i !== text.length) throw new MaskSyntaxError(text);
  return tree;
}

export function applyFieldMask(value: JsonObject, tree: MaskTree | true): JsonObject;
export function applyFieldMask(value: Json, tree: MaskTree | true): Json;
export function applyFieldMask(value: Json, tree: MaskTree | true): Json {
  if (tree === true) return value;
  if (Array.isArray(value)) return value.map((item) => applyFieldMask(item, tree));
  if (!isJsonObject(value)) return value;
  if (tree.has("*")) return value;
  const out: JsonObject = {};
  for (const [key, sub] of tree) {
    const child = value[key];
    if (child !== undefined) out[key] = applyFieldMask(child, sub);
  }
  return out;
}

/** Does the mask reach `path` (e.g. sheets.data)? Used to decide whether grid data is needed. */
export function maskSelects(tree: MaskTree, path: string[]): boolean {
  let node: MaskTree | true = tree;
  for (const segment of path) {
    if (node === true || node.has("*")) return true;
    const next: MaskTree | true | undefined = node.get(segment);
    if (next === undefined) return false;
    node = next;
  }
  return true;
}

/** A schema node: the known sub-fields, or "any" where the emulator does not check deeper. */
export type SchemaNode = { [field: string]: SchemaNode } | "any";

function invalidPath(path: string): ApiError {
  return new ApiError(400, "Request contains an invalid argument.", [
    {
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: [
        {
          description: `Error expanding 'fields' parameter. Cannot find matching fields for path '${path}'.`,
        },
      ],
    },
  ]);
}

/** The first path of the mask that names no field of the schema, if any ("*" matches everything). */
export function unknownMaskPath(tree: MaskTree, schema: SchemaNode, prefix = ""): string | undefined {
  if (schema === "any") return undefined;
  for (const [key, sub] of tree) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (key === "*") continue;
    const child = schema[key];
    if (child === undefined) return path;
    const deeper = sub === true ? undefined : unknownMaskPath(sub, child, path);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/** Rejects a mask naming a field the resource does not have, as Google does (400 with a BadRequest). */
export function validateFieldMask(tree: MaskTree, schema: SchemaNode): void {
  const path = unknownMaskPath(tree, schema);
  if (path !== undefined) throw invalidPath(path);
}

export function parseMaskOrThrow(text: string): MaskTree {
  try {
    return parseFieldMask(text);
  } catch (e) {
    if (e instanceof MaskSyntaxError) throw invalidPath(text);
    throw e;
  }
}
