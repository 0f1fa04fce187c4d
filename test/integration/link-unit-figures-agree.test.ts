import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, REPLIED_AWAITING_RATING, syncOffice, TODAY } from "./links-setup";

/**
 * 区教育局 compares its link's home page with the office's 承办单位 page (/units/区教育局): the
 * figures named alike must be the same numbers. Its suggestions:
 * - 2026-001: replied on time, rated 不满意, assigned again (二次交办) five days ago: round 2 awaits
 *   its reply (not yet due);
 * - 2026-004: replied three days ago, awaiting the rating;
 * - 2026-005: replied after its limit, rated 满意;
 * - 2026-006: past its limit with no reply;
 * - 2026-007: both rounds replied on time, the second rated 基本满意.
 */
const office = `unit-figures-${crypto.randomUUID().slice(0, 8)}`;
const UNIT = "区教育局";
const day = (offset: number) => serialFromIso(addDaysIso(TODAY, offset));

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": {
        提出日期: day(-250),
        交办日期: day(-60),
        答复日期: day(-40),
        答复类别: "C",
        答复内容: "正在研究",
        满意度: "不满意",
        测评日期: day(-38),
        二次交办日期: day(-5),
      },
    },
    more: [
      REPLIED_AWAITING_RATING,
      [
        "2026-005",
        UNIT,
        {
          提出日期: day(-250),
          交办日期: day(-200),
          答复日期: day(-60),
          答复类别: "A",
          答复内容: "已解决",
          满意度: "满意",
          测评日期: day(-50),
        },
      ],
      ["2026-006", UNIT, { 提出日期: day(-250), 交办日期: day(-200) }],
      [
        "2026-007",
        UNIT,
        {
          提出日期: day(-250),
          交办日期: day(-150),
          答复日期: day(-140),
          答复类别: "C",
          答复内容: "条件不具备",
          满意度: "不满意",
          测评日期: day(-135),
          二次交办日期: day(-120),
          二次答复日期: day(-110),
          二次答复类别: "A",
          二次满意度: "基本满意",
        },
      ],
    ],
  });
  await syncOffice(office);
});

/** The KPI tiles of a page, label → value. */
function kpis(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<div class="label">([^<]*)<\/div>\s*<div class="value">([^<]*)<\/div>/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
}

/** The figures /units shows of a unit, as a unit reads them beside its own page. */
const SHARED = ["承办件数", "已答复", "按期答复率", "逾期未答复", "满意率"] as const;

const pick = (tiles: Record<string, string>) => Object.fromEntries(SHARED.map((l) => [l, tiles[l]]));

describe("a unit's link page and the office's 承办单位 page count alike", () => {
  it("shows the unit the same 承办件数, 已答复, 按期答复率, 逾期未答复 and 满意率 as /units, a second round included", async () => {
    const dashboard = await browse(`/units/${encodeURIComponent(UNIT)}`, {
      headers: { authorization: "Bearer test-admin-token" },
    });
    const board = await dashboard.text();
    expect(dashboard.status, board.slice(0, 300)).toBe(200);
    const link = await browse((await makeLink("unit", UNIT)).path);
    const home = await link.text();
    expect(link.status, home.slice(0, 300)).toBe(200);

    // The contract's definitions: 已答复 counts round-1 replies (2026-001 awaiting its second reply
    // included); 按期答复率 counts every round due (4 of 6 on time); 满意率 the latest rating (2 of 3).
    expect(pick(kpis(board))).toEqual({
      承办件数: "5",
      已答复: "4",
      按期答复率: "66.7%",
      逾期未答复: "1",
      满意率: "66.7%",
    });
    expect(pick(kpis(home))).toEqual(pick(kpis(board)));
  });

  it("labels what the link page counts by the round now open so it is not read as a /units figure", async () => {
    const home = await (await browse((await makeLink("unit", UNIT)).path)).text();
    const tiles = kpis(home);
    // 2026-001 (round 2) and 2026-006 await a reply now; 2026-006 is the one past its limit.
    expect(tiles.本轮待答复).toBe("2");
    expect(tiles.待答复).toBeUndefined();
    expect(tiles.已逾期).toBeUndefined();
  });
});
