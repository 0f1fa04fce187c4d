import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { committeeTab } from "../../sheets-schema/tabs";
import { ASSESSMENT_HEADERS } from "../../sheets-schema/tabs/system-tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { buildFixture, UNITS } from "../support/ledger-fixture";
import { call, pageText, seededAtFixtureTime } from "./dashboard-helpers";

// The fixture ledger, one row more whose reply is dated before its 交办 (an 错误 on 答复日期: left
// out of every figure), and the committee's score of the first unit.
const tabs = buildFixture(40);
const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
const header = ledger[0] as string[];
const bad = [...(ledger[8] as (string | number)[])];
bad[header.indexOf("编号")] = "2026-099";
bad[header.indexOf("答复日期")] = serialFromIso("2026-02-01");
ledger.push(bad);
const FIRST = UNITS[0] as string;
tabs[TAB_NAMES.committee] = [
  committeeTab.columns.map((c) => c.header),
  [2026, FIRST, 88.5, "满意", "是", ""],
];

seededAtFixtureTime(tabs);

const text = pageText;

function csvRows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));
}

/** The cells' texts (tags stripped) of each table row that has a cell reading `name`. */
function rowsNaming(html: string, name: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((tr) =>
      [...(tr[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((td) =>
        (td[1] ?? "").replace(/<[^>]+>/g, "").trim(),
      ),
    )
    .filter((cells) => cells.includes(name));
}

describe("看板：单位测评", () => {
  it("同一个得分在测评页、表彰名单、年度报告和导出里写法一样：一位小数，100 分写作 100.0", async () => {
    const unit = "区交通运输局"; // every figure 100% in this fixture: 综合得分 100
    const page = await text("/assessment?year=2026");
    expect(page).toContain(`${unit}：综合得分 100.0（好）`);
    expect(rowsNaming(page, unit)[0]?.slice(8, 10)).toEqual(["100.0", "好"]);
    const commendations = await text("/assessment/commendations?year=2026");
    expect(rowsNaming(commendations, unit)[0]?.slice(3, 5)).toEqual(["100.0", "好"]);
    const report = await text("/report?year=2026");
    expect(report).toContain(`${unit}（100.0分，好）`);
    expect(rowsNaming(report, unit)).toContainEqual(["1", unit, "100.0", "好"]);
    const docx = unzipSync(
      new Uint8Array(await (await call("/exports/report.docx?year=2026")).arrayBuffer()),
    );
    const draft = strFromU8(docx["word/document.xml"] ?? new Uint8Array());
    expect(draft).toContain(`${unit}（100.0分，好）`);
    const runs = [...draft.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]);
    expect(runs.join("|")).toContain(`|1|${unit}|100.0|好|`); // the appendix table's row
    const csv = csvRows(await text("/exports/assessment.csv?year=2026"));
    expect(csv.find((r) => r[1] === unit)?.[8]).toBe("100.0");
    expect(csvRows(await text("/exports/report.csv?year=2026"))).toContainEqual([
      "单位测评",
      "1",
      unit,
      "100.0",
      "好",
    ]);
  });

  it("测评页有排名图、测评结果表和各单位得分构成，脚注写明因填写错误未计入的条数", async () => {
    const html = await text("/assessment");
    expect(html).toContain("2026 年度承办单位测评");
    expect(html).toContain('aria-label="2026 年度各承办单位综合得分"');
    expect(html).toContain(`aria-label="${FIRST} 的各项指标"`);
    // The tab quoted as every message quotes a tab, no stray space before it.
    expect(html).toContain(
      '另有 1 条因填写错误未计入（见『<a href="/problems">校验问题</a>』，改正后下次同步计入）',
    );
    // The committee's score is shown with the figures of the unit.
    expect(html).toContain(">88.5<");
  });

  it("导出的 CSV 与测评页一致：表头、按得分排名、常委会测评和先进单位", async () => {
    const rows = csvRows(await text("/exports/assessment.csv?year=2026"));
    expect(rows[0]).toEqual([...ASSESSMENT_HEADERS]);
    const body = rows.slice(1, -1);
    const scores = body.map((r) => Number(r[8]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = body.find((r) => r[1] === FIRST);
    expect(first?.[7]).toBe("88.5");
    expect(first?.[12]).toBe("是");
    expect(rows.at(-1)).toEqual(["2026 年度另有 1 条因填写错误未计入（见『校验问题』）"]);
  });

  it("表彰建议名单按名次取前 N 名，常委会评为先进的单位也列出；名次不合法时说明原因", async () => {
    const html = await text("/assessment/commendations?year=2026&top=1");
    expect(html).toContain("2026 年度代表建议办理表彰建议名单（草案）");
    expect(html).toContain("先进承办单位按单位测评综合得分取前 1 名");
    expect(html).toContain("常委会测评评为先进单位");
    const refused = await call("/assessment/commendations?top=0");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("先进单位名次须为 1–50 的整数");
  });

  it("承办单位页的统计表也有脚注，并多出第二轮的列", async () => {
    const html = await text("/units");
    expect(html).toContain("另有 1 条因填写错误未计入");
    // Every year, as 统计; a year's figures are the report's and 单位测评's.
    expect(html).toContain("本页与『统计』表一样统计台账中的全部年度");
    expect(html).toContain('<a href="/report">年度报告</a>');
    // The second rounds' columns of 统计 (and units.csv), in the same order.
    const heads = [...html.matchAll(/<th class="num">(二次[^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual(["二次交办", "二次已答复", "二次逾期未答复"]);
  });
});
