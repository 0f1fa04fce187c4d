import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, leadersTab, unitsTab } from "../../sheets-schema/tabs/directory";
import { deputyDetail, deputyRecords } from "../../src/domain/dashboard/deputy-records";
import { buildDirectory } from "../../src/domain/directory";
import { deputiesPart, mergeDeputies } from "../../src/domain/figures/deputies-part";
import { readTab } from "../../src/domain/read-tab";
import { DeputiesPage, DeputyPage } from "../../src/http/dashboard/deputies-page";
import { evaluateRows, problemsOf, rowProblems } from "./helpers/evaluate";
import { deputiesValues, type LedgerCells, unitsValues } from "./helpers/make-row";

/**
 * 换届: the new term's 代表 list replaces the old one. 王伟(北关) left; 王伟(柏庄) is a new deputy.
 * The suggestions 王伟(北关) led stay his: no advice may hand them (答复告知, 测评提醒) to 王伟(柏庄).
 */
const NEW_TERM = { [TAB_NAMES.deputies]: deputiesValues(["张明", "李华", "王伟(柏庄)"]) };

const FORMER_ADVICE = "（如是上届代表，请留在或加回『代表』表，备注写“上届”）";

describe("换届: a departed deputy whose namesake of the new term is listed", () => {
  it("is not in 代表, never 请写作 the namesake of another 镇", () => {
    expect(problemsOf({ 领衔代表: "王伟(北关)" }, NEW_TERM)).toContainEqual({
      column: "领衔代表",
      level: "错误",
      message: `领衔代表“王伟(北关)”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表${FORMER_ADVICE}`,
    });
    const coSigned = problemsOf({ 领衔代表: "张明", 附议代表: "李华、王伟（北关）" }, NEW_TERM);
    expect(coSigned).toContainEqual({
      column: "附议代表",
      level: "错误",
      message: `附议代表“王伟（北关）”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表${FORMER_ADVICE}`,
    });
    expect(JSON.stringify(coSigned)).not.toContain("请写作");
  });

  it("still names the one namesake for a name typed without its 镇", () => {
    expect(problemsOf({ 领衔代表: "王伟" }, NEW_TERM)).toContainEqual({
      column: "领衔代表",
      level: "错误",
      message: "领衔代表“王伟”在『代表』表中只有“王伟(柏庄)”：请写作“王伟(柏庄)”",
    });
  });

  it("says the same of several departed co-signers in one cell", () => {
    expect(problemsOf({ 领衔代表: "张明", 附议代表: "王伟(北关)、钱七" }, NEW_TERM)).toContainEqual({
      column: "附议代表",
      level: "错误",
      message: `附议代表中有 2 位代表不在『代表』表中：“王伟(北关)”“钱七”，请核对姓名，或先在『代表』表中添加这些代表${FORMER_ADVICE}`,
    });
  });

  it("namesakes of 代表, 承办单位 and 领导 never offer an entry of another qualifier", () => {
    const deputies = buildDirectory(readTab(deputiesTab, deputiesValues(["王伟(柏庄)", "王伟"])), "代表");
    // The entry without a qualifier may be the same person (王学军（柏庄镇） for 王学军): still offered.
    expect(deputies.namesakes("王伟(北关)")).toEqual(["王伟"]);
    expect(deputies.namesakes("王伟")).toEqual(["王伟(柏庄)", "王伟"]);
    const units = buildDirectory(readTab(unitsTab, unitsValues(["区人民医院(东院)"])), "单位");
    expect(units.namesakes("区人民医院(西院)")).toEqual([]);
    expect(units.namesakes("区人民医院")).toEqual(["区人民医院(东院)"]);
  });
});

/** 领导 after the change: 刘振华主任 left, 王新主任 came, 陈建平副主任 became 陈建平主任. */
const LEADERS = {
  [TAB_NAMES.leaders]: [
    leadersTab.columns.map((c) => c.header),
    ...[
      ["王新主任", "督办"],
      ["陈建平主任", "领办"],
    ].map(([name, kind]) =>
      leadersTab.columns.map((c) => (c.header === "姓名" ? name : c.header === "类型" ? kind : "")),
    ),
  ],
};
const ASSIGNED: LedgerCells = {
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-01-05",
  重点建议: "是",
  督办领导: "刘振华主任",
  领办领导: "陈建平副主任",
};
/** Replied, rated 满意 and of class A: 已办结. */
const CLOSED: LedgerCells = {
  ...ASSIGNED,
  编号: "2026-084",
  答复日期: "2026-03-20",
  答复类别: "A",
  满意度: "满意",
  测评日期: "2026-03-25",
};

function leaderProblems(rows: LedgerCells[], rowNumber: number): string[] {
  const evaluation = evaluateRows(rows, LEADERS);
  return rowProblems(evaluation, rowNumber)
    .filter((p) => p.column === "督办领导" || p.column === "领办领导")
    .map((p) => `${p.level} ${p.message}`);
}

describe("领导 changed: rows closed keep the leaders' names as history", () => {
  it("an 已办结 row naming the former leaders has no 错误 on 督办领导 or 领办领导", () => {
    const evaluation = evaluateRows([CLOSED], LEADERS);
    expect(evaluation.rows[0]?.computed.status).toBe("已办结");
    expect(leaderProblems([CLOSED], 2)).toEqual([]);
  });

  it("nor a 撤回, 不予立案 or 并案 row", () => {
    const merged = { 编号: "2026-110", 审查结果: "并案", 并入编号: "2026-084", 交办日期: "", 主办单位: "" };
    for (const cells of [
      { 编号: "2026-108", 审查结果: "撤回", 交办日期: "", 主办单位: "" },
      { 编号: "2026-109", 审查结果: "不予立案", 交办日期: "", 主办单位: "" },
    ])
      expect(leaderProblems([{ ...ASSIGNED, ...cells }], 2)).toEqual([]);
    expect(leaderProblems([CLOSED, { ...ASSIGNED, ...merged }], 3)).toEqual([]);
  });

  it("a row still in handling is told, the promoted leader asked about, as before", () => {
    expect(leaderProblems([{ ...ASSIGNED, 编号: "2026-120" }], 2)).toEqual([
      "错误 领办领导“陈建平副主任”不在『领导』表中：是否为“陈建平主任”？请写成『领导』表中的姓名",
      "错误 督办领导“刘振华主任”不在『领导』表中，也不在『代表』表中：请核对姓名，或先在『领导』表中添加（类型 督办）",
    ]);
  });

  it("a row replied, awaiting its rating, is told nothing; reopened (二次交办), it is asked again", () => {
    const awaitingRating = { ...CLOSED, 编号: "2026-121", 满意度: "", 测评日期: "" };
    expect(leaderProblems([awaitingRating], 2)).toEqual([]);
    const reopened = { ...CLOSED, 编号: "2026-122", 满意度: "不满意", 二次交办日期: "2026-04-01" };
    expect(leaderProblems([reopened], 2)).toEqual([
      "错误 领办领导“陈建平副主任”不在『领导』表中：是否为“陈建平主任”？请写成『领导』表中的姓名",
      "错误 督办领导“刘振华主任”不在『领导』表中，也不在『代表』表中：请核对姓名，或先在『领导』表中添加（类型 督办）",
    ]);
  });
});

const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: "2026-06-15" };

async function html(element: unknown): Promise<string> {
  return String(await (element as { toString(): string | Promise<string> }).toString());
}

describe("/deputies after 换届: deputies kept in 代表 with 备注 上届", () => {
  const row = {
    name: "王伟(北关)",
    delegation: "北关区代表团",
    group: "",
    led: 2,
    coSigned: 0,
    ledAccepted: 2,
    ledClosed: 1,
    excellent: 0,
    ratingsGiven: 1,
    unlisted: false,
  };

  it("shows a neutral 上届 badge in the list, not the red 不在代表表中", async () => {
    const page = await html(
      DeputiesPage({
        rows: [
          { ...row, former: true },
          { ...row, name: "张明" },
        ],
        year: null,
        years: [],
        frame,
      }),
    );
    const cells = [...page.matchAll(/<td class="nowrap">([\s\S]*?)<\/td>/g)].map((m) =>
      (m[1] ?? "").replace(/<[^>]+>/g, "").trim(),
    );
    expect(cells).toEqual(["王伟(北关) 上届", "张明"]);
    expect(page).toContain('<span class="badge gray">上届</span>');
    expect(page).not.toContain("不在代表表中");
  });

  const headers = deputiesTab.columns.map((c) => c.header);
  const deputies = [
    headers,
    ...[
      ["王伟(北关)", "2021—2026 届（上届）"],
      ["张明", ""],
    ].map(([name, notes]) => headers.map((h) => (h === "姓名" ? name : h === "备注" ? notes : ""))),
  ];

  it("marks the records 上届 from 代表's 备注, worked out whole or from the parts' shares", () => {
    const evaluation = evaluateRows([{ 领衔代表: "王伟(北关)" }, { 领衔代表: "张明" }], {
      [TAB_NAMES.deputies]: deputies,
    });
    const whole = deputyRecords(evaluation).map((r) => [r.name, r.former]);
    const merged = mergeDeputies([deputiesPart(evaluation.rows)], evaluation).map((r) => [r.name, r.former]);
    for (const records of [whole, merged])
      expect(records).toEqual([
        ["王伟(北关)", true],
        ["张明", false],
      ]);
  });

  it("says 上届代表 on the deputy's page, from 代表's 备注", async () => {
    const evaluation = evaluateRows([{ 领衔代表: "王伟(北关)" }], { [TAB_NAMES.deputies]: deputies });
    for (const [name, former] of [
      ["王伟(北关)", true],
      ["张明", false],
    ] as const) {
      const detail = deputyDetail(evaluation, name);
      if (!detail) throw new Error(`no record of ${name}`);
      const page = await html(DeputyPage({ detail, practice: { opinions: [], contacts: [] }, frame }));
      const heading = page.slice(page.indexOf("<h1>"), page.indexOf("</h1>"));
      expect(heading.includes('<span class="badge gray">上届</span>')).toBe(former);
    }
  });
});
