import { describe, expect, it } from "vitest";
import { missingTabReason } from "../../src/domain/read-tab";
import { heldLedgerRestoreMessage, ledgerHoldOf, ledgerHoldText } from "../../src/domain/sync/lost-ledger";

describe("advice when 建议台账 is lost", () => {
  it("tells a deleted ledger to be restored from a version, never to be made anew as a small tab is", () => {
    const reason = missingTabReason("建议台账", ["承办单位", "代表"]);

    expect(reason).toBe(
      "找不到工作表『建议台账』，本次没有同步台账：如果是误删或改了表名，请用“撤销”或“文件 → 版本记录”恢复（Google 表格保留着历史版本），或把表名改回『建议台账』；不要新建一张空表，那会让系统以为所有建议都已从台账中删除。没有可用的版本时，按部署指南“整张台账丢失时”一节，用看板“导出台账（CSV）”导出的台账恢复",
    );
    expect(missingTabReason("代表", [])).toContain("确实没有这张表时，再新建（第 1 行写表头）");
  });

  it("says why 恢复 cannot help a ledger cut to a few rows, and reads back the hold it stored", () => {
    const hold = ledgerHoldOf(ledgerHoldText({ kind: "emptied", rows: 3, present: 137 }));

    expect(hold).toEqual({ kind: "emptied", rows: 3, present: 137 });
    expect(heldLedgerRestoreMessage(hold ?? { kind: "missing", rows: 0, present: 0 })).toBe(
      "『建议台账』现在只剩 3 行数据（同步已暂停，系统存有 137 条），逐条恢复补不回整张台账：请先用表格的“文件 → 版本记录”恢复整张表；没有可用版本时，按部署指南“整张台账丢失时”一节用导出的台账恢复。台账恢复后，下次同步（每 10 分钟一次）即恢复正常",
    );
    expect(ledgerHoldOf("")).toBeNull();
    expect(ledgerHoldOf("not json")).toBeNull();
  });
});
