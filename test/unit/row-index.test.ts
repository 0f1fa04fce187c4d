import { describe, expect, it } from "vitest";
import type { LinkKind } from "../../src/domain/links/capability";
import { mentionKey, relationOf } from "../../src/domain/links/recipient-rows";
import { storedRows } from "../../src/domain/summary/ledger-summary";
import { idKey, indexPath, rowIndex } from "../../src/domain/summary/row-index";
import { factsOf, loadFacts } from "../../src/domain/summary/summary-row";
import { evaluateRows } from "./helpers/evaluate";

const base = { 审查结果: "立案", 交办日期: "2026-01-12" };

// Names as staff type them: full-width parentheses, stray spaces, a leader who both supervises one
// suggestion and leads another.
const rows = evaluateRows([
  {
    ...base,
    编号: "2026-001",
    领衔代表: "王伟（北关）",
    附议代表: "李华， 赵敏",
    主办单位: "区教育局 ",
    协办单位: "区住建局",
  },
  { ...base, 编号: "2026-002", 领衔代表: "张明", 主办单位: "区住建局", 督办领导: "刘强" },
  {
    ...base,
    编号: "2026-003",
    领衔代表: "李华",
    附议代表: "王伟(北关)",
    主办单位: "区卫健委",
    领办领导: "刘强",
  },
  { 编号: "2026-004", 标题: "未交办" },
  { ...base, 编号: "2026-002", 标题: "编号重复的一行", 主办单位: "区卫健委" },
]);
const records = storedRows(rows).map((row) => loadFacts(factsOf(row)));

const recipients: [LinkKind, string][] = [
  ["unit", "区教育局"],
  ["unit", "区住建局"],
  ["unit", "区卫健委"],
  ["deputy", "王伟(北关)"],
  ["deputy", "李华"],
  ["deputy", "赵敏"],
  ["deputy", "张明"],
  ["leader", "刘强"],
];

describe("a part's index of each 编号 and of who each row concerns", () => {
  const index = rowIndex(records);

  it("lists every row a link's recipient is related to, matched as the checks match names", () => {
    for (const [kind, name] of recipients) {
      const related = records.flatMap((r, place) => (relationOf(r, kind, name) ? [place] : []));
      expect(related.length, `${kind} ${name}`).toBeGreaterThan(0);
      expect(index[mentionKey(kind, name)], `${kind} ${name}`).toEqual(related);
    }
  });

  it("names the same person the same way however the link spells the name", () => {
    expect(mentionKey("deputy", " 王伟（北关）")).toBe(mentionKey("deputy", "王伟(北关)"));
    expect(index[mentionKey("deputy", "王伟（北关）")]).toEqual([0, 2]);
    expect(index[mentionKey("unit", "区民政局")]).toBeUndefined();
  });

  it("lists each 编号's rows, a repeated one twice", () => {
    expect(index[idKey("2026-001")]).toEqual([0]);
    expect(index[idKey("2026-002")]).toEqual([1, 4]);
    expect(index[idKey("2026-004")]).toEqual([3]);
  });

  it("gives SQLite a quoted path, and none for a key it cannot quote", () => {
    expect(indexPath("unit:区教育局")).toBe('$."unit:区教育局"');
    expect(indexPath('id:2026-"1"')).toBeNull();
  });
});
