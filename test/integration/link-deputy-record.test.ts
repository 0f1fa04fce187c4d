import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, opinionsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, header, makeLink, openPage, row, syncOffice, TODAY } from "./links-setup";

/**
 * A deputy on her phone (explorer BL): 李华 opens her link's 履职档案 and reads this year's record
 * (the suggestions she led and co-signed, the contacts she took part in, the ratings she gave, the
 * opinions she received at a liaison station), then last year's. Nothing of 张明's record shows,
 * nor the personal data of others (a 反映人, 参加人员, the station's 备注).
 *
 * 2026-001: 张明 leads, 李华 co-signs; 张明 rated it 不满意 and took part in a 座谈 on it.
 * 2026-002: 张明's alone. 2026-003: 李华 leads (区卫健委), rated 满意, 优秀建议, a 面商 she joined.
 * <last year>-009: 李华 led it last year and rated it 基本满意.
 */
const office = `deputy-record-${crypto.randomUUID().slice(0, 8)}`;
const YEAR = Number(TODAY.slice(0, 4));
const LAST = YEAR - 1;
const OLD_ID = `${LAST}-009`;
const day = (offset: number) => serialFromIso(addDaysIso(TODAY, offset));

let path = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": {
        提出日期: serialFromIso(`${YEAR}-01-05`),
        答复日期: day(-4),
        答复类别: "A",
        满意度: "不满意",
        测评日期: day(-2),
      },
      "2026-002": { 提出日期: serialFromIso(`${YEAR}-01-05`) },
      "2026-003": {
        提出日期: serialFromIso(`${YEAR}-01-06`),
        答复日期: day(-3),
        答复类别: "A",
        满意度: "满意",
        测评日期: day(-1),
        优秀建议: "是",
      },
    },
    more: [
      [
        OLD_ID,
        "区住建局",
        {
          标题: "关于老旧小区加装电梯的建议",
          领衔代表: "李华",
          提出日期: serialFromIso(`${LAST}-03-02`),
          交办日期: serialFromIso(`${LAST}-03-20`),
          答复日期: serialFromIso(`${LAST}-05-20`),
          答复类别: "A",
          满意度: "基本满意",
          测评日期: serialFromIso(`${LAST}-06-01`),
        },
      ],
    ],
    tabs: {
      [TAB_NAMES.contacts]: [
        header(contactsTab),
        row(contactsTab, {
          编号: "2026-003",
          日期: day(-5),
          阶段: "办前",
          方式: "面商",
          承办单位: "区卫健委",
          代表参加: "是",
          参加人员: "卫健委孙副局长 13900002222",
          内容: "了解代表的具体诉求",
        }),
        row(contactsTab, {
          编号: "2026-001",
          日期: day(-6),
          阶段: "办中",
          方式: "座谈",
          承办单位: "区教育局",
          代表参加: "是",
          内容: "张明代表参加的座谈",
        }),
      ],
      [TAB_NAMES.opinions]: [
        header(opinionsTab),
        row(opinionsTab, {
          日期: serialFromIso(`${YEAR}-01-02`),
          联络站: "东关街道代表联络站",
          反映人: "赵桂兰",
          内容: "小区门口路灯不亮，联系电话13800001111",
          接待代表: "李华",
          处理方式: "转交部门",
          备注: "内部备注：待核实",
        }),
        row(opinionsTab, {
          日期: serialFromIso(`${YEAR}-01-03`),
          联络站: "北关街道代表联络站",
          反映人: "钱多多",
          内容: "菜市场周边停车难",
          接待代表: "张明",
          处理方式: "当场答复",
        }),
      ],
    },
  });
  await syncOffice(office);
  path = (await makeLink("deputy", "李华")).path;
}, 120_000);

describe("a deputy's 履职档案 on her link, by year", () => {
  it("the home page shows this year's record and links to the whole 履职档案", async () => {
    const html = await openPage(path);
    expect(html).toContain(`履职档案 · ${YEAR} 年度`);
    expect(html).toContain(`href="${path}/record"`);
  });

  it("this year: her suggestions, the contact she took part in, the rating she gave, the opinion she received", async () => {
    const html = await openPage(`${path}/record`);
    expect(html).toContain(`${YEAR} 年度履职档案`);
    // Led and co-signed, linked to their pages on her link; 优秀建议 marked.
    expect(html).toContain(`href="${path}/s/2026-003"`);
    expect(html).toContain(`href="${path}/s/2026-001"`);
    expect(html).toContain("优秀建议");
    // The contact she took part in on her own suggestion: date, stage, way and unit, not who else came.
    expect(html).toContain(addDaysIso(TODAY, -5));
    expect(html).toContain("办前联系（面商）· 区卫健委");
    expect(html).not.toContain("孙副局长");
    expect(html).not.toContain("13900002222");
    // The rating she gave.
    expect(html).toContain("满意度：满意");
    // The opinion she received: date and station, not the 反映人, what they said, or the 备注.
    expect(html).toContain(`${YEAR}-01-02`);
    expect(html).toContain("东关街道代表联络站");
    expect(html).not.toContain("赵桂兰");
    expect(html).not.toContain("13800001111");
    expect(html).not.toContain("内部备注");
    // Nothing of 张明's record: his rating, his 座谈, his opinion, his own suggestion.
    expect(html).not.toContain("不满意");
    expect(html).not.toContain("座谈");
    expect(html).not.toContain("北关街道代表联络站");
    expect(html).not.toContain("钱多多");
    expect(html).not.toContain("2026-002");
    // Last year's suggestion is not this year's record, but its year is a link away.
    expect(html).not.toContain(OLD_ID);
    expect(html).toContain(`href="${path}/record?year=${LAST}"`);
  });

  it("the year switch opens last year's record", async () => {
    const html = await openPage(`${path}/record?year=${LAST}`);
    expect(html).toContain(`${LAST} 年度履职档案`);
    expect(html).toContain(`href="${path}/s/${OLD_ID}"`);
    expect(html).toContain("满意度：基本满意");
    expect(html).not.toContain(`href="${path}/s/2026-003"`);
    expect(html).not.toContain("东关街道代表联络站");
    expect(html).toContain(`href="${path}/record?year=${YEAR}"`);
  });

  it("a unit's link has no 履职档案", async () => {
    const unit = await makeLink("unit", "区卫健委");
    const response = await browse(`${unit.path}/record`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("履职档案只在代表的链接中提供");
  });

  it("a year typed wrong is refused in words", async () => {
    const response = await browse(`${path}/record?year=26`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("年度须为 2000–2100 年之间的四位数字");
  });
});
