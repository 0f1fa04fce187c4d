import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  ASSIGNED,
  buildLinkOffice,
  header,
  makeLink,
  openPage,
  pageText,
  REPLIED_AWAITING_RATING,
  row,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * Explorer BL's case: deputy 张明 opens his suggestions through his link on his phone. 2026-010 was
 * replied and he rated it 不满意 (待二次交办, its round-1 办理期限 long passed); 2026-011 was answered
 * B and he was satisfied (跟踪落实); 2026-004 awaits his rating (待测评); 2026-012 was assigned in a
 * year whose 放假安排 nobody entered (its 期限说明 carries the long 「暂按…」); 区教育局 was granted an
 * extension on 2026-013. 区教育局 and 区住建局 contacted him about 2026-001; 区卫健委 contacted 李华
 * about 2026-003, which is not his.
 */
const office = `deputy-plain-${crypto.randomUUID().slice(0, 8)}`;
const OLD_ASSIGNED = addDaysIso(TODAY, -150);
const OLD_REPLIED = addDaysIso(TODAY, -70);
const MET = addDaysIso(ASSIGNED, 1);
const CALLED = addDaysIso(ASSIGNED, 3);
const INTERNAL = "内部：代表情绪较大，需做好解释工作";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      REPLIED_AWAITING_RATING,
      [
        "2026-010",
        "区住建局",
        {
          提出日期: serialFromIso(addDaysIso(TODAY, -170)),
          交办日期: serialFromIso(OLD_ASSIGNED),
          答复日期: serialFromIso(OLD_REPLIED),
          答复类别: "A",
          答复内容: "已完成道路拓宽",
          满意度: "不满意",
          测评日期: serialFromIso(addDaysIso(TODAY, -60)),
        },
      ],
      [
        "2026-011",
        "区教育局",
        {
          提出日期: serialFromIso(addDaysIso(TODAY, -170)),
          交办日期: serialFromIso(OLD_ASSIGNED),
          答复日期: serialFromIso(OLD_REPLIED),
          答复类别: "B",
          答复内容: "已列入明年计划",
          落实情况: "推进中",
          满意度: "满意",
          测评日期: serialFromIso(addDaysIso(TODAY, -60)),
        },
      ],
      ["2026-012", "区卫健委", { 交办日期: serialFromIso("2031-03-03") }],
      ["2026-013", "区教育局", {}],
    ],
    tabs: {
      [TAB_NAMES.contacts]: [
        header(contactsTab),
        row(contactsTab, {
          编号: "2026-001",
          日期: serialFromIso(CALLED),
          阶段: "办中",
          方式: "电话",
          承办单位: "区住建局",
          代表参加: "否",
          内容: "电话询问代表对接送区位置的意见",
        }),
        row(contactsTab, {
          编号: "2026-001",
          日期: serialFromIso(MET),
          阶段: "办前",
          方式: "面商",
          承办单位: "区教育局",
          代表参加: "是",
          参加人员: "王科长、李干事",
          内容: INTERNAL,
          代表意见: "希望尽快设置接送区",
        }),
        row(contactsTab, {
          编号: "2026-003",
          日期: serialFromIso(MET),
          阶段: "办前",
          方式: "座谈",
          承办单位: "区卫健委",
          代表参加: "是",
          内容: "与李华代表座谈",
        }),
      ],
      [TAB_NAMES.extensions]: [
        header(extensionsTab),
        row(extensionsTab, {
          编号: "2026-013",
          申请日期: serialFromIso(addDaysIso(ASSIGNED, 2)),
          申请单位: "区教育局",
          理由: "需待年度计划批复",
          审批结果: "同意",
          审批日期: serialFromIso(addDaysIso(ASSIGNED, 3)),
          审批人: "赵主任",
        }),
      ],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
});

async function deputyPage(id: string, name = "张明"): Promise<string> {
  const deputy = await makeLink("deputy", name);
  return openPage(`${deputy.path}/s/${id}`);
}

describe("a deputy's suggestion page says where it stands in her words", () => {
  it("待二次交办: what happens now, and round 1's passed 办理期限 as round 1's, not as current", async () => {
    const html = await deputyPage("2026-010");
    expect(html).toContain("待二次交办");
    expect(pageText(html)).toContain("您对答复不满意，代表工委将交办单位重新办理");
    // The round-1 办理期限 stays on record, named as round 1's and answered, not 办理期限 bare.
    expect(html).not.toMatch(/<dt>办理期限<\/dt>/);
    expect(pageText(html)).toMatch(
      new RegExp(`首轮办理期限 \\d{4}-\\d\\d-\\d\\d（首轮已于 ${OLD_REPLIED} 答复）`),
    );
  });

  it("跟踪落实 and 待测评 are said plainly beside the badge", async () => {
    expect(pageText(await deputyPage("2026-011"))).toContain("答复的事项正在落实");
    expect(pageText(await deputyPage("2026-004"))).toContain("请您对答复进行测评");
  });

  it("the unit's page keeps the office's words", async () => {
    const unit = await makeLink("unit", "区住建局");
    const html = await openPage(`${unit.path}/s/2026-010`);
    expect(html).toContain("待二次交办");
    expect(pageText(html)).not.toContain("您对答复不满意");
  });

  it("期限说明 is folded behind 期限怎么算, an approved 延期 is a line of its own", async () => {
    const provisional = await deputyPage("2026-012");
    const fold = /<details[^>]*>\s*<summary[^>]*>期限怎么算<\/summary>([\s\S]*?)<\/details>/.exec(
      provisional,
    );
    expect(fold?.[1] ?? "（期限说明没有折叠在“期限怎么算”后面）").toContain("暂按");
    expect(provisional.replace(fold?.[0] ?? "", "")).not.toContain("暂按");

    const extended = await deputyPage("2026-013");
    const due = /<dt>办理期限<\/dt>\s*<dd>(\d{4}-\d\d-\d\d)/.exec(extended)?.[1];
    expect(due).toBeDefined();
    expect(pageText(extended)).toContain(`已批准延期，办理期限延至 ${due}`);
    const folded = /<details[^>]*>\s*<summary[^>]*>期限怎么算<\/summary>([\s\S]*?)<\/details>/.exec(extended);
    expect(folded?.[1] ?? "（期限说明没有折叠在“期限怎么算”后面）").toContain("经批准延期");
  });

  it("lists the units' contacts about her suggestion (日期 · 阶段 · 方式 · 单位), without their notes", async () => {
    const page = pageText(await deputyPage("2026-001"));
    expect(page).toContain(`${MET} · 办前联系 · 面商 · 区教育局`);
    expect(page).toContain(`${CALLED} · 办中沟通 · 电话 · 区住建局`);
    expect(page.indexOf(MET)).toBeLessThan(page.indexOf(`${CALLED} · 办中沟通`));
    for (const inner of [
      INTERNAL,
      "王科长",
      "希望尽快设置接送区",
      "电话询问代表",
      "与李华代表座谈",
      "区卫健委",
    ])
      expect(page).not.toContain(inner);
  });
});
