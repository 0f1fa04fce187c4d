import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, PUBLIC_URL, syncOffice, TODAY } from "./links-setup";

/**
 * 2026-001 (区教育局 lead) was answered C, rated 不满意, assigned a second time and answered again by
 * link (B, 推进中, a second 答复函): round 2's class and date are in their columns, its text only in
 * the 备注 line intake wrote. The deputy has not rated round 2 yet, so the unit may correct it.
 */
const office = `round2-fix-${crypto.randomUUID().slice(0, 8)}`;
const day = (offset: number) => serialFromIso(addDaysIso(TODAY, offset));
const ROUND2_REPLIED = addDaysIso(TODAY, -2);
const SECOND_LETTER = `${PUBLIC_URL}/files/letters/2026-001/link-second.pdf`;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": {
        答复日期: day(-9),
        答复类别: "C",
        答复内容: "受财力所限，今年暂无法拓宽",
        满意度: "不满意",
        测评日期: day(-8),
        二次交办日期: day(-6),
        二次答复日期: day(-2),
        二次答复类别: "B",
        落实情况: "推进中",
        备注: [
          "测评意见（张明）：希望再想办法",
          `二次答复（link-second）类别 B：已列入明年预算，明年六月前完成拓宽；答复函 ${SECOND_LETTER}`,
          "工作人员：已电话回访",
        ].join("\n"),
      },
    },
  });
  await syncOffice(office);
});

describe("correcting a round-2 reply not yet rated", () => {
  it("starts from the round-2 reply on record: its class, content, 落实情况 and date, as round 1's does", async () => {
    const unit = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
    const response = await browse(unit);
    const html = await response.text();
    expect(response.status).toBe(200);
    const form = html.slice(html.indexOf(`action="${unit}/reply"`));
    expect(form).toContain("更正答复");
    expect(form).toMatch(/<input type="radio" name="答复类别" value="B"[^>]* checked=""/);
    expect(form).not.toMatch(/value="[ACD]"[^>]* checked=""/);
    expect(form).toContain(">已列入明年预算，明年六月前完成拓宽</textarea>");
    expect(form).toContain('<option value="推进中" selected="">');
    expect(form).toMatch(new RegExp(`name="答复日期" value="${ROUND2_REPLIED}"`));
    // Round 1's text is not round 2's, nor is staff's own line in 备注.
    expect(form).not.toContain("受财力所限");
    expect(form).not.toContain("已电话回访");
  });
});
