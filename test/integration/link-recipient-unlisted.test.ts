import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { leadersTab } from "../../sheets-schema/tabs";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, header, makeLink, nonceOf, postForm, row, syncOffice } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * A link whose recipient the office took out of its tab: 周芳 left office and her row was deleted from
 * 代表, 区交通运输局 was removed from 承办单位, 陈建平副主任 from 领导. After the next sync each of
 * their links is refused on every page and form (a read-only one too), saying why and whom to call;
 * everyone still listed opens as before (王书记 supervises as a 代表, not listed in 领导).
 */
const office = `unlisted-${crypto.randomUUID().slice(0, 8)}`;
const PHONE = "0371-5550123";
const links: Record<string, string> = {};

async function open(path: string): Promise<{ status: number; html: string }> {
  const response = await browse(path);
  return { status: response.status, html: await response.text() };
}

/** Deletes a row of a tab as staff do (right-click, 删除行), by the name in its first column. */
async function deleteRow(tab: string, name: string): Promise<void> {
  const values = await emulator.getValues(office, `'${tab}'`);
  const index = values.findIndex((r) => r[0] === name);
  expect(index, `${name} not in ${tab}`).toBeGreaterThan(0);
  const ss = await emulator.spreadsheet(office);
  const sheetId = ss.sheets.find((s) => s.properties.title === tab)?.properties.sheetId;
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdate([
    { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: index, endIndex: index + 1 } } },
  ]);
}

async function inboxCount(): Promise<number> {
  const counted = await env.DB.prepare("SELECT count(*) AS n FROM inbox").first<{ n: number }>();
  return counted?.n ?? 0;
}

beforeAll(async () => {
  await resetDatabase();
  const leader = (name: string) => row(leadersTab, { 姓名: name, 类型: "领办", 邮箱: `${name}@example.cn` });
  await buildLinkOffice(office, {
    moreDeputies: [["周芳", "北关街道"]],
    more: [["2026-005", "区教育局", { 领衔代表: "周芳", 领办领导: "陈建平副主任" }]],
    tabs: {
      [TAB_NAMES.leaders]: [header(leadersTab), leader("赵晓梅副主任"), leader("陈建平副主任")],
      [TAB_NAMES.settings]: [
        ["项目", "值", "说明"],
        ["仅工作日发送", "否", ""],
        ["代表工委联系电话", PHONE, ""],
      ],
    },
  });
  await syncOffice(office);
  links.zhouFang = (await makeLink("deputy", "周芳")).path;
  links.zhouFangRead = (await makeLink("deputy", "周芳", { scope: "read" })).path;
  links.transport = (await makeLink("unit", "区交通运输局")).path;
  links.chen = (await makeLink("leader", "陈建平副主任")).path;
  links.zhangMing = (await makeLink("deputy", "张明")).path;
  links.education = (await makeLink("unit", "区教育局")).path;
  links.wang = (await makeLink("leader", "王书记")).path;
  for (const path of Object.values(links)) expect((await open(path)).status, path).toBe(200);
  expect((await open(`${links.zhouFang}/s/2026-005`)).status).toBe(200);

  await deleteRow(TAB_NAMES.deputies, "周芳");
  await deleteRow(TAB_NAMES.units, "区交通运输局");
  await deleteRow(TAB_NAMES.leaders, "陈建平副主任");
  await syncOffice(office);
});

describe("a link whose recipient is no longer in its tab", () => {
  it("a former deputy's: her page is refused, saying she is no longer in 代表 and whom to call", async () => {
    const { status, html } = await open(links.zhouFang as string);
    expect(status).toBe(403);
    expect(html).toContain("链接已停用");
    expect(html).toContain(
      `周芳代表已不在『代表』表中，此链接已停用；如有疑问请联系代表工委（电话 ${PHONE}）。`,
    );
    expect(html).not.toContain("2026-005");
  });

  it("a former deputy's: her suggestion's page and the read-only link are refused too", async () => {
    for (const path of [`${links.zhouFang}/s/2026-005`, links.zhouFangRead as string]) {
      const { status, html } = await open(path);
      expect(status, path).toBe(403);
      expect(html).toContain("周芳代表已不在『代表』表中，此链接已停用");
    }
  });

  it("a former deputy's: a suggestion posted in her name is refused and nothing is taken in", async () => {
    // The form as it was on her page before she was taken out of 代表.
    const before = await inboxCount();
    const posted = await postForm(`${links.zhouFang}/suggest`, {
      nonce: crypto.randomUUID(),
      标题: "关于增设社区养老服务站的建议",
      内容: "社区老人多，日间照料不足。建议增设社区养老服务站并配备专业人员。",
    });
    expect(posted.status).toBe(403);
    expect(await posted.text()).toContain("周芳代表已不在『代表』表中，此链接已停用");
    expect(await inboxCount()).toBe(before);
  });

  it("a unit removed from 承办单位 and a leader removed from 领导: refused alike", async () => {
    const unit = await open(links.transport as string);
    expect(unit.status).toBe(403);
    expect(unit.html).toContain("区交通运输局已不在『承办单位』表中，此链接已停用");
    const leader = await open(links.chen as string);
    expect(leader.status).toBe(403);
    expect(leader.html).toContain("陈建平副主任已不在『领导』表和『代表』表中，此链接已停用");
  });

  it("everyone still listed opens as before (a leader listed as a 代表 only too)", async () => {
    for (const path of [links.zhangMing, links.education, links.wang] as string[])
      expect((await open(path)).status, path).toBe(200);
    const page = await open(links.zhangMing as string);
    expect(page.html).toContain("2026-001");
    // Still a working form for a deputy in 代表.
    expect(
      nonceOf((await open(`${links.zhangMing}/suggest`)).html, `${links.zhangMing}/suggest`),
    ).toBeTruthy();
  });

  it("/links says 已停用（对象已不在表中） of the removed holders' links and 有效 of the others'", async () => {
    const states = async (kind: string, name: string) => {
      const response = await browse(`/links?kind=${kind}&recipient=${encodeURIComponent(name)}`, {
        headers: { authorization: "Bearer test-admin-token" },
      });
      const html = await response.text();
      expect(response.status, html.slice(0, 300)).toBe(200);
      return [...html.matchAll(/<span class="badge [a-z]+">(有效|已停用（对象已不在表中）)<\/span>/g)].map(
        (m) => m[1],
      );
    };
    expect(await states("deputy", "周芳")).toEqual(["已停用（对象已不在表中）", "已停用（对象已不在表中）"]);
    expect(await states("unit", "区交通运输局")).toEqual(["已停用（对象已不在表中）"]);
    expect(await states("deputy", "张明")).toEqual(["有效"]);
  });
});
