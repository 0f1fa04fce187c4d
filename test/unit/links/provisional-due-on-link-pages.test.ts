import { describe, expect, it } from "vitest";
import { type RecipientRow, recipientRows } from "../../../src/domain/links/recipient-rows";
import { urgeView } from "../../../src/domain/notices/urge-view";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import { storedRows } from "../../../src/domain/summary/ledger-summary";
import { factsOf, loadFacts, loadRow } from "../../../src/domain/summary/summary-row";
import { LeaderHome, UnitHome } from "../../../src/http/links/home-pages";
import { SuggestionView } from "../../../src/http/links/suggestion-view";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, keySuggestion } from "../notices/helpers";

const FRAME = {
  who: "区教育局",
  purpose: "答复代表建议",
  lastDay: "2031-12-31",
  asOf: null,
  home: "/l/t",
  readOnly: true,
};

/** A suggestion 区教育局 leads and 刘振华主任 supervises (a key one: its leader's page lists it too). */
const ROUND_1_UNKNOWN_YEAR: LedgerCells = keySuggestion({
  编号: "2031-001",
  督办领导: "刘振华主任",
  交办日期: "2031-03-03",
});
/** Round 2 assigned in December: its 办理期限 falls in 2027, whose 放假安排 is not entered. */
const ROUND_2_INTO_NEXT_YEAR: LedgerCells = keySuggestion({
  编号: "2026-125",
  督办领导: "刘振华主任",
  答复日期: "2026-05-20",
  满意度: "不满意",
  二次交办日期: "2026-12-15",
});
const KNOWN_YEAR: LedgerCells = keySuggestion({ 编号: "2026-124", 督办领导: "刘振华主任" });

/**
 * The ledger as the sync evaluated it on `today`, its row as a suggestion's page loads it (whole),
 * and as a link's lists load it (facts: no deadline explanation).
 */
function synced(cells: LedgerCells, today: string) {
  const evaluation = evaluateAt([cells], today);
  const row = evaluation.rows[0] as EvaluatedRow;
  const stored = storedRows(evaluation);
  const whole = stored.map(loadRow);
  const facts = stored.map((r) => loadFacts(factsOf(r)));
  return { evaluation, row, whole, facts };
}

/** 办理期限 as the 领导催办 (and every notice of that round) tells it the unit. */
function noticeDue(cells: LedgerCells, today: string): string {
  const { evaluation, row } = synced(cells, today);
  const { settings, calendar } = evaluation;
  const ctx = {
    today,
    ratingLink: settings.ratingLink,
    objectionWorkingDays: settings.objectionWorkingDays,
    coOpinionDays: settings.coOpinionDays,
    calendar,
  };
  return String(urgeView(row, "区教育局", ctx, "刘振华主任", "督办领导").view.办理期限);
}

async function text(element: unknown): Promise<string> {
  // A component called as a function gives the same element as JSX does (this file is not TSX).
  return String(await (element as { toString(): string | Promise<string> }).toString());
}

/** The suggestion's own page on the unit's link, from the whole row (as the route loads it). */
async function suggestionPage(cells: LedgerCells, today: string): Promise<string> {
  const { evaluation, whole } = synced(cells, today);
  const item = recipientRows(whole, "unit", "区教育局")[0] as RecipientRow;
  return text(
    SuggestionView({
      frame: FRAME,
      kind: "unit",
      base: "/l/t",
      today,
      timeZone: "Asia/Shanghai",
      item,
      whole: whole[0] ?? null,
      letters: [],
      action: null,
      sent: [],
      objections: [],
      done: null,
      calendar: evaluation.calendar,
    }),
  );
}

/** The unit's and the leader's home pages, listing the rows as facts (no deadline explanation). */
async function homePages(cells: LedgerCells, today: string): Promise<string[]> {
  const { evaluation, facts } = synced(cells, today);
  const props = { frame: FRAME, base: "/l/t", today, done: null, calendar: evaluation.calendar };
  return [
    await text(UnitHome({ ...props, mine: recipientRows(facts, "unit", "区教育局") })),
    await text(LeaderHome({ ...props, mine: recipientRows(facts, "leader", "刘振华主任") })),
  ];
}

/** Each case: its ledger row, the day the pages are read, and 办理期限 as the notices give it. */
const CASES = [
  {
    name: "a round-1 deadline in a year whose 放假安排 is not entered",
    cells: ROUND_1_UNKNOWN_YEAR,
    today: "2031-05-20",
    notice: /^2031年6月\d+日（暂定）$/,
  },
  {
    name: "a 二次交办 whose 办理期限 rolls into such a year",
    cells: ROUND_2_INTO_NEXT_YEAR,
    today: "2026-12-28",
    notice: /^2027年\d+月\d+日（暂定）$/,
  },
  {
    name: "a deadline in a year whose arrangement is known",
    cells: KNOWN_YEAR,
    today: "2026-05-20",
    notice: /^2026年6月2日$/,
  },
];

describe("link pages mark 办理期限 （暂定） exactly when the notices do", () => {
  for (const { name, cells, today, notice } of CASES) {
    const told = noticeDue(cells, today);
    const due = synced(cells, today).row.computed.dueDate;
    const shown = told.endsWith("（暂定）") ? `${due}（暂定）` : due;

    it(`${name}: the notice says ${told}`, () => {
      expect(told).toMatch(notice);
    });

    it(`${name}: the suggestion's page says 办理期限 ${shown}`, async () => {
      const page = await suggestionPage(cells, today);
      expect(page).toContain(`<dt>办理期限</dt><dd>${shown}</dd>`);
      if (shown === due) expect(page).not.toContain("暂定");
    });

    it(`${name}: the unit's and the leader's lists say 办理期限 ${shown}`, async () => {
      for (const page of await homePages(cells, today)) {
        expect(page).toContain(`<span>办理期限 ${shown}</span>`);
        if (shown === due) expect(page).not.toContain("暂定");
      }
    });
  }
});
