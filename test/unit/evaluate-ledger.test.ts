import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEDGER_STATUSES } from "../../sheets-schema/enums";
import type { ColumnMap } from "../../sheets-schema/header-map";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerStaffColumns } from "../../sheets-schema/tabs/ledger";
import { evaluateLedger } from "../../src/domain/evaluate-ledger";
import { planLedgerWrites } from "../../src/domain/sync/plan-ledger";
import { evaluateRows, rowProblems, TODAY } from "./helpers/evaluate";
import { LEDGER_HEADERS, makeRow, makeTabs, serial } from "./helpers/make-row";

describe("evaluateLedger", () => {
  it("computes the system cells of every row", () => {
    const evaluation = evaluateRows([{ 主办单位: "区教育局", 交办日期: serial("2026-03-02") }]);
    expect(evaluation.rows[0]).toMatchObject({
      rowNumber: 2,
      id: "2026-001",
      newId: null,
      computed: { dueDate: "2026-06-02", status: "办理中", problems: "" },
    });
    expect(evaluation.rows[0]?.firstDeadline?.explanation).toContain("2026-06-02（星期二）");
  });

  it("shows the round-2 due date once a second assignment exists", () => {
    const row = {
      主办单位: "区教育局",
      交办日期: "2026-01-20",
      答复日期: "2026-03-20",
      答复类别: "A",
      满意度: "不满意",
      二次交办日期: "2026-04-20",
    };
    const evaluated = evaluateRows([row]).rows[0];
    expect(evaluated?.computed).toMatchObject({ dueDate: "2026-05-20", status: "即将到期" });
    expect(evaluated?.firstDeadline?.due).toBe("2026-04-20");
  });

  it("a 二次交办日期 typed before any reply leaves round 1 current: its due date beside its status", () => {
    const row = { 主办单位: "区教育局", 交办日期: "2026-01-20", 二次交办日期: "2026-05-01" };
    const evaluated = evaluateRows([row]).rows[0];
    // Round 1 was due 2026-04-20 and today is 2026-05-10: overdue, and 办理期限 says by when.
    expect(evaluated?.computed).toMatchObject({ dueDate: "2026-04-20", status: "已逾期" });
    expect(evaluated?.secondDeadline?.due).toBe("2026-06-01");
  });

  it("numbers rows with a blank 编号 after the highest number of their year", () => {
    const evaluation = evaluateRows([
      { 编号: "2026-007" },
      { 编号: "" },
      { 编号: "", 提出日期: "2025-12-30" },
      { 编号: "", 提出日期: "" },
    ]);
    expect(evaluation.rows.map((r) => [r.id, r.newId])).toEqual([
      ["2026-007", null],
      ["2026-008", "2026-008"],
      ["2025-001", "2025-001"],
      ["2026-009", "2026-009"],
    ]);
  });

  it("numbers a row whose 提出日期 is after today (an 错误) in today's year, not next year's", () => {
    const evaluation = evaluateRows([{ 编号: "2026-007" }, { 编号: "", 提出日期: "2027-03-01" }]);
    expect(evaluation.rows[1]?.newId).toBe("2026-008");
    expect(
      rowProblems(evaluation, 3)
        .map((p) => p.message)
        .join("\n"),
    ).toContain("晚于今天");
  });

  it("never hands out a number issued before, even if its row was deleted", () => {
    const tabs = makeTabs([makeRow({ 编号: "" })]);
    const evaluation = evaluateLedger({ tabs, today: TODAY, issuedIds: ["2026-001", "2026-002"] });
    expect(evaluation.rows[0]?.newId).toBe("2026-003");
  });

  it("follows the 编号格式 in 设置", () => {
    const settings = [
      ["项目", "值", "说明"],
      ["编号格式", "JY{年}{序号:4}"],
    ];
    const evaluation = evaluateRows([{ 编号: "" }], { [TAB_NAMES.settings]: settings });
    expect(evaluation.rows[0]?.newId).toBe("JY20260001");
  });

  it("skips blank rows, leaving their system cells empty", () => {
    const tabs = makeTabs([makeRow({}), [], ["", "  "]]);
    const evaluation = evaluateLedger({ tabs, today: TODAY });
    expect(evaluation.rows.map((r) => [r.rowNumber, r.blank, r.computed.status])).toEqual([
      [2, false, "待交办"],
      [3, true, ""],
      [4, true, ""],
    ]);
  });

  it("reads columns in any order with columns staff added, and writes only the system cells that changed", () => {
    const headers = ["备注", "经办人", ...[...LEDGER_HEADERS].reverse().filter((h) => h !== "备注")];
    const assigned = { 主办单位: "区教育局", 交办日期: "2026-03-02", 办理期限: serial("2026-06-02") };
    const stale = makeRow({ ...assigned, 编号: "2026-001", 台账状态: "待交办" }, headers);
    const current = makeRow({ ...assigned, 编号: "2026-002", 台账状态: "办理中" }, headers);
    const evaluation = evaluateLedger({ tabs: makeTabs([]), today: TODAY });
    const tabs = { ...makeTabs([]), [TAB_NAMES.ledger]: [headers, stale, current] };
    const reordered = evaluateLedger({ tabs, today: TODAY });
    expect(evaluation.rows).toEqual([]);
    expect(reordered.rows.map((r) => r.computed.status)).toEqual(["办理中", "办理中"]);
    const columns = reordered.tabs[TAB_NAMES.ledger].columns;
    expect(columns?.extra).toEqual([{ header: "经办人", index: 1 }]);
    const { writes } = planLedgerWrites(reordered.rows, columns as ColumnMap, new Map());
    expect(writes.map((w) => [w.key, w.header, w.value])).toEqual([
      [{ kind: "id", id: "2026-001" }, "台账状态", "办理中"],
    ]);
  });

  it("puts the 编号 on every problem of a row, including a newly assigned one", () => {
    const evaluation = evaluateRows([{ 编号: "", 领衔代表: "王五" }]);
    expect(evaluation.problems).toContainEqual(
      expect.objectContaining({ tab: TAB_NAMES.ledger, row: 2, id: "2026-001" }),
    );
  });

  it("reports whether today is a working day", () => {
    expect(evaluateRows([], {}, "2026-02-28").todayIsWorkingDay).toBe(true);
    expect(evaluateRows([], {}, "2026-02-17").todayIsWorkingDay).toBe(false);
  });

  it("rejects a today that is not an ISO date (a caller bug, not sheet content)", () => {
    expect(() => evaluateLedger({ tabs: {}, today: "2026/5/10" })).toThrow(RangeError);
  });
});

const LONG = "长".repeat(10_000);
const FORMULA = '=IMPORTXML("https://example.com","//title")';
const YES_NO_HEADERS = new Set(["重点建议", "跨年督办", "回访", "优秀建议"]);
const DATE_HEADERS = ledgerStaffColumns.filter((c) => c.cell.kind === "date").map((c) => c.header);

describe("garbage in cells", () => {
  const headers = ledgerStaffColumns.map((c) => c.header);

  function problemsFor(header: string, value: unknown) {
    const evaluation = evaluateRows([
      {
        主办单位: "区教育局",
        交办日期: "2026-03-02",
        答复日期: "2026-04-01",
        答复类别: "C",
        答复内容: "原因",
        [header]: value,
      },
    ]);
    return rowProblems(evaluation, 2).filter((p) => p.column === header);
  }

  it.each(headers.flatMap((h) => [LONG, FORMULA, {}, [], Number.NaN].map((v) => [h, v] as const)))(
    "reports garbage in %s as a problem on that cell",
    (header, value) => {
      expect(problemsFor(header, value).length).toBeGreaterThan(0);
    },
  );

  it.each(headers.filter((h) => !YES_NO_HEADERS.has(h)))("reports a checkbox value in %s", (header) => {
    expect(problemsFor(header, true).length).toBeGreaterThan(0);
  });

  it.each(DATE_HEADERS.flatMap((h) => [12, 99999999, "🎉", "三月二日"].map((v) => [h, v] as const)))(
    "reports %s = %s (not a date)",
    (header, value) => {
      expect(problemsFor(header, value)).toContainEqual(expect.objectContaining({ level: "错误" }));
    },
  );

  it("reads full-width digits in dates and emoji in free text without complaint", () => {
    expect(problemsFor("交办日期", "２０２６－０３－０２")).toEqual([]);
    expect(problemsFor("备注", "代表很满意 👍")).toEqual([]);
  });
});

const vocabulary = fc.constantFrom(
  ...LEDGER_HEADERS,
  "立案",
  "不予立案",
  "并案",
  "A",
  "B",
  "C",
  "满意",
  "不满意",
  "是",
  "否",
  "区教育局",
  "张明",
  "2026-03-02",
  "2027-01-01",
  "2026/2/30",
  "休",
  "班",
  "编号格式",
  "{年}-{序号:3}",
  "即将到期天数",
  "到期提醒",
  "{{编号}}",
  "{{错}}",
  "email",
  "",
);
const cell = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true }),
  vocabulary,
  fc.integer({ min: 36000, max: 80000 }),
  fc.double(),
);
const matrix = fc.array(fc.array(cell, { maxLength: 40 }), { maxLength: 12 });
const headed = (headers: readonly string[]) => matrix.map((rows) => [headers, ...rows]);

describe("evaluateLedger properties", () => {
  it("never throws on arbitrary cell matrices, and every status is a spec status", () => {
    const tabs = fc.record({
      [TAB_NAMES.ledger]: fc.oneof(matrix, headed(LEDGER_HEADERS), fc.anything()),
      [TAB_NAMES.deputies]: fc.oneof(matrix, headed(["姓名", "通知渠道", "邮箱", "机器人地址"])),
      [TAB_NAMES.units]: fc.oneof(matrix, headed(["单位名称", "通知渠道", "邮箱", "机器人地址"])),
      [TAB_NAMES.settings]: fc.oneof(matrix, headed(["项目", "值"])),
      [TAB_NAMES.holidays]: fc.oneof(matrix, headed(["日期", "类型"])),
      [TAB_NAMES.templates]: fc.oneof(matrix, headed(["模板", "渠道", "标题", "正文", "启用"])),
    });
    fc.assert(
      fc.property(tabs, (input) => {
        const evaluation = evaluateLedger({ tabs: input, today: TODAY });
        for (const row of evaluation.rows) {
          expect(row.blank ? "" : row.computed.status).toSatisfy(
            (s: string) => s === "" || (LEDGER_STATUSES as readonly string[]).includes(s),
          );
        }
        for (const problem of evaluation.problems) expect(["错误", "提醒"]).toContain(problem.level);
      }),
      { numRuns: 300 },
    );
  });
});
