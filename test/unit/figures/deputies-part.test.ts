import { describe, expect, it } from "vitest";
import { deputyRecords } from "../../../src/domain/dashboard/deputy-records";
import { reportYears } from "../../../src/domain/dashboard/year-report";
import { deputiesPart, mergeDeputies, mergeDeputyYears } from "../../../src/domain/figures/deputies-part";
import { FIXTURE_ROWS, TODAY } from "../dashboard/fixture";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { PART_SIZES, type StoredLedger, storedLedger, throughJson } from "./parts";

function merged(ledger: StoredLedger, size: number) {
  return mergeDeputies(
    ledger.parts(size).map((p) => throughJson(deputiesPart(p))),
    ledger.view,
  );
}

/**
 * The hand-worked fixture plus practice.md's columns and names as staff type them: 孙丽 (not in
 * 代表) first typed 孙　丽 as a co-signer, then leading; 王伟（北关） full-width; a co-signer
 * written twice and the lead among the co-signers; 优秀建议; both rounds rated; a rating that
 * cannot be read (an 错误 in 满意度); a 不予立案 suggestion led.
 */
const ROWS: LedgerCells[] = [
  ...FIXTURE_ROWS,
  {
    编号: "2026-020",
    领衔代表: "赵敏",
    附议代表: "孙　丽、王伟（北关）、钱七、钱七、赵敏",
    主办单位: "区教育局",
    交办日期: serial("2026-03-02"),
    答复日期: serial("2026-04-01"),
    答复类别: "C",
    答复内容: "受财力所限，暂缓实施",
    满意度: "不满意",
    二次交办日期: serial("2026-04-20"),
    二次答复日期: serial("2026-05-11"),
    二次答复类别: "A",
    二次满意度: "满意",
    优秀建议: "是",
  },
  {
    编号: "2026-021",
    领衔代表: "孙丽",
    附议代表: "张明",
    主办单位: "区住建局",
    交办日期: serial("2026-03-02"),
    答复日期: serial("2026-05-20"),
    答复类别: "A",
    满意度: "很满意",
    优秀建议: "是",
  },
  { 编号: "2026-022", 领衔代表: "孙丽", 审查结果: "不予立案" },
  { 编号: "2026-023", 领衔代表: "王伟（文峰）", 附议代表: "孙丽" },
];

describe("代表履职档案：各部分合并与全部行算出的一致", () => {
  for (const today of [TODAY, "2026-12-31"]) {
    const ledger = storedLedger(makeTabs(ROWS.map((cells) => makeRow(cells))), today);

    for (const size of PART_SIZES)
      it(`${today}，每部分 ${size} 行`, () => {
        expect(merged(ledger, size)).toEqual(deputyRecords(ledger.view));
      });
  }

  it("手算：名单外的代表按最先写法列在名单之后，全角括号认作名单中的代表", () => {
    const ledger = storedLedger(makeTabs(ROWS.map((cells) => makeRow(cells))), TODAY);
    const rows = merged(ledger, 7);
    expect(rows.map((r) => [r.name, r.led, r.coSigned, r.unlisted])).toEqual([
      ["张明", 3, 3, false],
      ["李华", 3, 1, false],
      ["赵敏", 3, 1, false],
      ["王伟(北关)", 1, 1, false],
      ["王伟(文峰)", 2, 0, false],
      ["孙　丽", 2, 2, true],
      ["钱七", 0, 1, true],
    ]);
    expect(rows.find((r) => r.name === "赵敏")).toMatchObject({ excellent: 1, ratingsGiven: 2 });
    expect(rows.find((r) => r.name === "孙　丽")).toMatchObject({
      ledAccepted: 1,
      excellent: 1,
      ratingsGiven: 0,
    });
  });
});

describe("代表履职档案：随机台账", () => {
  for (const seed of [1, 7, 2026])
    for (const today of ["2026-06-15", "2027-01-04"])
      it(`种子 ${seed}，${today}`, () => {
        const ledger = storedLedger(sampleLedgerTabs(600, seed), today);
        const expected = deputyRecords(ledger.view);
        for (const size of PART_SIZES) expect(merged(ledger, size)).toEqual(expected);
      });

  for (const seed of [1, 2026])
    it(`种子 ${seed}：每一年度的档案与只数该年度建议的结果相同`, () => {
      const ledger = storedLedger(sampleLedgerTabs(600, seed), "2027-01-04");
      const years = reportYears(ledger.view);
      expect(years.length).toBeGreaterThan(1);
      for (const size of PART_SIZES) {
        const byYear = mergeDeputyYears(
          ledger.parts(size).map((p) => throughJson(deputiesPart(p))),
          ledger.view,
        );
        expect(
          Object.keys(byYear ?? {})
            .map(Number)
            .sort(),
        ).toEqual([...years].sort());
        for (const year of years) expect(byYear?.[year]).toEqual(deputyRecords(ledger.view, year));
      }
    });

  it("一部分是旧版本存下的（没有年度）：不拼各年度的档案，全部年度照常", () => {
    const ledger = storedLedger(sampleLedgerTabs(200, 1), "2026-06-15");
    const [first, ...rest] = ledger.parts(100);
    const before = {
      deputies: mergeDeputies([deputiesPart(first ?? [])], ledger.view).flatMap((r) =>
        r.led + r.coSigned > 0
          ? [[r.name, r.led, r.coSigned, r.ledAccepted, r.ledClosed, r.excellent, r.ratingsGiven]]
          : [],
      ),
    } as unknown as ReturnType<typeof deputiesPart>;
    const parts = [before, ...rest.map(deputiesPart)];
    expect(mergeDeputyYears(parts, ledger.view)).toBeNull();
    expect(mergeDeputies(parts, ledger.view)).toEqual(deputyRecords(ledger.view));
  });

  // Measured: at most 1.91 KB for these parts, each of which mixes three years' suggestions (the
  // sample's random 提出日期; 1.17 KB before the years were counted apart). A name is stored once a
  // part, and a year's counts are numbers only; a part of one year's rows, as a ledger kept in order
  // mostly has, is about as big as before.
  it("100 行一部分的份额不超过 2 KB", () => {
    const ledger = storedLedger(sampleLedgerTabs(600, 3), "2026-06-15");
    const sizes = ledger.parts(100).map((p) => JSON.stringify(deputiesPart(p)).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
  });
});
