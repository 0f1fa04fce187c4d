import { describe, expect, it } from "vitest";
import { buildFixture } from "../support/ledger-fixture";
import { pageText, seededAtFixtureTime } from "./dashboard-helpers";

// The fixture keeps practice rows: a 办前 contact a week after 交办 and an 办后 visit after the
// reply, the co-unit's opinion, and for 2026-013 (区教育局, co-unit 区生态环境分局) an approved
// extension asked for on 2026-04-11.
seededAtFixtureTime(buildFixture(40));

const text = pageText;

describe("看板上的三沟通、延期和协办意见", () => {
  it("建议页按日期列出审查结果、沟通记录、延期申请及审批、协办意见", async () => {
    const html = await text("/suggestions/2026-013");
    expect(html).toContain("审查与办理记录（三沟通、延期、协办意见）");
    expect(html).toContain("审查结果：立案");
    expect(html).toContain("办前联系（面商）· 区教育局");
    expect(html).toContain("延期申请 · 区教育局");
    expect(html).toContain("理由：涉及多个部门，需统筹资金");
    expect(html).toContain("审批结果：同意（2026-04-13），审批人 常委会副主任");
    expect(html).toContain("协办意见 · 区生态环境分局");
    expect(html).toContain("办后回访（书面）· 区教育局");
    // The due date and how it was reached.
    expect(html).toContain("交办日期 2026-03-02 起算六个月（经批准延期）为 2026-09-02");
    const order = ["2026-03-09", "2026-03-16", "2026-04-11", "2026-05-30"].map((d) => html.indexOf(`>${d}<`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
  });

  it("单位页显示沟通率和延期件数，单位一览多出这两列", async () => {
    const unit = await text(`/units/${encodeURIComponent("区教育局")}`);
    expect(unit).toMatch(/沟通率[\s\S]{0,200}100\.0%/);
    expect(unit).toMatch(/延期件数[\s\S]{0,200}>1</);
    const units = await text("/units");
    expect(units).toContain('<th class="num">沟通率</th>');
    expect(units).toContain('<th class="num">延期件数</th>');
  });

  it("台账导出带新增的列和经批准延期的期限说明", async () => {
    const csv = await text("/exports/ledger.csv");
    const [header] = csv.replace(/^\uFEFF/, "").split("\r\n");
    for (const column of ["来源", "预审意见", "领办领导", "答复函", "二次答复类别", "优秀建议"])
      expect(header?.split(","), column).toContain(column);
    expect(csv).toContain("交办日期 2026-03-02 起算六个月（经批准延期）为 2026-09-02");
  });
});
