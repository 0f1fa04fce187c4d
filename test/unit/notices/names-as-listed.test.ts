import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import type { FormArrival } from "../../../src/domain/notices/receipt-series";
import type { LedgerCells } from "../helpers/make-row";
import { deputyRows, keySuggestion, noticeTabs } from "./helpers";

/** The 代表 tab writes names plainly; an office's imported Excel 台账 padded them. */
const DEPUTIES = [
  ["李红", "lihong@example.cn"],
  ["王伟", "wangwei@example.cn"],
  ["赵敏", "zhaomin@example.cn"],
  ["刘主任", "liu@example.gov.cn"],
] as const;

/** Assigned Monday 2026-03-02 to 区教育局, three months: due 2026-06-02 (keySuggestion). */
const IMPORTED: LedgerCells = keySuggestion({
  领衔代表: "李  红",
  附议代表: "王　伟、赵 敏",
  协办单位: "区 住建局",
  督办领导: "刘 主任",
});

/** A 交办通知 text that names everyone the row does. */
const NAMING_TEXT = [
  "交办通知",
  "",
  "{{编号}}",
  "领衔代表：{{领衔代表}}；附议代表：{{附议代表}}；主办单位：{{主办单位}}；协办单位：{{协办单位}}；督办领导：{{督办领导}}",
  "是",
];

function plan(rows: LedgerCells[], today: string, arrivals: FormArrival[] = [], templates: unknown[][] = []) {
  const tabs = { ...noticeTabs(rows, [], templates), [TAB_NAMES.deputies]: deputyRows(DEPUTIES) };
  return planNotices({ today, evaluation: evaluateLedger({ tabs, today }), existingKeys: [], arrivals })
    .notices;
}

const bodyOf = (notices: ReturnType<typeof plan>, type: string, recipient: string) =>
  notices.find((n) => n.type === type && n.recipient === recipient)?.body ?? "";

describe("通知引用台账中的代表、单位、领导时，按『代表』『承办单位』『领导』表的写法", () => {
  it("逾期催办写“李红代表领衔提出的建议”，不照抄导入台账的“李  红”", () => {
    const notices = plan([IMPORTED], "2026-06-09");
    expect(bodyOf(notices, "逾期催办", "区教育局")).toMatch(
      /^区教育局：李红代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》/,
    );
    expect(bodyOf(notices, "逾期催办", "刘主任")).toMatch(/^刘主任：李红代表领衔提出的建议/);
  });

  it("交办通知的协办单位写“区住建局”，不写“区 住建局”", () => {
    const lead = bodyOf(plan([IMPORTED], "2026-03-02"), "交办通知", "区教育局");
    expect(lead).toContain("区教育局：现将李红代表领衔提出的建议");
    expect(lead).toContain("主办单位：区教育局；协办单位：区住建局。");
  });

  it("附议代表、督办领导按表中写法列出；表中没有的名字照原样", () => {
    const row = { ...IMPORTED, 附议代表: "王　伟，赵 敏，孙 立" };
    const body = bodyOf(plan([row], "2026-03-02", [], [NAMING_TEXT]), "交办通知", "区教育局");
    expect(body).toBe(
      "领衔代表：李红；附议代表：王伟、赵敏、孙 立；主办单位：区教育局；协办单位：区住建局；督办领导：刘主任",
    );
  });

  it("名字与表中一致时原样照录", () => {
    const row = {
      ...IMPORTED,
      领衔代表: "李红",
      附议代表: "王伟，赵敏",
      协办单位: "区住建局",
      督办领导: "刘主任",
    };
    const body = bodyOf(plan([row], "2026-03-02", [], [NAMING_TEXT]), "交办通知", "区教育局");
    expect(body).toBe(
      "领衔代表：李红；附议代表：王伟、赵敏；主办单位：区教育局；协办单位：区住建局；督办领导：刘主任",
    );
  });

  it("表单提交、尚未进台账的建议，受理回执中的领衔代表也按表中写法", () => {
    const arrivals = [
      {
        suggestionId: "2026-009",
        receivedOn: "2026-03-03",
        cells: { 领衔代表: "李  红", 标题: "关于增设公交站点的建议" },
      },
    ];
    const receipt = ["受理回执", "", "{{标题}}", "{{领衔代表}}代表：《{{标题}}》已收到", "是"];
    const notices = plan([], "2026-03-03", arrivals, [receipt]);
    expect(notices.map((n) => [n.recipient, n.body])).toEqual([
      ["李红", "李红代表：《关于增设公交站点的建议》已收到"],
    ]);
  });
});
