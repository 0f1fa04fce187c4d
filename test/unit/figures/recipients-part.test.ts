import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import {
  joinRecipients,
  noticeRecipientProblems,
  recipientProblems,
  recipientsOf,
} from "../../../src/domain/notices/recipient-problems";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { PART_SIZES, storedLedger, throughJson } from "./parts";

describe("校验问题 of recipients notices cannot reach, from each part's recipients", () => {
  for (const seed of [20260615, 7]) {
    const tabs = sampleLedgerTabs(600, seed);
    // A 重点建议's 督办领导 and a 领办领导 nobody can reach, and no 周报接收人.
    const settings = (tabs[TAB_NAMES.settings] ?? []).filter((row) => row[0] !== "周报接收人");
    const ledger = storedLedger({ ...tabs, [TAB_NAMES.settings]: settings }, "2026-06-15");

    it(`equals the problems of every row (sample ledger, seed ${seed})`, () => {
      const whole = noticeRecipientProblems(ledger.view);
      expect(whole.map((p) => p.tab)).toContain(TAB_NAMES.units);
      expect(whole.map((p) => p.tab)).toContain(TAB_NAMES.ledger);
      for (const size of PART_SIZES) {
        const parts = ledger.parts(size).map((rows) => throughJson(recipientsOf(rows)));
        expect(recipientProblems(joinRecipients(parts), ledger.view), `parts of ${size} rows`).toEqual(whole);
      }
    });
  }
});
