import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { col, intakeSheet } from "../support/intake-sheet";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { errorOf, inboxCount, postForm } from "../support/signed-post";
import { depsFor } from "../support/sync-helpers";

/**
 * Replies and ratings shaped as form platforms send them, through the hook and the sync: titles the
 * ledger does not know, a name that is not the row's. The fixture's 2026-005 awaits its reply,
 * 2026-008 its rating.
 */
const SHEET = "platform-shapes-sheet";
const { seed, applyAll, rowOf } = intakeSheet(SHEET);

const sent = (submissionId: string, answers: Record<string, string>) => ({
  submissionId,
  submittedAt: "2026-11-26 10:00:00",
  answers,
});

beforeEach(seed);

describe("form platforms' replies and ratings", () => {
  it("refuses a reply whose answers fit no reply column, naming its titles for the clerk", async () => {
    const response = await postForm(
      "reply",
      sent("wjx-r1", { 建议编号: "2026-005", 办理类别: "A", 办理结果: "已完成道路修缮" }),
    );

    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toBe(
      "答复须填写答复类别或答复内容：未识别的题目：办理类别、办理结果；请把表单的题目改为：编号（或建议编号）、答复类别、答复内容、答复日期、落实情况、答复单位（前面可带序号，如“1. 编号”）",
    );
    expect(await inboxCount()).toBe(0);
  });

  it("takes numbered titles, a wall-clock time and an option label, and writes them", async () => {
    const response = await postForm(
      "reply",
      sent("wjx-r2", {
        建议编号: "2026-005",
        "1. 答复类别": "B类（正在解决或列入计划解决）",
        "2. 答复内容": "列入明年计划",
      }),
    );

    expect(response.status).toBe(202);
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });
    const row = await rowOf("2026-005");
    expect([row[col("答复类别")], row[col("答复内容")]]).toEqual(["B", "列入明年计划"]);
  });

  it("holds a rating signed by a deputy who did not lead the suggestion, and tells staff in 校验问题", async () => {
    const lead = String((await rowOf("2026-008"))[col("领衔代表")]);
    const other = String((await rowOf("2026-005"))[col("领衔代表")]);
    expect(other).not.toBe(lead);
    const response = await postForm(
      "rating",
      sent("wjx-p1", { 建议编号: "2026-008", 满意度: "不满意", 姓名: other }),
    );

    expect(response.status).toBe(202);
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 0, refused: 1 });
    expect((await rowOf("2026-008"))[col("满意度")]).toBe("");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const problems = (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).flat().map(String);
    expect(problems.some((p) => p.includes(`测评人“${other}”不是 2026-008 的领衔代表（${lead}）`))).toBe(
      true,
    );
  });
});
