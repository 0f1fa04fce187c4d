import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { leadersTab } from "../../sheets-schema/tabs";
import { addDaysIso, isoFromSerial, serialFromIso } from "../../src/domain/civil-date";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, header, makeLink, row, syncOffice, TODAY } from "./links-setup";

/**
 * The explorer's case, through a real sync and the leader's link: 2026-125, overdue, was a key
 * suggestion with 督办领导 陈建平副主任 and 领办领导 王志强副区长; staff set it 并案 into 2026-124
 * (overdue too), which has neither 重点建议 nor a leader. The merged one rightly gets no notice
 * any more, so the leaders' supervision is lost unless staff carry it over: 2026-124's 校验问题 tells
 * them, and the leader's page of 2026-125 says where the suggestion now stands.
 */
const office = `merged-key-${crypto.randomUUID().slice(0, 8)}`;
const LONG_AGO = serialFromIso(addDaysIso(TODAY, -120));
/** 提出日期 before that 交办日期 (the office's default one, 40 days ago, would be an 错误 of its own). */
const SUBMITTED = serialFromIso(addDaysIso(TODAY, -130));
const TARGET_TITLE = "关于增设公交站点的建议";
const CARRY_OVER =
  "[提醒] 重点建议：并入本件的重点建议 2026-125 有督办领导 陈建平副主任、领办领导 王志强副区长，并案后这些领导不再收到它的催办和通知：如仍需领导督办，请在本行把 重点建议 改为 是，并填写督办领导 陈建平副主任、领办领导 王志强副区长";

/** The office, 2026-124 given `targetCells` (staff carrying the leaders over, or not yet). */
async function buildOffice(targetCells: Record<string, string> = {}) {
  await buildLinkOffice(office, {
    more: [
      [
        "2026-124",
        "区卫健委",
        { 标题: TARGET_TITLE, 提出日期: SUBMITTED, 交办日期: LONG_AGO, ...targetCells },
      ],
      [
        "2026-125",
        "区卫健委",
        {
          标题: "关于优化公交线路的建议",
          提出日期: SUBMITTED,
          交办日期: LONG_AGO,
          审查结果: "并案",
          并入编号: "2026-124",
          重点建议: "是",
          督办领导: "陈建平副主任",
          领办领导: "王志强副区长",
        },
      ],
    ],
    tabs: {
      [TAB_NAMES.leaders]: [
        header(leadersTab),
        row(leadersTab, { 姓名: "陈建平副主任", 类型: "督办", 邮箱: `cjp-${office}@example.gov.cn` }),
        row(leadersTab, { 姓名: "王志强副区长", 类型: "领办", 邮箱: `wzq-${office}@example.gov.cn` }),
      ],
    },
  });
  await syncOffice(office);
}

/** 2026-124's system cells as staff read them in 建议台账 after the sync. */
async function targetCells(): Promise<Record<string, string>> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
  const headers = (values[0] ?? []).map(String);
  const target = values.find((r) => r[headers.indexOf("编号")] === "2026-124") ?? [];
  const cell = (h: string) => String(target[headers.indexOf(h)] ?? "");
  const due = target[headers.indexOf("办理期限")];
  return {
    台账状态: cell("台账状态"),
    办理期限: typeof due === "number" ? isoFromSerial(due) : String(due ?? ""),
    校验问题: cell("校验问题"),
  };
}

async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await browse(path);
  return { status: response.status, html: await response.text() };
}

beforeAll(resetDatabase);

describe("a key suggestion with leaders merged into one without them", () => {
  let target: Record<string, string> = {};
  beforeAll(async () => {
    await buildOffice();
    target = await targetCells();
  });

  it("the row it went into tells staff, in its 校验问题, to carry the leaders over", () => {
    expect(target.台账状态).toBe("已逾期");
    expect(target.办理期限).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(target.校验问题).toBe(CARRY_OVER);
  });

  it("the leader's page of the merged one names where it went, its 台账状态 and 办理期限, as text", async () => {
    const leader = (await makeLink("leader", "陈建平副主任")).path;
    const { status, html } = await page(`${leader}/s/2026-125`);
    expect(status).toBe(200);
    expect(html).toContain(
      `本建议已并入 2026-124 ${TARGET_TITLE} 一并办理。该建议台账状态为“已逾期”，办理期限 ${target.办理期限}。您没有列为该建议的督办领导或领办领导，不会收到它的催办和通知；如需继续督办，请联系代表工委。`,
    );
    // The link opens only the leader's own suggestions: 2026-124 is named, not linked.
    expect(html).not.toContain(`href="${leader}/s/2026-124"`);
    expect((await page(`${leader}/s/2026-124`)).status).toBe(403);
  });
});

describe("once staff fill 重点建议 and both leaders on the row it went into", () => {
  let target: Record<string, string> = {};
  beforeAll(async () => {
    await buildOffice({ 重点建议: "是", 督办领导: "陈建平副主任", 领办领导: "王志强副区长" });
    target = await targetCells();
  });

  it("the 提醒 is gone", () => {
    expect(target.校验问题).not.toContain("并入本件");
  });

  it("the leader's page links to that row, with its 台账状态 and 办理期限", async () => {
    const leader = (await makeLink("leader", "陈建平副主任")).path;
    const { html } = await page(`${leader}/s/2026-125`);
    expect(html).toContain(
      `本建议已并入 <a href="${leader}/s/2026-124">2026-124 ${TARGET_TITLE}</a> 一并办理。该建议台账状态为“已逾期”，办理期限 ${target.办理期限}。办理进展和答复请见该建议。`,
    );
  });
});
