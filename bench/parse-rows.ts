/**
 * How long does checking the whole ledger take, compared with merely parsing the Sheets response?
 * Builds 10,000 realistic 建议台账 rows as values.batchGet returns them (UNFORMATTED_VALUE +
 * SERIAL_NUMBER: dates as serial numbers, some typed as text), serialises the batchGet payload, and
 * times JSON.parse of it against evaluateLedger on the parsed tabs. Prints medians and the ratio.
 *
 * Run: npx tsx bench/parse-rows.ts
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { DEFAULT_CATEGORIES } from "../sheets-schema/settings";
import { TAB_NAMES } from "../sheets-schema/tab-names";
import { deputiesTab, ledgerTab, unitsTab } from "../sheets-schema/tabs";
import { isoFromSerial, serialFromIso } from "../src/domain/civil-date";
import { evaluateLedger } from "../src/domain/evaluate-ledger";

const ROWS = 10_000;
const REPETITIONS = 7;
const TODAY = "2026-06-15";

/** Deterministic PRNG (mulberry32) so every run measures the same sheet. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂".split("");
const TOPICS = [
  "农村道路养护",
  "社区养老服务",
  "中小学课后服务",
  "老旧小区改造",
  "城区停车难",
  "河道生态治理",
  "基层医疗机构建设",
  "农产品冷链物流",
  "校园周边交通安全",
  "公共文化设施开放",
];
const UNITS = Array.from({ length: 60 }, (_, i) => `区第${i + 1}局`);

/** The benchmark spreadsheet: 10,000 ledger rows, 300 deputies, 60 units. */
export function buildTabs(): Record<string, unknown[][]> {
  const rnd = random(20260615);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const deputies = Array.from({ length: 300 }, (_, i) => `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}${i}`);
  const headers = ledgerTab.columns.map((c) => c.header);
  const start = serialFromIso("2025-01-06");
  const todaySerial = serialFromIso(TODAY);
  const rows: unknown[][] = [headers];
  for (let i = 0; i < ROWS; i += 1) {
    const cells: Record<string, unknown> = {};
    const submitted = start + Math.floor(rnd() * (todaySerial - start - 30));
    const year = isoFromSerial(submitted).slice(0, 4);
    cells.编号 = `${year}-${String(i + 1).padStart(3, "0")}`;
    cells.届次 = "十一届四次会议";
    cells.标题 = `关于加强${pick(TOPICS)}工作的建议`;
    cells.内容摘要 = `建议${pick(UNITS)}会同有关部门，进一步加大投入，完善机制，切实解决群众反映强烈的${pick(TOPICS)}问题。`;
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
      if (cells.重点建议) cells.督办领导 = "常委会副主任";
      cells.办理时限 = rnd() < 0.1 ? "六个月" : "三个月";
      const replied = assigned + 20 + Math.floor(rnd() * 90);
      if (replied < todaySerial && rnd() < 0.85) {
        cells.答复日期 = replied;
        cells.答复类别 = pick(["A", "A", "B", "B", "C", "D"]);
        cells.答复内容 = "已会同有关部门研究办理，具体情况已书面答复代表。";
        if (replied + 10 < todaySerial && rnd() < 0.8) {
          cells.满意度 = pick(["满意", "满意", "基本满意", "不满意"]);
          cells.测评日期 = replied + 10;
          if (cells.满意度 === "不满意" && replied + 15 < todaySerial) cells.二次交办日期 = replied + 15;
        }
        if (cells.答复类别 === "B") cells.落实情况 = pick(["已落实", "推进中"]);
      }
    }
    rows.push(headers.map((h) => cells[h] ?? ""));
  }
  return {
    [TAB_NAMES.ledger]: rows,
    [TAB_NAMES.deputies]: [
      deputiesTab.columns.map((c) => c.header),
      ...deputies.map((n) => [n, "北关区代表团"]),
    ],
    [TAB_NAMES.units]: [
      unitsTab.columns.map((c) => c.header),
      ...UNITS.map((n, i) => [n, "联系人", "", `u${i}@example.gov.cn`, "email"]),
    ],
    [TAB_NAMES.settings]: [["项目", "值", "说明"]],
    [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
    [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"]],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Times JSON.parse of a 10,000-row batchGet payload against evaluateLedger on the same rows. */
export async function benchParseRows(): Promise<{
  rows: number;
  parseCheckComputeMs: number;
  jsonParseMs: number;
  ratio: number;
}> {
  const tabs = buildTabs();
  const payload = JSON.stringify({
    spreadsheetId: "bench",
    valueRanges: Object.entries(tabs).map(([name, values]) => ({
      range: `'${name}'!A1:AZ`,
      majorDimension: "ROWS",
      values,
    })),
  });
  const parsed = JSON.parse(payload) as { valueRanges: { range: string; values: unknown[][] }[] };
  const input = Object.fromEntries(
    parsed.valueRanges.map((r) => [r.range.slice(1, r.range.indexOf("'", 1)), r.values]),
  );
  // Warm up both paths so the JIT has compiled them before timing.
  JSON.parse(payload);
  evaluateLedger({ tabs: input, today: TODAY });
  const jsonParse: number[] = [];
  const evaluate: number[] = [];
  for (let i = 0; i < REPETITIONS; i += 1) {
    jsonParse.push(time(() => JSON.parse(payload)));
    evaluate.push(time(() => evaluateLedger({ tabs: input, today: TODAY })));
  }
  const jsonParseMs = median(jsonParse);
  const parseCheckComputeMs = median(evaluate);
  const ratio = parseCheckComputeMs / jsonParseMs;
  const payloadMiB = (Buffer.byteLength(payload) / 1024 / 1024).toFixed(1);
  console.log(`rows: ${ROWS} (payload ${payloadMiB} MiB, median of ${REPETITIONS})`);
  console.log(`JSON.parse of the batchGet payload: ${jsonParseMs.toFixed(1)} ms`);
  console.log(`evaluateLedger (parse, check, compute): ${parseCheckComputeMs.toFixed(1)} ms`);
  console.log(`ratio: ${ratio.toFixed(1)}×`);
  return { rows: ROWS, parseCheckComputeMs, jsonParseMs, ratio };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchParseRows().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
