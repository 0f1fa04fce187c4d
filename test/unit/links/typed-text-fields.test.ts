import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { FREE_TEXT_FIELDS } from "../../../src/http/links/typed-text";
import { evaluateRows } from "../helpers/evaluate";

const LINKS_DIR = new URL("../../../src/http/links/", import.meta.url);

/** The names of the textareas and text inputs of the link pages' forms, as their markup writes them. */
function typedFieldNames(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(LINKS_DIR).filter((f) => f.endsWith(".tsx"))) {
    const source = readFileSync(new URL(file, LINKS_DIR), "utf8");
    for (const tag of source.matchAll(/<(textarea|input)\b[^>]*>/g)) {
      const markup = tag[0];
      if (tag[1] === "input" && !/type="text"/.test(markup)) continue;
      const name = /name="([^"]+)"/.exec(markup)?.[1];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

describe("what a refused link form keeps for its error page", () => {
  it("covers every textarea and text input of the link forms", () => {
    const names = typedFieldNames();
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !(FREE_TEXT_FIELDS as readonly string[]).includes(n))).toEqual([]);
  });
});

describe("设置 代表工委联系电话", () => {
  const read = (...rows: unknown[][]) =>
    evaluateRows([{}], { [TAB_NAMES.settings]: [["项目", "值", "说明"], ...rows] });

  it("is read from its row, and a sheet without the row reads it as empty without a problem", () => {
    expect(read(["代表工委联系电话", " 0371-12345678 "]).settings.officePhone).toBe("0371-12345678");
    const without = read(["仅工作日发送", "否"]);
    expect(without.settings.officePhone).toBe("");
    expect(without.problems.filter((p) => p.message.includes("联系电话"))).toEqual([]);
  });
});
