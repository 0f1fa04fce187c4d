import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  postForm,
  postMultipart,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * 2026-001 (区教育局 lead, 张明 lead deputy) was replied to two days ago and not yet rated: the
 * unit's page offers 更正答复 until the deputy rates. A rating sent on the deputy's link reaches the
 * row with the next sync; until then the unit's page, as of the last sync, still says 待测评.
 */
const office = `rated-${crypto.randomUUID().slice(0, 8)}`;
const REPLIED = addDaysIso(TODAY, -2);

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": {
        答复日期: serialFromIso(REPLIED),
        答复类别: "B",
        答复内容: "已纳入明年计划",
        落实情况: "推进中",
      },
    },
  });
  await syncOffice(office);
});

describe("a reply the deputy rated since the last sync", () => {
  it("cannot be corrected on the unit's link any more, and the unit is told why", async () => {
    const unit = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
    const deputy = `${(await makeLink("deputy", "张明")).path}/s/2026-001`;
    const unitPage = await (await browse(unit)).text();
    expect(unitPage).toContain("更正答复");
    // The reply form as a browser posts it (multipart, for its 答复函).
    const correction = new FormData();
    const fields = {
      nonce: nonceOf(unitPage, `${unit}/reply`),
      答复类别: "A",
      答复内容: "已解决",
      答复日期: REPLIED,
    };
    for (const [name, value] of Object.entries(fields)) correction.set(name, value);

    const deputyPage = await (await browse(deputy)).text();
    const rated = await postForm(`${deputy}/rating`, {
      nonce: nonceOf(deputyPage, `${deputy}/rating`),
      满意度: "不满意",
      测评意见: "没有实质改善",
    });
    expect(rated.status).toBe(303);

    const refused = await postMultipart(`${unit}/reply`, correction);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(
      `代表已于 ${TODAY} 对本轮答复提交测评，不能再在线修改答复；如需更正，请联系代表工委`,
    );
  });
});
