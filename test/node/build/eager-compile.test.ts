import { runInNewContext } from "node:vm";
import { parseAst } from "rolldown/parseAst";
import { describe, expect, it } from "vitest";
import { eagerCompile } from "../../../tools/eager-compile";

/** Runs a script's code in a fresh context; its `result` variable is what it computed. */
function run(code: string): unknown {
  return runInNewContext(`${code}\n;JSON.stringify(result)`, {});
}

/** The code as written and as rewritten compute the same result. */
function sameResult(code: string): unknown {
  const rewritten = eagerCompile(code).code;
  const before = run(code);
  expect(run(rewritten)).toEqual(before);
  return JSON.parse(before as string);
}

interface Node {
  type: string;
  start: number;
  end: number;
  method?: boolean;
  kind?: string;
}

/** Every function literal of `code` that is not a method, and whether a "(" stands right before it. */
function functionsAndParens(code: string): { text: string; parenthesized: boolean }[] {
  const found: { text: string; parenthesized: boolean }[] = [];
  const visit = (node: Node, parent: Node | null) => {
    const method =
      parent?.type === "MethodDefinition" ||
      (parent?.type === "Property" && (parent.method === true || parent.kind !== "init"));
    if (/^(FunctionExpression|ArrowFunctionExpression|FunctionDeclaration)$/.test(node.type) && !method)
      found.push({
        text: code.slice(node.start, node.start + 30),
        parenthesized: code.slice(0, node.start).trimEnd().endsWith("("),
      });
    for (const [key, value] of Object.entries(node)) {
      if (key === "parent") continue;
      for (const child of Array.isArray(value) ? value : [value])
        if (child && typeof child === "object" && typeof child.type === "string") visit(child, node);
    }
  };
  visit(parseAst(code, { sourceType: "module" }) as unknown as Node, null);
  return found;
}

describe("eagerCompile: every function compiles with the script, and the code does what it did", () => {
  it("puts a '(' before every function and arrow (what makes V8 compile one eagerly), none before a method", () => {
    const code = `"use strict";
function early() { return later(); }
function later() { const inner = (x) => x + 1; function deeper() { return 2; } return inner(deeper()); }
const expr = function named() { return 3; };
const asyncArrow = async (a) => a;
class Box { method() { return [1].map(function (v) { return v; }); } get size() { return 1; } }
const object = { short() { return 1; }, long: function () { return 2; }, get g() { return 3; } };
var result = [early(), expr(), new Box().method(), object.short(), object.long(), object.g];`;
    const { code: rewritten, wrapped, hoisted } = eagerCompile(code);
    const functions = functionsAndParens(rewritten);
    expect(functions.filter((f) => !f.parenthesized)).toEqual([]);
    // inner, named, asyncArrow, the map's callback, long; early, later, deeper.
    expect({ wrapped, hoisted }).toEqual({ wrapped: 5, hoisted: 3 });
    expect(functions).toHaveLength(8);
    // The methods are still methods: a getter still reads as a property.
    expect(sameResult(code)).toEqual([3, 3, [1], 1, 2, 3]);
  });

  it("defines a declaration before any statement of its scope runs, as hoisting did", () => {
    expect(
      sameResult(`"use strict";
const first = twice(4);
function twice(n) { return helper(n) * 2; function helper(m) { return m + offset; } }
var offset = 1;
var result = [first, twice(4), typeof helper];`),
      // The first call runs before \`offset\` is assigned, in either form.
    ).toEqual([null, 10, "undefined"]);
  });

  it("keeps a block's function inside the block, and a function's name", () => {
    expect(
      sameResult(`"use strict";
let inBlock;
{ inBlock = blockFn(); function blockFn() { return "block"; } }
const arrow = () => 1;
const expression = function () {};
function declared() {}
var result = [inBlock, typeof blockFn, arrow.name, expression.name, declared.name];`),
    ).toEqual(["block", "undefined", "arrow", "expression", "declared"]);
  });

  it("keeps a function's directives first, so a strict function stays strict", () => {
    const code = `function sloppyThis() { return typeof this; }
function strictThis() { "use strict"; return typeof this; function inner() { return 1; } }
var result = [sloppyThis(), strictThis()];`;
    expect(sameResult(code)).toEqual(["object", "undefined"]);
    expect(eagerCompile(code).code).toContain(`{ "use strict";var inner = (function inner()`);
  });

  it("keeps generators, async functions, parameters named like a declaration, super in a method", () => {
    expect(
      sameResult(`"use strict";
function* count() { yield 1; yield 2; }
async function later() { return 1; }
function shadow(value) { return typeof value; function value() {} }
const base = { hello() { return "base"; } };
const child = { __proto__: base, hello() { return super.hello() + "+child"; } };
var result = [[...count()], later() instanceof Promise, shadow(1), child.hello()];`),
    ).toEqual([[1, 2], true, "function", "base+child"]);
  });

  it("leaves a declaration it cannot move where it is: a switch case's, an exported one", () => {
    const code = `switch (1) { case 1: function inCase() { return 1; } }
export function exported() { return 2; }
export default function () { return 3; }`;
    const { code: rewritten, hoisted } = eagerCompile(code);
    expect(hoisted).toBe(0);
    expect(rewritten).toContain("case 1: function inCase()");
    expect(rewritten).toContain("export function exported()");
    expect(rewritten).toContain("export default function ()");
  });
});
