import {
  defaultSettingRows,
  defaultTemplateRows,
  deputyColumns,
  type LedgerStatus,
  settingColumns,
  TAB_NAMES,
  templateColumns,
  unitColumns,
} from "../../sheets-schema";
import { carriedOverSuggestions } from "./carried-over";
import { DEMO_TODAY, DemoDates } from "./dates";
import { makeDeputies } from "./deputies";
import { EVALUATION_HEADERS, makeCommittee, makeOpinions } from "./evaluation";
import { makeSuggestions } from "./ledger";
import { type PlantedMistake, plantMistakes } from "./mistakes";
import { NameMaker } from "./names";
import { DEMO_SESSIONS, makeLeaders, makePracticeRows, PRACTICE_HEADERS } from "./practice";
import { Prng } from "./prng";
import { type Cell, LEDGER_HEADERS, suggestionCells } from "./suggestion";
import { makeUnits } from "./units";

export { DEMO_TODAY } from "./dates";
export type { PlantedMistake } from "./mistakes";
export type { Cell } from "./suggestion";

export const DEMO_SEED = 20260107;

/** Rows of one tab: the headers they are written under, and the cells in that order. */
export interface TabRows {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface DemoData {
  /** The day the demo is meant to be looked at; statuses below hold on this day. */
  readonly today: string;
  readonly ledger: TabRows;
  readonly units: TabRows;
  readonly deputies: TabRows;
  /** practice.md's tabs: 领导, 沟通记录, 延期申请, 协办意见. */
  readonly leaders: TabRows;
  readonly contacts: TabRows;
  readonly extensions: TabRows;
  readonly coOpinions: TabRows;
  /** 民意 (liaison-station opinions) and 常委会测评 (issue 14). */
  readonly opinions: TabRows;
  readonly committee: TabRows;
  /** 设置 值 the demo sets (the rest keep their defaults). */
  readonly settings: Readonly<Record<string, string>>;
  /** For each ledger row, the 台账状态 it was written to reach (checked against src/domain). */
  readonly intended: readonly LedgerStatus[];
  readonly mistakes: readonly PlantedMistake[];
}

function rowsOf<R>(headers: readonly string[], records: readonly R[]): Cell[][] {
  return records.map((record) => headers.map((h) => (record as Record<string, Cell | undefined>)[h] ?? ""));
}

/**
 * The demo year of a district office, as plain rows per tab: 承办单位, 代表 and 建议台账 (staff
 * columns only; the sync fills 办理期限, 台账状态, 校验问题 and 最近通知). Pure and deterministic:
 * the same seed gives the same rows on every machine.
 */
export function generateDemo(seed = DEMO_SEED): DemoData {
  const prng = new Prng(seed);
  const names = new NameMaker(prng, ["王伟", "张建君", "张建军"]);
  const units = makeUnits(prng, names);
  const deputies = makeDeputies(prng, names);
  const dates = new DemoDates(prng);
  const suggestions = makeSuggestions(prng, dates, deputies);
  const mistakes = plantMistakes(suggestions);
  // Its own stream, so the practice rows never change the ledger a seed gives.
  const thisYear = makePracticeRows(suggestions, new DemoDates(new Prng(seed + 1)), new Prng(seed + 2));
  // Last year's, at the foot of the ledger (with their own practice rows, from streams of their own):
  // the rows above stay as the seed gives them.
  const carried = carriedOverSuggestions(deputies);
  const lastYear = makePracticeRows(carried, new DemoDates(new Prng(seed + 3)), new Prng(seed + 4));
  const ledger = [...suggestions, ...carried];
  const practice = {
    contacts: [...thisYear.contacts, ...lastYear.contacts],
    extensions: [...thisYear.extensions, ...lastYear.extensions],
    coOpinions: [...thisYear.coOpinions, ...lastYear.coOpinions],
  };
  const unitHeaders = unitColumns.map((c) => c.header);
  const deputyHeaders = deputyColumns.map((c) => c.header);
  return {
    today: DEMO_TODAY,
    units: { headers: unitHeaders, rows: rowsOf(unitHeaders, units) },
    deputies: { headers: deputyHeaders, rows: rowsOf(deputyHeaders, deputies) },
    ledger: {
      headers: LEDGER_HEADERS,
      rows: rowsOf(
        LEDGER_HEADERS,
        ledger.map((s) => suggestionCells(s, prng)),
      ),
    },
    leaders: { headers: PRACTICE_HEADERS.leaders, rows: rowsOf(PRACTICE_HEADERS.leaders, makeLeaders()) },
    contacts: {
      headers: PRACTICE_HEADERS.contacts,
      rows: rowsOf(PRACTICE_HEADERS.contacts, practice.contacts),
    },
    extensions: {
      headers: PRACTICE_HEADERS.extensions,
      rows: rowsOf(PRACTICE_HEADERS.extensions, practice.extensions),
    },
    coOpinions: {
      headers: PRACTICE_HEADERS.coOpinions,
      rows: rowsOf(PRACTICE_HEADERS.coOpinions, practice.coOpinions),
    },
    opinions: {
      headers: EVALUATION_HEADERS.opinions,
      rows: rowsOf(EVALUATION_HEADERS.opinions, makeOpinions(suggestions, new Prng(seed + 3))),
    },
    committee: {
      headers: EVALUATION_HEADERS.committee,
      rows: rowsOf(EVALUATION_HEADERS.committee, makeCommittee(suggestions, new Prng(seed + 4))),
    },
    // The committee's scores count in 单位测评 (weights still sum to 100).
    settings: {
      会议期间: DEMO_SESSIONS,
      测评权重: "按期答复率:30,满意率:30,沟通率:10,落实率:10,常委会测评:20",
      // Link pages end with it (「如有疑问，请联系代表工委（电话 …）」); a made-up number.
      代表工委联系电话: "0371-12345678",
    },
    intended: ledger.map((s) => s.intended),
    mistakes,
  };
}

/**
 * The whole workbook as the sync reads it (header row first, per tab name), with the default
 * 设置 and 通知模板 rows provisioning writes: what evaluateLedger sees right after `demo:seed`.
 */
export function demoWorkbook(data: DemoData): Record<string, Cell[][]> {
  const tab = (t: TabRows): Cell[][] => [[...t.headers], ...t.rows.map((r) => [...r])];
  return {
    [TAB_NAMES.ledger]: tab(data.ledger),
    [TAB_NAMES.units]: tab(data.units),
    [TAB_NAMES.deputies]: tab(data.deputies),
    [TAB_NAMES.leaders]: tab(data.leaders),
    [TAB_NAMES.contacts]: tab(data.contacts),
    [TAB_NAMES.extensions]: tab(data.extensions),
    [TAB_NAMES.coOpinions]: tab(data.coOpinions),
    [TAB_NAMES.opinions]: tab(data.opinions),
    [TAB_NAMES.committee]: tab(data.committee),
    [TAB_NAMES.settings]: [
      settingColumns.map((c) => c.header),
      ...defaultSettingRows().map(([item, value, note]) => [
        item ?? "",
        data.settings[item ?? ""] ?? value ?? "",
        note ?? "",
      ]),
    ],
    [TAB_NAMES.templates]: [templateColumns.map((c) => c.header), ...defaultTemplateRows()],
    [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
  };
}
