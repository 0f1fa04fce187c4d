import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { evaluateLedger } from "../../src/domain/evaluate-ledger";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_TODAY } from "../support/ledger-fixture";
import { SHEET, seedAndSync } from "./dashboard-helpers";

/*
 * 250 suggestions, synced in three chunks of 100 rows (three invocations), some in each due in 2027, whose
 * 放假安排 nobody entered: 校验问题 says so once, on 节假日, with the count over all three chunks,
 * and not on each row (in January 2027 230 such lines buried the real problems).
 */
const tabs = buildFixture(250);

/** 校验问题 as staff read it in the sheet: one line per problem, its cells joined by tabs. */
async function problemsTab(): Promise<string[]> {
  const values = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
  return values.slice(1).map((row) => row.join("\t"));
}

/** The sheet rows of the fixture whose 办理期限 falls in 2027. */
function dueIn2027(): number[] {
  const whole = evaluateLedger({ tabs, today: FIXTURE_TODAY });
  return whole.rows.filter((r) => r.computed.dueDate.startsWith("2027-")).map((r) => r.rowNumber);
}

beforeAll(() => seedAndSync(tabs));

describe("a ledger with deadlines in a year whose 放假安排 is not entered", () => {
  it("has one 节假日 line in 校验问题 counting every chunk's suggestions, and none per row", async () => {
    const rows = dueIn2027();
    // Such rows are in each chunk (rows 2–101, 102–201, 202–251): the count adds the three up.
    const chunks = new Set(rows.map((n) => Math.floor((n - 2) / 100)));
    expect([...chunks].sort()).toEqual([0, 1, 2]);
    const expected = rows.length;
    const lines = await problemsTab();
    const unentered = lines.filter((l) => l.includes("放假和调休安排尚未录入"));
    expect(unentered).toHaveLength(1);
    expect(unentered[0]).toMatch(new RegExp(`^${TAB_NAMES.holidays}\t`));
    expect(unentered[0]).toContain(`2027 年的放假和调休安排尚未录入：${expected} 件建议的办理期限为暂定期限`);
    expect(unentered[0]).toContain("请在『节假日』表中逐日录入");
  });
});
