import { describe, expect, it } from "vitest";
import { writeState } from "../../../src/domain/links/row-actions";

/** A submission intake could not write: the recipient hears it arrived, never the operator's error. */
describe("how far a submission intake could not write got, as a link's page says it", () => {
  const error = "Google 拒绝了服务账号 x@y.iam.gserviceaccount.com的凭据：401 UNAUTHENTICATED";
  // As the page passes it: the inbox entry, its lastError and all.
  const entry = (status: string, lastError: string) => ({ status, lastError });

  it("says a failed reply or rating is on its way to the ledger and needs no second submission", () => {
    expect(writeState(entry("failed", error), true)).toBe("正在写入台账，无需重新提交");
  });

  it("says the same of one whose 编号 is not in the ledger (staff's to sort out), and of a practice tab's", () => {
    expect(writeState(entry("unmatched", "编号不在台账中"), false)).toBe("正在写入台账，无需重新提交");
    expect(writeState(entry("failed", error), true, "『沟通记录』表")).toBe(
      "正在写入『沟通记录』表，无需重新提交",
    );
  });
});
