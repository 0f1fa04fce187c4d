import { assessYear } from "../evaluation/assessment-view";
import type { EvaluatedLedger } from "../summary/evaluated";
import { type ReportFigures, rowsOfYear, yearReport } from "./year-report";

/** A year report's figures from every row of the ledger (a page whose year the finish did not store). */
export function reportFiguresOf(evaluation: EvaluatedLedger): ReportFigures {
  return {
    contacts: (year) => ({ ids: rowsOfYear(evaluation, year).flatMap((r) => (r.id ? [r.id] : [])) }),
    assessment: (year, committee) => assessYear(evaluation, year, committee),
    report: (year, sources) => yearReport(evaluation, year, sources),
  };
}
