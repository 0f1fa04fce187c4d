/**
 * Rewrites a bundled Worker so that V8 compiles its functions while the Worker starts, not on
 * their first call inside an invocation.
 *
 * V8 compiles a function lazily, on its first call, unless the function literal stands right
 * after an opening parenthesis (the "PIFE" heuristic), which it then compiles with the script. In
 * workerd a fresh isolate's first request otherwise compiles every function it reaches on its own
 * 10 ms of CPU (Workers Free): a toy of 3,000 small functions read 48 ms on its first request
 * and 14 with them parenthesized (bench/eager-compile.ts). Start-up has a limit of its own.
 * V8's `//# allFunctionsCalledOnLoad` comment would say the same, but workerd's V8 ignores it
 * (the same toy: 50 and 48 ms).
 *
 * - A function or arrow expression is wrapped in parentheses: the same value.
 * - A function declaration becomes `var f = (function f() {…});` (`let` in a block) at the top of
 *   the body that declares it, in its declarations' order: a declaration is defined when its scope
 *   is entered, before any statement runs, and so is the hoisted variable.
 * - Methods (class and object) stay as they are: a parenthesized method is not one.
 */
import MagicString from "magic-string";
import { parseAst } from "rolldown/parseAst";

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof (value as Node).type === "string";

/** What eagerCompile changed, for the build's report. */
export interface EagerCompileResult {
  code: string;
  wrapped: number;
  hoisted: number;
}

/** A body that declares functions: where its hoisted definitions go, and with which keyword. */
interface Scope {
  insertAt: number;
  keyword: "var" | "let";
}

export function eagerCompile(source: string): EagerCompileResult {
  const program = parseAst(source, { sourceType: "module" }) as unknown as Node;
  const out = new MagicString(source);
  let wrapped = 0;
  let hoisted = 0;
  const hoists = new Map<number, string[]>();

  /** Where a body's hoisted definitions go: after its directives ("use strict"), or its opening brace. */
  const scopeOf = (body: Node, statements: readonly Node[], keyword: Scope["keyword"]): Scope => {
    let insertAt = body.type === "Program" ? 0 : body.start + 1;
    for (const statement of statements) {
      if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") break;
      insertAt = statement.end;
    }
    return { insertAt, keyword };
  };

  const visit = (node: Node, parent: Node | null, scope: Scope | null): void => {
    let inner = scope;
    if (node.type === "Program") inner = scopeOf(node, node.body as Node[], "var");
    else if (node.type === "BlockStatement" || node.type === "FunctionBody")
      inner = scopeOf(node, node.body as Node[], isFunction(parent) ? "var" : "let");
    for (const [key, value] of Object.entries(node)) {
      if (key === "parent") continue;
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child, node, inner);
      } else if (isNode(value)) visit(value, node, inner);
    }
    // A body's definitions go in before an enclosing function's text is taken (below).
    if (inner !== scope && inner) {
      const texts = hoists.get(inner.insertAt);
      if (texts) out.appendLeft(inner.insertAt, texts.join(""));
      hoists.delete(inner.insertAt);
    }
    // Post-order: what a function holds is rewritten before the function's own text is taken.
    if (
      node.type === "ArrowFunctionExpression" ||
      (node.type === "FunctionExpression" && !isMethod(parent))
    ) {
      out.prependRight(node.start, "(");
      out.appendLeft(node.end, ")");
      wrapped++;
    } else if (node.type === "FunctionDeclaration" && scope && canHoist(parent)) {
      const name = (node.id as Node & { name: string }).name;
      const text = `${scope.keyword} ${name} = (${out.slice(node.start, node.end)});`;
      out.remove(node.start, node.end);
      hoists.set(scope.insertAt, [...(hoists.get(scope.insertAt) ?? []), text]);
      hoisted++;
    }
  };
  visit(program, null, null);
  return { code: out.toString(), wrapped, hoisted };
}

function isFunction(node: Node | null): boolean {
  return (
    node !== null &&
    (node.type === "FunctionDeclaration" ||
      node.type === "FunctionExpression" ||
      node.type === "ArrowFunctionExpression")
  );
}

/** A class or object method's function (its value), which must stay a method. */
function isMethod(parent: Node | null): boolean {
  if (!parent) return false;
  if (parent.type === "MethodDefinition" || parent.type === "TSAbstractMethodDefinition") return true;
  return parent.type === "Property" && (parent.method === true || parent.kind !== "init");
}

/** A declaration that stands in a body of statements (not `export function`, not a switch case's). */
function canHoist(parent: Node | null): boolean {
  return (
    parent !== null &&
    (parent.type === "Program" || parent.type === "BlockStatement" || parent.type === "FunctionBody")
  );
}
