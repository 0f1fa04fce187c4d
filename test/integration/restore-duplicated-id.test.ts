import { exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { assignedSuggestion, type Cells, practiceSheet } from "../support/practice-sheet";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "restore-duplicated-id";
const DAY_MS = 86_400_000;
const auth = { authorization: "Bearer test-admin-token" };
const suggestion = (id: string, 标题: string): Cells => assignedSuggestion({ 编号: id, 标题 });
/** What staff are told wherever a deleted duplicated 编号 is named: 恢复 cannot bring it back. */
const NOT_KEPT =
  "；“校验问题”中没有它时（编号在台账中重复的行系统不留存，无法“恢复”），请用表格的“文件 → 版本记录”找回该行";

const problemLines = async () =>
  (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).map((p) => [p[0], p[2], p[5]]);

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(
    SHEET,
    practiceSheet({
      units: [{ 单位名称: "区教育局", 邮箱: "jyj@example.gov.cn" }],
      deputies: [{ 姓名: "张明", 邮箱: "zm@example.cn" }],
      ledger: [
        suggestion("2026-001", "关于改善城区学校周边交通秩序的建议"),
        suggestion("2026-080", "关于加快推进柏庄镇卫生院建设的建议"),
        suggestion("2026-080", "关于增设社区养老服务站点的建议"),
      ],
      contacts: [{ 编号: "2026-080", 日期: "2026-03-10", 阶段: "办前", 方式: "面商", 承办单位: "区教育局" }],
    }),
  );
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("the rows of a 编号 typed on two rows, deleted", () => {
  it("warns while the 编号 is duplicated that its rows cannot be restored once deleted", async () => {
    const lines = (await problemLines()).filter((p) => p[0] === TAB_NAMES.ledger && p[1] === "2026-080");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line[2]).toContain("改正前这些行系统不留存，误删后无法在网页上“恢复”");
  });

  it("tells staff alike in 沟通记录's 错误, on 恢复 and on its page to get the rows back from 版本记录", async () => {
    const ss = await emulator.spreadsheet(SHEET);
    const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
    await depsFor(SHEET).sheets.batchUpdate([
      { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: 2, endIndex: 4 } } },
    ]);
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS + DAY_MS);

    expect(await problemLines()).toContainEqual([
      TAB_NAMES.contacts,
      "",
      `编号“2026-080”在『建议台账』中找不到：请核对编号；如果是这条建议的行被误删了，请在网页的“校验问题”中找到它并点“恢复”${NOT_KEPT}`,
    ]);
    const restore = await exports.default.fetch(
      new Request("http://jianyi.test/api/suggestions/2026-080/restore", { method: "POST", headers: auth }),
    );
    expect(restore.status).toBe(404);
    expect(((await restore.json()) as { error: { message: string } }).error.message).toBe(
      `没有编号为 2026-080 的建议记录，无法恢复：请核对编号${NOT_KEPT}`,
    );
    const page = await exports.default.fetch(
      new Request("http://jianyi.test/suggestions/2026-080", { headers: auth }),
    );
    expect(page.status).toBe(404);
    expect(await page.text()).toContain(
      `台账中没有编号为“2026-080”的建议：请核对编号；如果是它的行被误删了，请在“校验问题”中找到它并点“恢复”${NOT_KEPT}`,
    );
  });
});
