import { describe, expect, it } from "vitest";
import { fieldTexts } from "../../../src/domain/dashboard/cell-text";
import { suggestionRef } from "../../../src/domain/dashboard/suggestion-ref";
import { milestones } from "../../../src/domain/dashboard/timeline";
import { urgeView } from "../../../src/domain/notices/urge-view";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import { storedRows } from "../../../src/domain/summary/ledger-summary";
import { loadRow } from "../../../src/domain/summary/summary-row";
import { SuggestionPage } from "../../../src/http/dashboard/suggestion-page";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, keySuggestion } from "../notices/helpers";

/** Round 1 due 2026-06-02 (known year); round 2 assigned in December, due in 2027 (not entered). */
const ROUND_2_INTO_NEXT_YEAR: LedgerCells = keySuggestion({
  编号: "2026-125",
  督办领导: "刘振华主任",
  答复日期: "2026-05-20",
  答复类别: "B",
  满意度: "不满意",
  二次交办日期: "2026-12-15",
});
const TODAY = "2026-12-28";

/** 办理期限 as the 领导催办 (and every notice of that round) tells the lead unit. */
function noticeDue(cells: LedgerCells, today: string): string {
  const evaluation = evaluateAt([cells], today);
  const { settings, calendar } = evaluation;
  const ctx = {
    today,
    ratingLink: settings.ratingLink,
    objectionWorkingDays: settings.objectionWorkingDays,
    coOpinionDays: settings.coOpinionDays,
    calendar,
  };
  const row = evaluation.rows[0] as EvaluatedRow;
  return String(urgeView(row, "区教育局", ctx, "刘振华主任", "督办领导").view.办理期限);
}

/** The suggestion's dashboard page, from its row whole, as /suggestions/:id loads it. */
async function page(cells: LedgerCells, today: string): Promise<string> {
  const row = storedRows(evaluateAt([cells], today)).map(loadRow)[0];
  if (!row) throw new Error("no row");
  const view = {
    row,
    sheetRow: row.rowNumber,
    fields: fieldTexts(row),
    daysLeft: suggestionRef(row, today).daysLeft,
    milestones: milestones(row),
    practice: [],
  };
  const frame = { lastSync: null, timeZone: "Asia/Shanghai", today };
  // A component called as a function gives the same element as JSX does (this file is not TSX).
  const element = SuggestionPage({ views: [view], timeline: [], notices: [], frame }) as {
    toString(): string | Promise<string>;
  };
  return String(await element.toString());
}

describe("a suggestion's dashboard page marks each round's 办理期限 （暂定） as its notices do", () => {
  it("二次交办 into 2027: the current and the second round's 办理期限 say （暂定）, the first round's not", async () => {
    const told = noticeDue(ROUND_2_INTO_NEXT_YEAR, TODAY);
    expect(told).toMatch(/^2027年\d+月\d+日（暂定）$/);
    const html = await page(ROUND_2_INTO_NEXT_YEAR, TODAY);
    const second = /<strong>二次办理期限：<\/strong>(2027-\d\d-\d\d)（暂定）<br\/>/.exec(html)?.[1];
    expect(second).toBeDefined();
    expect(html).toContain(`当前办理期限 <strong>${second}（暂定）</strong>`);
    expect(html).toContain(`<div class="when">${second}（暂定）</div>二次办理期限`);
    expect(html).toContain("<strong>首轮办理期限：</strong>2026-06-02<br/>");
    expect(html).toContain('<div class="when">2026-06-02</div>首轮办理期限');
  });
});
