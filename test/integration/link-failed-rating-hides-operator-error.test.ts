import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  postForm,
  REPLIED_AWAITING_RATING,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * 2026-004 (张明 lead deputy) was replied to and awaits his rating. He rates it through his link, and
 * intake fails to write it: Google refuses the service account (401). That is the office's problem,
 * for staff on 校验问题; the deputy's pages say the rating came in and is on its way, once each, and
 * never the error, the service account's address, or anything that asks him to send it again.
 */
const office = `rating-failed-${crypto.randomUUID().slice(0, 8)}`;
const ACCOUNT = "jianyi-local@jianyi-local.iam.gserviceaccount.com";
const ERROR =
  `Google 拒绝了服务账号 ${ACCOUNT}的凭据：请检查 GOOGLE_SERVICE_ACCOUNT 密钥` +
  "（values.batchGet: 401 UNAUTHENTICATED Request had invalid authentication credentials.）";

let deputy = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [REPLIED_AWAITING_RATING],
  });
  await syncOffice(office);
  deputy = (await makeLink("deputy", "张明")).path;
  const page = `${deputy}/s/2026-004`;
  const rated = await postForm(`${page}/rating`, {
    nonce: nonceOf(await (await browse(page)).text(), `${page}/rating`),
    满意度: "满意",
    测评意见: "",
  });
  expect(rated.status).toBe(303);
  // What apply-inbox records when the Sheets call is refused (a permanent failure).
  await env.DB.prepare("UPDATE inbox SET status = 'failed', last_error = ? WHERE form = 'rating'")
    .bind(ERROR)
    .run();
});

/** What must never reach a deputy or unit of the operator's error. */
function expectNoOperatorError(page: string) {
  expect(page).not.toContain(ACCOUNT);
  expect(page).not.toContain("GOOGLE_SERVICE_ACCOUNT");
  expect(page).not.toContain("UNAUTHENTICATED");
  expect(page).not.toContain("暂未写入");
}

const SAYS = "正在写入台账，无需重新提交";

describe("a deputy's pages while intake cannot write his rating", () => {
  it("the suggestion's page says it arrived and needs no second submission, never the error", async () => {
    const page = await (await browse(`${deputy}/s/2026-004`)).text();
    expectNoOperatorError(page);
    expect(page).toContain(`<span>您已于 ${TODAY} 提交测评，${SAYS}</span>`);
    expect(page).toContain(`提交的测评：已收到，${SAYS}</li>`);
    expect(page).toContain(`${TODAY}（您提交的测评：${SAYS}）`);
  });

  it("the home page's card says it once, without the error", async () => {
    const home = await (await browse(deputy)).text();
    expectNoOperatorError(home);
    expect(home.split(`您已于 ${TODAY} 提交测评，${SAYS}`).length - 1).toBe(1);
  });

  it("staff still read the error in 校验问题 after the next sync", async () => {
    await syncOffice(office);
    const problems = (await emulator.getValues(office, `'${TAB_NAMES.problems}'`)).map((r) => r.join(" "));
    expect(problems).toContainEqual(expect.stringContaining(`尚未写入表格：${ERROR}`));
  });
});
