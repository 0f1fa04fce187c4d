import { addDaysIso } from "../../src/domain";
import { MISSPELT_DEPUTY, NAMESAKES } from "./deputies";
import type { LedgerHeader, Suggestion } from "./suggestion";

/** A staff mistake planted in the demo ledger: the sync must report it on that row and column. */
export interface PlantedMistake {
  /** 1-based sheet row. */
  readonly row: number;
  readonly column: LedgerHeader;
  readonly description: string;
}

type Plant = (s: Suggestion, previous: Suggestion | undefined) => string;

const PLANTS: readonly [LedgerHeader, Plant][] = [
  [
    "领衔代表",
    (s) => {
      s.overrides.领衔代表 = MISSPELT_DEPUTY.typed;
      return `领衔代表写成“${MISSPELT_DEPUTY.typed}”（代表名录中是“${MISSPELT_DEPUTY.correct}”）`;
    },
  ],
  [
    "答复日期",
    (s) => {
      s.overrides.答复日期 = "2026.13.5";
      // Without a readable reply date the row counts as unanswered, long past its due date.
      s.intended = "已逾期";
      return "答复日期写成不存在的“2026.13.5”";
    },
  ],
  [
    "答复日期",
    (s) => {
      s.repliedOn = addDaysIso(s.assignedOn ?? s.submittedOn, -9);
      return "答复日期早于交办日期";
    },
  ],
  [
    "答复内容",
    (s) => {
      Object.assign(s, { replyClass: "C", replyContent: "" });
      delete s.implementation;
      return "答复类别为 C 但没有写答复内容";
    },
  ],
  [
    "编号",
    (s, previous) => {
      s.overrides.编号 = previous?.id ?? s.id;
      return `编号与上一行重复（${previous?.id ?? s.id}）`;
    },
  ],
  [
    "标题",
    (s) => {
      const long = `${s.title}（${s.summary}${s.summary}${s.summary}）`;
      s.overrides.标题 = long.length > 200 ? long : long.padEnd(210, "。");
      return "标题超过 200 字（把摘要粘贴进了标题）";
    },
  ],
];

/**
 * Plants typical staff mistakes on six finished, unremarkable rows (not key suggestions, not the
 * namesake rows) spread through the year, and says where they are.
 */
export function plantMistakes(suggestions: Suggestion[]): PlantedMistake[] {
  const candidates = suggestions
    .map((s, index) => ({ s, index }))
    .filter(
      ({ s }) =>
        s.intended === "已办结" &&
        !s.isKey &&
        !s.reassignedOn &&
        s.lead !== NAMESAKES[0] &&
        !s.coSigners.includes(NAMESAKES[1]),
    );
  const step = Math.floor(candidates.length / PLANTS.length);
  return PLANTS.map(([column, plant], i) => {
    const { s, index } = candidates[i * step + 2] ?? (candidates[i] as { s: Suggestion; index: number });
    const description = plant(s, suggestions[index - 1]);
    return { row: index + 2, column, description };
  });
}
