import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab, leadersTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import {
  ASSIGNED,
  buildLinkOffice,
  header,
  makeLink,
  nonceOf,
  openPage,
  pageText,
  postForm,
  row,
  syncOffice,
} from "./links-setup";

/**
 * The explorer's case: 督办领导 吴国庆 opens 2026-124 (区住建局 lead, 区卫健委 helping). 区住建局 asked
 * for an extension days ago and the office has not decided; it phoned the deputy before handling.
 * 王志强副区长 urged 区住建局 on 2026-126 this morning. 吴国庆's page must tell him all that before
 * he presses 催办 (pressing stays open), and list every 领导催办 in its 办理记录.
 */
const office = `leader-record-${crypto.randomUUID().slice(0, 8)}`;
const APPLIED = addDaysIso(ASSIGNED, 3);
const CALLED = addDaysIso(ASSIGNED, 1);

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      ["2026-124", "区住建局", { 重点建议: "是", 督办领导: "吴国庆", 协办单位: "区卫健委" }],
      ["2026-126", "区住建局", { 领办领导: "王志强副区长" }],
    ],
    tabs: {
      [TAB_NAMES.leaders]: [
        header(leadersTab),
        row(leadersTab, { 姓名: "吴国庆", 类型: "督办", 邮箱: `wgq-${office}@example.gov.cn` }),
        row(leadersTab, { 姓名: "王志强副区长", 类型: "领办", 邮箱: `wzq-${office}@example.gov.cn` }),
      ],
      [TAB_NAMES.contacts]: [
        header(contactsTab),
        row(contactsTab, {
          编号: "2026-124",
          日期: serialFromIso(CALLED),
          阶段: "办前",
          方式: "电话",
          承办单位: "区住建局",
          代表参加: "是",
          内容: "电话联系张明代表，商定实地察看时间。",
        }),
      ],
      [TAB_NAMES.extensions]: [
        header(extensionsTab),
        row(extensionsTab, {
          编号: "2026-124",
          申请日期: serialFromIso(APPLIED),
          申请单位: "区住建局",
          理由: "涉及道路改造立项，需待年度计划批复。",
        }),
      ],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
});

async function urge(path: string): Promise<void> {
  const sent = await postForm(`${path}/urge`, { nonce: nonceOf(await openPage(path), `${path}/urge`) });
  expect(sent.status, (await sent.text()).slice(0, 400)).toBe(303);
}

describe("a 督办领导's page of a suggestion", () => {
  let wu = "";
  beforeAll(async () => {
    wu = `${(await makeLink("leader", "吴国庆")).path}/s/2026-124`;
    await urge(`${(await makeLink("leader", "王志强副区长")).path}/s/2026-126`);
  });

  it("says how he relates to it, in his words", async () => {
    const page = pageText(await openPage(wu));
    expect(page).toContain("您督办");
    expect(page).not.toContain("本人：督办");
  });

  it("says, by the 催办 button, the 延期申请 waiting and the other leader's 催办 today", async () => {
    const page = pageText(await openPage(wu));
    const button = page.indexOf("向主办单位区住建局发送一条催办通知");
    expect(button).toBeGreaterThan(0);
    const before = page.slice(0, button);
    expect(before).toContain(
      `主办单位区住建局已于 ${APPLIED} 申请延期，待代表工委审批；审批前办理期限不变。`,
    );
    expect(before).toMatch(/区住建局今天已收到王志强副区长的催办（\d\d:\d\d，建议 2026-126）。/);
  });

  it("lists the record read-only: the request and its state, the contact, the co-unit's owed opinion", async () => {
    const page = pageText(await openPage(wu));
    expect(page).toContain(`办理记录`);
    expect(page).toContain(
      `${APPLIED} 延期申请 · 区住建局 理由：涉及道路改造立项，需待年度计划批复。 待审批`,
    );
    expect(page).toContain(`${CALLED} 办前联系（电话）· 区住建局`);
    expect(page).toContain("尚待 区卫健委 送达协办意见。");
  });

  it("lists every 领导催办 on it, with who and when, once he presses (still allowed)", async () => {
    await urge(wu);
    const page = pageText(await openPage(wu));
    expect(page).toMatch(/\d{4}-\d\d-\d\d 领导催办 · 吴国庆（督办领导） \d\d:\d\d 催办 区住建局/);
    expect(page).toContain("今天已催办");
    // 王志强副区长's press was of another suggestion: in his record, not this one's.
    expect(page).not.toContain("领导催办 · 王志强副区长");
  });
});
