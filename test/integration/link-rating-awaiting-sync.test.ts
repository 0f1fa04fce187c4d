import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postForm, syncOffice, TODAY } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * 2026-001 (张明 lead deputy) was replied to and awaits its rating; staff had typed an invalid
 * 满意度 (比较满意, an 错误 in 校验问题) and a 测评日期 of yesterday. 张明 rates it 满意 through his link:
 * until the next sync his page tells one story of that rating, first while intake writes it, then
 * once it is in the sheet, and never shows staff's date as the rating's.
 */
const office = `rating-awaiting-${crypto.randomUUID().slice(0, 8)}`;
const STAFF_DAY = addDaysIso(TODAY, -1);

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": {
        答复日期: serialFromIso(addDaysIso(TODAY, -3)),
        答复类别: "B",
        答复内容: "已纳入明年计划",
        落实情况: "推进中",
        满意度: "比较满意",
        测评日期: serialFromIso(STAFF_DAY),
      },
    },
  });
  await syncOffice(office);
});

/** The reply card's 满意度 and 测评日期 as the page shows them. */
function ratingFields(page: string): { rating: string; ratedOn: string } {
  const field = (label: string) => new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`).exec(page)?.[1] ?? "";
  return { rating: field("满意度"), ratedOn: field("测评日期") };
}

describe("a deputy's page between rating through the link and the next sync", () => {
  it("says the same of the rating everywhere: what, when, and whether it is in the sheet yet", async () => {
    const deputy = `${(await makeLink("deputy", "张明")).path}/s/2026-001`;
    const before = await (await browse(deputy)).text();
    const rated = await postForm(`${deputy}/rating`, {
      nonce: nonceOf(before, `${deputy}/rating`),
      满意度: "满意",
      测评意见: "",
    });
    expect(rated.status).toBe(303);

    // Received, not yet written: every line says 正在写入台账, and the card shows the sent rating.
    const sending = await (await browse(deputy)).text();
    expect(sending).toContain(`您已于 ${TODAY} 提交本轮答复的测评，正在写入台账；如需修改，请联系代表工委`);
    expect(sending).toContain("提交的测评：已收到，正在写入台账");
    expect(ratingFields(sending)).toEqual({
      rating: "满意",
      ratedOn: `${TODAY}（您提交的测评：正在写入台账）`,
    });

    // Intake wrote it to the sheet; the page's ledger is still the last sync's.
    const { results } = await env.DB.prepare(
      "SELECT submission_id FROM inbox WHERE form = 'rating' AND suggestion_id = '2026-001'",
    ).all<{ submission_id: string }>();
    const keys = results.map((r) => ({ form: "rating" as const, submissionId: r.submission_id }));
    expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });

    const written = await (await browse(deputy)).text();
    const state = "已写入台账，下次同步后本页更新";
    expect(written).toContain(`您已于 ${TODAY} 提交本轮答复的测评，${state}；如需修改，请联系代表工委`);
    expect(written).toContain(`提交的测评：${state}`);
    expect(written).not.toContain("正在写入台账");
    expect(ratingFields(written)).toEqual({ rating: "满意", ratedOn: `${TODAY}（您提交的测评：${state}）` });
    expect(written).not.toContain(STAFF_DAY);
    expect(written).not.toContain("比较满意");
  });
});
