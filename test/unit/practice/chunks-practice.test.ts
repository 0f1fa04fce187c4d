import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateChunk, indexIdColumns } from "../../../src/domain/evaluate-chunk";
import { evaluateLedger, type LedgerRowEvaluation } from "../../../src/domain/evaluate-ledger";
import { buildLedgerContext } from "../../../src/domain/ledger-context";
import type { Problem } from "../../../src/domain/problems";
import { buildFixture, FIXTURE_TODAY } from "../../support/ledger-fixture";

type Rows = (string | number)[][];

/** The fixture office with practice rows that cross any split and break its rules. */
function office() {
  const tabs = buildFixture(90, 0);
  const ledger = tabs[TAB_NAMES.ledger] as Rows;
  const header = ledger[0] as string[];
  const id = (sheetRow: number) => ledger[sheetRow - 1]?.[header.indexOf("编号")] as string;
  const contacts = tabs[TAB_NAMES.contacts] as Rows;
  const extensions = tabs[TAB_NAMES.extensions] as Rows;
  // Row 80 repeats row 3's 编号: its practice rows must be reported once, by row 3.
  (ledger[79] as (string | number)[])[header.indexOf("编号")] = id(3);
  // A contact by a unit that does not handle row 60's suggestion; row 66 (replied) lost its 办前 contact.
  const lost = contacts.findIndex((c) => c[0] === id(66) && c[2] === "办前");
  if (lost < 0) throw new Error("row 66 of the fixture has no 办前 contact");
  contacts.splice(lost, 1);
  contacts.push([id(60), 46150, "办中", "电话", "区财政局", "否", "", "", ""]);
  // An approved extension asked for by someone else than the lead unit, on row 21's suggestion.
  extensions.push([id(21), 46100, "区文旅局", "需要调研", "同意", 46102, ""]);
  return tabs;
}

const relatedOf = (rows: readonly LedgerRowEvaluation[]): Problem[] => rows.flatMap((r) => r.relatedProblems);
const practiceTabs = new Set<string>([TAB_NAMES.contacts, TAB_NAMES.extensions, TAB_NAMES.coOpinions]);

describe("分块同步时跨表规则（沟通记录、延期申请、协办意见）", () => {
  it("每一块按编号查本块建议的相关行，所得结果与整表一次评估完全相同", () => {
    const tabs = office();
    const whole = evaluateLedger({ tabs, today: FIXTURE_TODAY });
    const ledger = tabs[TAB_NAMES.ledger] as unknown[][];
    const header = ledger[0] as unknown[];
    const column = (h: string) => ledger.map((row) => row[header.indexOf(h)]);
    const ids = indexIdColumns(column("编号"), column("审查结果"));
    const context = buildLedgerContext(tabs);
    const parts: LedgerRowEvaluation[] = [];
    for (let first = 2; first <= ledger.length; first += 20) {
      const part = evaluateChunk({
        context,
        header,
        rows: ledger.slice(first - 1, first - 1 + 20),
        firstRow: first,
        today: FIXTURE_TODAY,
        ids,
      });
      expect(part.relatedProblems).toEqual(relatedOf(part.rows));
      parts.push(...part.rows);
    }
    const seen = (r: LedgerRowEvaluation) => ({
      row: r.rowNumber,
      due: r.computed.dueDate,
      explanation: r.firstDeadline?.explanation,
      problems: r.problems,
      practice: r.practice,
    });
    expect(parts.map(seen)).toEqual(whole.rows.map(seen));
    const byTabAndRow = (a: Problem, b: Problem) => a.tab.localeCompare(b.tab) || (a.row ?? 0) - (b.row ?? 0);
    expect(relatedOf(parts).sort(byTabAndRow)).toEqual(relatedOf(whole.rows).sort(byTabAndRow));
    // The planted mistakes were found, each once.
    const messages = whole.problems.filter((p) => practiceTabs.has(p.tab)).map((p) => p.message);
    expect(messages.filter((m) => m.includes("区财政局"))).toHaveLength(1);
    expect(messages.filter((m) => m.includes("只有主办单位可以申请延期"))).toHaveLength(1);
    const row66 = whole.rows.find((r) => r.rowNumber === 66);
    expect(row66?.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining("答复前未记录办前联系"),
    );
  });
});
