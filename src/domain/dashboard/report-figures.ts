import { assessYear } from "../evaluation/assessment-view";
import { contactHolders } from "../figures/contacts-part";
import type { EvaluatedLedger } from "../summary/evaluated";
import { type ReportFigures, rowsOfYear, yearOfRow, yearReport } from "./year-report";

/** A year report's figures from every row of the ledger (a page whose year the finish did not store). */
export function reportFiguresOf(evaluation: EvaluatedLedger): ReportFigures {
  // Of a 编号 on several rows, the contacts count once, with the first that belongs to a year (as
  // the parts count them, mergeContacts); worked out once, for the years asked.
  let holders: ReadonlySet<unknown> | undefined;
  const heldRows = () => {
    holders ??= new Set(contactHolders(evaluation.rows.filter((r) => !r.blank && yearOfRow(r) !== null)));
    return holders;
  };
  return {
    contacts: (year) => ({
      holders: rowsOfYear(evaluation, year).filter((r) => heldRows().has(r)),
      today: evaluation.today,
    }),
    assessment: (year, committee) => assessYear(evaluation, year, committee),
    report: (year, sources) => yearReport(evaluation, year, sources),
  };
}
