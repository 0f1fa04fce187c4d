import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { evaluateRows, problemsOf, rowProblems } from "./helpers/evaluate";
import { deputiesValues } from "./helpers/make-row";

const assigned = { 主办单位: "区教育局", 交办日期: "2026-03-02" };

function problem(column: string, level: "错误" | "提醒", text: string) {
  return { column, level, message: expect.stringContaining(text) };
}

describe("references", () => {
  it("reports a 领衔代表 not in 代表, saying what to do", () => {
    expect(problemsOf({ 领衔代表: "王五" })).toContainEqual({
      column: "领衔代表",
      level: "错误",
      message:
        "领衔代表“王五”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表（如是上届代表，请留在或加回『代表』表，备注写“上届”）",
    });
  });

  it("asks which namesake is meant", () => {
    expect(problemsOf({ 领衔代表: "王伟" })).toContainEqual(
      problem("领衔代表", "错误", "同名的 王伟(北关)、王伟(文峰)"),
    );
  });

  it("names the one deputy written apart instead of asking which one", () => {
    const deputies = deputiesValues(["张明", "王学军(柏庄)"]);
    expect(problemsOf({ 领衔代表: "王学军" }, { [TAB_NAMES.deputies]: deputies })).toContainEqual({
      column: "领衔代表",
      level: "错误",
      message: "领衔代表“王学军”在『代表』表中只有“王学军(柏庄)”：请写作“王学军(柏庄)”",
    });
  });

  it("matches names despite full-width parentheses and padding spaces", () => {
    expect(problemsOf({ 领衔代表: "王伟（北关）", 附议代表: "王伟(北关)" })).toContainEqual(
      problem("附议代表", "错误", "附议代表中有领衔代表"),
    );
    expect(problemsOf({ 领衔代表: "王伟（北关）", 附议代表: "李　华" })).toEqual([]);
  });

  it("reports each unknown 附议代表, the lead among them, and repeats", () => {
    const problems = problemsOf({ 附议代表: "李华、钱七、张明、李华" });
    expect(problems).toContainEqual(problem("附议代表", "错误", "附议代表“钱七”不在『代表』表中"));
    expect(problems).toContainEqual(problem("附议代表", "错误", "附议代表中有领衔代表“张明”本人"));
    expect(problems).toContainEqual(problem("附议代表", "提醒", "写了不止一次"));
  });

  it("reports a 主办单位 or 协办单位 not in 承办单位, and the lead unit among co-units", () => {
    const problems = problemsOf({ ...assigned, 主办单位: "教育局", 协办单位: "区住建局、区水利局" });
    expect(problems).toContainEqual(problem("主办单位", "错误", "主办单位“教育局”不在『承办单位』表中"));
    expect(problems).toContainEqual(problem("协办单位", "错误", "协办单位“区水利局”不在『承办单位』表中"));
    expect(problemsOf({ ...assigned, 协办单位: "区教育局" })).toContainEqual(
      problem("协办单位", "提醒", "主办单位“区教育局”本身"),
    );
  });

  it("reports the unknown units of one 协办单位 cell as one error, naming the first three", () => {
    const problems = problemsOf({ ...assigned, 协办单位: "区住建局、甲局、乙局、区教育局、丙局、丁局" });
    expect(problems.filter((p) => p.column === "协办单位")).toEqual([
      problem("协办单位", "提醒", "主办单位“区教育局”本身"),
      {
        column: "协办单位",
        level: "错误",
        message:
          "协办单位中有 4 个单位不在『承办单位』表中：“甲局”“乙局”“丙局”等，请核对名称（须与单位名称一致），或先在『承办单位』表中添加这些单位",
      },
    ]);
  });

  it("reports a 协办单位 cell of 150 unknown units as one problem", () => {
    const units = Array.from({ length: 150 }, (_, i) => `未知单位${i}`).join("、");
    const problems = problemsOf({ ...assigned, 协办单位: units });
    expect(problems.filter((p) => p.column === "协办单位")).toEqual([
      problem(
        "协办单位",
        "错误",
        "协办单位中有 150 个单位不在『承办单位』表中：“未知单位0”“未知单位1”“未知单位2”等",
      ),
    ]);
  });

  it("reports the unknown deputies of one 附议代表 cell as one error, namesakes on their own", () => {
    const problems = problemsOf({ 附议代表: "钱七、李华、孙八、王伟" });
    expect(problems.filter((p) => p.column === "附议代表")).toEqual([
      problem("附议代表", "错误", "附议代表“王伟”在『代表』表中有同名的"),
      {
        column: "附议代表",
        level: "错误",
        message:
          "附议代表中有 2 位代表不在『代表』表中：“钱七”“孙八”，请核对姓名，或先在『代表』表中添加这些代表（如是上届代表，请留在或加回『代表』表，备注写“上届”）",
      },
    ]);
  });

  it("reports a 协办单位 cell pasted full of names as one error for the cell", () => {
    const units = Array.from({ length: 7000 }, (_, i) => `单位${String(i).padStart(4, "0")}`).join("、");
    expect(problemsOf({ ...assigned, 协办单位: units }).filter((p) => p.column === "协办单位")).toEqual([
      problem("协办单位", "错误", "内容有 7000 项、48999 个字符，超过清单的上限"),
    ]);
  });

  it("skips name checks when 代表 cannot be read, instead of failing every row", () => {
    const evaluation = evaluateRows([{ 领衔代表: "王五" }], { [TAB_NAMES.deputies]: [["名字"]] });
    expect(rowProblems(evaluation, 2)).toEqual([]);
    expect(evaluation.tabs[TAB_NAMES.deputies].readable).toBe(false);
  });
});

describe("类别", () => {
  it("must be one of 设置 类别", () => {
    expect(problemsOf({ 类别: "交通" })).toContainEqual(
      problem("类别", "错误", "类别“交通”不在『设置』的类别中"),
    );
  });

  it("is required once 立案, not before", () => {
    expect(problemsOf({ 类别: "" })).toContainEqual(problem("类别", "错误", "审查结果为立案，类别必填"));
    expect(problemsOf({ 类别: "", 审查结果: "" })).toEqual([]);
  });

  it("follows the categories staff set in 设置", () => {
    const settings = [
      ["项目", "值", "说明"],
      ["类别", "交通、教育", ""],
    ];
    expect(problemsOf({ 类别: "交通" }, { [TAB_NAMES.settings]: settings })).toEqual([]);
  });
});

describe("编号 and 并案", () => {
  it("reports a duplicate 编号 on every row holding it", () => {
    const evaluation = evaluateRows([{}, { 标题: "另一条" }]);
    expect(rowProblems(evaluation, 2)).toContainEqual(problem("编号", "错误", "与第 3 行重复"));
    expect(rowProblems(evaluation, 3)).toContainEqual(problem("编号", "错误", "与第 2 行重复"));
  });

  it("requires 并入编号 when 并案, and it must be another existing 编号", () => {
    expect(problemsOf({ 审查结果: "并案" })).toContainEqual(problem("并入编号", "错误", "并入编号必填"));
    expect(problemsOf({ 审查结果: "并案", 并入编号: "2026-001" })).toContainEqual(
      problem("并入编号", "错误", "本条建议自己的编号"),
    );
    expect(problemsOf({ 审查结果: "并案", 并入编号: "2026-099" })).toContainEqual(
      problem("并入编号", "错误", "在台账中找不到"),
    );
    const merged = evaluateRows([{}, { 编号: "2026-002", 审查结果: "并案", 并入编号: "2026-001" }]);
    expect(rowProblems(merged, 3)).toEqual([]);
  });

  it("reads a 编号 spelled like a JavaScript name as any other 编号", () => {
    expect(problemsOf({ 审查结果: "并案", 并入编号: "toString" })).toContainEqual(
      problem("并入编号", "错误", "并入编号“toString”在台账中找不到"),
    );
    const typed = evaluateRows([
      { 编号: "constructor" },
      { 编号: "constructor", 标题: "另一条" },
      { 编号: "__proto__" },
    ]);
    expect(rowProblems(typed, 2)).toContainEqual(problem("编号", "错误", "与第 3 行重复"));
    expect(rowProblems(typed, 4)).toEqual([]);
  });

  it("warns about a merge chain and a 并入编号 without 并案", () => {
    const chain = evaluateRows([
      { 编号: "2026-001", 审查结果: "并案", 并入编号: "2026-002" },
      { 编号: "2026-002", 审查结果: "并案", 并入编号: "2026-003" },
      { 编号: "2026-003" },
    ]);
    expect(rowProblems(chain, 2)).toContainEqual(problem("并入编号", "提醒", "本身也已并案"));
    expect(problemsOf({ 并入编号: "2026-001" })).toContainEqual(
      problem("并入编号", "提醒", "审查结果不是并案"),
    );
  });
});

/** 设置 with 编号格式 set to `format`. */
const idFormat = (format: string) => ({
  [TAB_NAMES.settings]: [
    ["项目", "值", "说明"],
    ["编号格式", format, ""],
  ],
});

const yearWarnings = (evaluation: ReturnType<typeof evaluateRows>, row = 2) =>
  rowProblems(evaluation, row).filter((p) => p.column === "编号" && p.message.includes("年度报告"));

describe("a 编号 of another year than its 提出日期", () => {
  it("is a 提醒 on 编号 saying which year the year report counts it in, and what to correct", () => {
    // Typed by staff: 2027-010 for a suggestion of 2026-12-20.
    const typed = evaluateRows([{ 编号: "2027-010", 提出日期: "2026-12-20" }], {}, "2027-01-05");
    expect(yearWarnings(typed)).toEqual([
      {
        column: "编号",
        level: "提醒",
        message:
          "编号“2027-010”是 2027 年的编号，提出日期 2026-12-20 却在 2026 年：年度报告按提出日期计入 2026 年。" +
          "如提出日期有误，请改正提出日期；如编号的年份有误，请在交办前改正或清空编号（清空后系统会重新编号），" +
          "原编号随后会列为“已从本表消失”，在看板“校验问题”页对它点“确认已删除”即可。交办后编号不宜再改，本提醒也不再出现",
      },
    ]);
    // 提出日期 corrected after numbering: 2026-139 now dated 2027-01-04.
    const corrected = evaluateRows([{ 编号: "2026-139", 提出日期: "2027-01-04" }], {}, "2027-01-05");
    expect(yearWarnings(corrected).map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^编号“2026-139”是 2026 年的编号，提出日期 2027-01-04 却在 2027 年：年度报告按提出日期计入 2027 年。/,
      ),
    ]);
  });

  it("reads the year as 设置 编号格式 places it, and an IME-typed 编号 as it reads", () => {
    const custom = evaluateRows(
      [{ 编号: "建-018-2027", 提出日期: "2026-12-20" }],
      idFormat("建-{序号:3}-{年}"),
      "2027-01-05",
    );
    expect(yearWarnings(custom).map((p) => p.level)).toEqual(["提醒"]);
    const ime = evaluateRows([{ 编号: "2027－010", 提出日期: "2026-12-20" }], {}, "2027-01-05");
    expect(yearWarnings(ime).map((p) => p.message)).toEqual([
      expect.stringContaining("编号“2027－010”是 2027 年的编号"),
    ]);
  });

  it("says nothing when the years agree, the format has no 年, the 编号 is not in the format or 提出日期 is blank", () => {
    expect(
      yearWarnings(evaluateRows([{ 编号: "2026-139", 提出日期: "2026-12-20" }], {}, "2027-01-05")),
    ).toEqual([]);
    expect(
      yearWarnings(
        evaluateRows([{ 编号: "2027", 提出日期: "2026-12-20" }], idFormat("{序号:4}"), "2027-01-05"),
      ),
    ).toEqual([]);
    expect(
      yearWarnings(evaluateRows([{ 编号: "JY2027-10", 提出日期: "2026-12-20" }], {}, "2027-01-05")),
    ).toEqual([]);
    expect(yearWarnings(evaluateRows([{ 编号: "2027-010", 提出日期: "" }], {}, "2027-01-05"))).toEqual([]);
  });

  it("says nothing once the suggestion is 交办: its 编号 stands, and a 提醒 would stand for good", () => {
    const assigned = evaluateRows(
      [{ 编号: "2026-139", 提出日期: "2027-01-04", 交办日期: "2027-01-05" }],
      {},
      "2027-01-06",
    );
    expect(yearWarnings(assigned)).toEqual([]);
  });

  it("says nothing of the 编号 the sync gives a row without one (the year of 提出日期)", () => {
    const numbered = evaluateRows([{ 编号: "", 提出日期: "2026-12-20" }], {}, "2027-01-05");
    expect(numbered.rows[0]?.newId).toMatch(/^2026-/);
    expect(yearWarnings(numbered)).toEqual([]);
  });
});
