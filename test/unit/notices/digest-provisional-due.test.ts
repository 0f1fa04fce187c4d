import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { duplicatedIds } from "../../../src/domain/dashboard/sample-candidates";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { digestPart, mergeDigest } from "../../../src/domain/figures/digest-part";
import { planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import { PART_SIZES, storedLedger, throughJson } from "../figures/parts";
import type { LedgerCells } from "../helpers/make-row";
import { noticeTabs } from "./helpers";

/** A Wednesday; the 周报 of the week fell on Monday 2027-01-25 and is still offered. */
const TODAY = "2027-01-27";

/** 周报接收人 on every channel: an e-mail and the three robots, each given its own copy. */
const RECIPIENTS = [
  "dbc@example.gov.cn",
  "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=dbc",
  "https://oapi.dingtalk.com/robot/send?access_token=dbc#SECdbc",
  "https://open.feishu.cn/open-apis/bot/v2/hook/dbc#fs-dbc",
].join("，");

const ROWS: LedgerCells[] = [
  // 交办 2026-11-06: three months on is 2027-02-06, rolled past the 春节 the fallback rule guesses.
  {
    编号: "2026-139",
    标题: "关于山体滑坡隐患治理的建议",
    领衔代表: "张明",
    主办单位: "区教育局",
    提出日期: "2026-10-20",
    审查结果: "立案",
    交办日期: "2026-11-06",
  },
  // 交办 2026-10-08: due 2027-01-08, overdue on TODAY.
  {
    编号: "2026-120",
    标题: "关于校园周边交通安全的建议",
    领衔代表: "李华",
    主办单位: "区教育局",
    提出日期: "2026-09-20",
    审查结果: "立案",
    交办日期: "2026-10-08",
  },
];

/** The tabs with 周报接收人 set and `holidays` as 节假日's rows (none: 2027's 放假安排 not entered). */
function tabs(holidays: unknown[][] = []) {
  const base = noticeTabs(ROWS, [["周报接收人", RECIPIENTS]]);
  return { ...base, [TAB_NAMES.holidays]: [...base[TAB_NAMES.holidays], ...holidays] };
}

/**
 * The notices planned on TODAY, the 周报 from the figures the sync's finish stores (each part's
 * share worked out from the rows' facts, merged), as the notices run reads them.
 */
function planned(holidays: unknown[][] = [], partSize = 1): PlannedNotice[] {
  const t = tabs(holidays);
  const { view, parts } = storedLedger(t, TODAY);
  const duplicated = duplicatedIds(view.rows);
  const shares = parts(partSize).map((rows) => throughJson(digestPart(rows, duplicated)));
  return planNotices({
    today: TODAY,
    evaluation: evaluateLedger({ tabs: t, today: TODAY }),
    existingKeys: [],
    arrivals: [],
    digest: mergeDigest(shares, view.statistics.total),
  }).notices;
}

const digests = (notices: PlannedNotice[]) => notices.filter((n) => n.type === "督办周报");
const lineOf = (body: string, id: string) => body.split("\n").find((line) => line.includes(id)) ?? "";

describe("督办周报 on a 办理期限 in a year whose 放假安排 is not entered", () => {
  const notices = planned();

  it("says （暂定） after the date, as the unit's 到期提醒 of the same day does", () => {
    const reminder = notices.find((n) => n.type === "到期提醒" && n.suggestionId === "2026-139");
    expect(reminder?.body).toContain("办理期限为 2027年2月11日（暂定），还剩 15 天");
    const sent = digests(notices);
    expect(sent.map((n) => n.channel).sort()).toEqual(["dingtalk", "email", "feishu", "wecom"]);
    for (const digest of sent)
      expect(lineOf(digest.body, "2026-139"), digest.channel).toBe(
        "1. 2026-139《关于山体滑坡隐患治理的建议》主办：区教育局，办理期限 2027年2月11日（暂定），还剩 15 天",
      );
  });

  it("says （暂定） after an overdue suggestion's 办理期限 too", () => {
    for (const digest of digests(notices))
      expect(lineOf(digest.body, "2026-120"), digest.channel).toBe(
        "1. 2026-120《关于校园周边交通安全的建议》主办：区教育局，办理期限 2027年1月8日（暂定），已逾期 19 天",
      );
  });

  it("says the same from every cut of the ledger into parts", () => {
    const whole = digests(notices).map((n) => n.body);
    for (const size of PART_SIZES)
      expect(
        digests(planned([], size)).map((n) => n.body),
        `parts of ${size}`,
      ).toEqual(whole);
  });

  it("drops （暂定） once 节假日 holds the year's 春节", () => {
    // 除夕 to 初三 and the days around them as 2027's 春节 rest: the year is entered.
    const spring = ["05", "06", "07", "08", "09", "10", "11", "12", "13"].map((d) => [
      `2027-02-${d}`,
      "休",
      "春节",
    ]);
    const body = digests(planned(spring)).find((n) => n.channel === "email")?.body ?? "";
    expect(lineOf(body, "2026-120")).toBe(
      "1. 2026-120《关于校园周边交通安全的建议》主办：区教育局，办理期限 2027年1月8日，已逾期 19 天",
    );
    expect(body).not.toContain("暂定");
  });
});
