import { DEFAULT_CATEGORIES } from "../../../sheets-schema/settings";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab, PRACTICE_LEDGER_KEYS, unitsTab } from "../../../sheets-schema/tabs";
import { isoFromSerial, serialFromIso } from "../../../src/domain/civil-date";

/** Deterministic PRNG (mulberry32): the same seed always gives the same sheet. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = "王李张刘陈杨赵黄周吴".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋".split("");
const TOPICS = ["农村道路养护", "社区养老服务", "老旧小区改造", "城区停车难", "河道生态治理"];
const UNITS = Array.from({ length: 12 }, (_, i) => `区第${i + 1}局`);

/** What staff really type now and then: blanks, spaces, full-width text, slips, wrong shapes. */
const ODD_CELLS: unknown[] = [
  ...["", " ", "\u3000", "  立案 ", "立  案", "a", "Ａ", "b类", "Ｃ类", "E", "是", "否", "TRUE", true, false],
  ...[0, 12, -3, 45000.75, 46000, 99999999, Number.NaN, "2026-3-2", "2026/03/02", "2026.3.2"],
  ...["２０２６－０３－０２", "2026年3月2日", "2026 年 3 月 2 号", "2026-02-30", "1999-01-01", "2026-13-01"],
  ...[
    "不是日期",
    "=IMPORTXML(A1)",
    "王　伟",
    "王伟（北关）",
    "区第1局",
    "区第１局",
    "区第 1 局",
    "区第1局、区第2局",
  ],
  ...["区第1局,区第1局", "a、b；c\nd", "满意", "不满意", "三个月", "六个月", "九个月", "已落实", "2025-001"],
  ...["编号\n换行", "x".repeat(60), "y".repeat(260), "并案", "不予立案", null, {}, ["x"], "教育", "  12  "],
  ...["2027-01-01", "2026-06-16", 46188, 45300.25],
];

/** Optional 建议台账 columns added after evaluate-ledger-sample's expectations were written. */
const ADDED_AFTER_PIN: ReadonlySet<string> = new Set(["答复函"]);
/** Their record keys: always blank here (the sample has no such column), left out of the pinned hash. */
export const RECORD_KEYS_ADDED_AFTER_PIN: readonly string[] = ["replyLetter"];

/**
 * A 建议台账 of `rowCount` rows as values.batchGet returns them (dates mostly serials, some typed
 * as text), with about one cell in sixteen replaced by something odd, some blank and short rows,
 * blank and repeated 编号, namesakes and full-width names in 代表 and 承办单位, and 设置 and
 * 节假日 rows: every path of reading, checking and computing is walked.
 */
export function sampleLedgerTabs(rowCount: number, seed: number): Record<string, unknown[][]> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const deputies = Array.from({ length: 40 }, (_, i) => `${pick(SURNAMES)}${pick(GIVEN)}${i}`);
  // The ledger as it was when its expectations were pinned (evaluate-ledger-sample.test.ts): no
  // practice.md columns and nothing added since, so the same seed keeps giving the same cells;
  // those columns have tests of their own.
  const practice: ReadonlySet<string> = new Set(PRACTICE_LEDGER_KEYS);
  const headers = ledgerTab.columns
    .filter((c) => !practice.has(c.key) && !ADDED_AFTER_PIN.has(c.header))
    .map((c) => c.header);
  const start = serialFromIso("2025-01-06");
  const end = serialFromIso("2026-06-15");
  const ledger: unknown[][] = [headers];
  for (let i = 0; i < rowCount; i += 1) {
    const cells: Record<string, unknown> = {};
    const submitted = start + Math.floor(rnd() * (end - start - 30));
    const year = isoFromSerial(submitted).slice(0, 4);
    cells.编号 = rnd() < 0.05 ? "" : `${year}-${String(i + 1).padStart(3, "0")}`;
    cells.届次 = "十一届四次会议";
    cells.标题 = `关于加强${pick(TOPICS)}工作的建议`;
    cells.领衔代表 = pick(deputies);
    cells.附议代表 = `${pick(deputies)}、${pick(deputies)}`;
    cells.类别 = pick(DEFAULT_CATEGORIES);
    cells.提出日期 = rnd() < 0.1 ? isoFromSerial(submitted).replaceAll("-", "/") : submitted;
    const stage = rnd();
    cells.审查结果 = stage < 0.05 ? "" : stage < 0.08 ? "不予立案" : stage < 0.1 ? "并案" : "立案";
    if (cells.审查结果 === "并案") cells.并入编号 = `${year}-001`;
    if (cells.审查结果 === "立案" && rnd() < 0.9) {
      const assigned = submitted + 5 + Math.floor(rnd() * 20);
      cells.主办单位 = pick(UNITS);
      cells.协办单位 = rnd() < 0.4 ? pick(UNITS) : "";
      cells.交办日期 = assigned;
      cells.重点建议 = rnd() < 0.05 ? "是" : "";
      cells.办理时限 = rnd() < 0.1 ? "六个月" : "三个月";
      const replied = assigned + 20 + Math.floor(rnd() * 90);
      if (replied < end && rnd() < 0.85) {
        cells.答复日期 = replied;
        cells.答复类别 = pick(["A", "B", "C", "D"]);
        if (cells.答复类别 !== "C" || rnd() < 0.5) cells.答复内容 = "已书面答复代表。";
        if (replied + 10 < end && rnd() < 0.8) {
          cells.满意度 = pick(["满意", "基本满意", "不满意"]);
          cells.测评日期 = replied + 10;
          if (cells.满意度 === "不满意" && replied + 15 < end) cells.二次交办日期 = replied + 15;
        }
        if (cells.答复类别 === "B") cells.落实情况 = pick(["已落实", "推进中"]);
      }
    }
    let row: unknown[] = headers.map((h) => cells[h] ?? "");
    for (let c = 0; c < row.length; c += 1) if (rnd() < 1 / 16) row[c] = pick(ODD_CELLS);
    const shape = rnd();
    if (shape < 0.02) row = [];
    else if (shape < 0.03) row = row.slice(0, 5);
    else if (shape < 0.05 && ledger.length > 1) row[0] = (ledger[ledger.length - 1] as unknown[])[0];
    ledger.push(row);
  }
  return {
    [TAB_NAMES.ledger]: ledger,
    [TAB_NAMES.deputies]: [
      deputiesTab.columns.map((c) => c.header),
      ...deputies.map((n) => [n, "北关区代表团"]),
      ["王伟(北关)", "北关区代表团"],
      ["王伟（文峰）", "文峰区代表团"],
      [deputies[0], "重复"],
    ],
    [TAB_NAMES.units]: [
      unitsTab.columns.map((c) => c.header),
      ...UNITS.map((n, i) => [n, "联系人", "", `u${i}@example.gov.cn`, "email"]),
      ["区第１局", "", "", "", "email"],
      ["区 机器人局", "", "", "", "wecom"],
    ],
    [TAB_NAMES.settings]: [
      ["项目", "值", "说明"],
      ["即将到期天数", "１０"],
    ],
    [TAB_NAMES.holidays]: [
      ["日期", "类型", "说明"],
      ["2026-07-01", "休", "调休"],
      ["2026-07-04", "班", ""],
    ],
    [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"]],
  };
}
