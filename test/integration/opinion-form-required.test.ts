import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES, fixtureSheets } from "../support/ledger-fixture";
import { errorOf, inboxCount, postForm, suggestion } from "../support/signed-post";
import { resetDatabase } from "../support/sync-helpers";

const DEPUTY = DEPUTIES[0] as string;

beforeAll(async () => {
  await emulator.deleteSpreadsheet("test-sheet").catch(() => undefined);
  await emulator.createSpreadsheet("test-sheet", fixtureSheets(buildFixture(5)));
});
beforeEach(resetDatabase);

describe("民意表单：缺必填项时当场拒绝，不写入", () => {
  it("没有内容的民意：400，说明须填写内容，收件箱里什么也没有", async () => {
    const response = await postForm(
      "opinion",
      suggestion("op-bare-1", { 联络站: "东关街道联络站", 反映人: "王女士", 内容: " ", 接待代表: DEPUTY }),
    );

    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_body");
    expect(error.message).toBe("民意须填写内容：请补上后重新提交");
    expect(error.details?.map((d) => d.field)).toEqual(["answers.内容"]);
    expect(await inboxCount()).toBe(0);
  });

  it("缺联络站和接待代表的民意：400，逐项说明；日期可不填（按提交日）", async () => {
    const response = await postForm("opinion", suggestion("op-bare-2", { 内容: "菜市场周边停车难" }));

    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toBe("民意须填写联络站：请补上后重新提交；民意须填写接待代表：请补上后重新提交");
    expect(error.details?.map((d) => d.field)).toEqual(["answers.联络站", "answers.接待代表"]);
    expect(await inboxCount()).toBe(0);
    const whole = await postForm(
      "opinion",
      suggestion("op-whole", { 联络站: "东关街道联络站", 内容: "菜市场周边停车难", 接待代表: DEPUTY }),
    );
    expect(whole.status).toBe(202);
    expect(await inboxCount()).toBe(1);
  });
});
