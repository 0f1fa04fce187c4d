import { describe, expect, it } from "vitest";
import { createDingtalkChannel } from "../../../src/channels/dingtalk";
import { createFeishuChannel } from "../../../src/channels/feishu";
import type { FetchLike } from "../../../src/channels/http-post";
import { createWecomChannel } from "../../../src/channels/wecom";
import { buildCalendar } from "../../../src/domain/calendar";
import { duplicatedIds } from "../../../src/domain/dashboard/sample-candidates";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { digestPart, mergeDigest } from "../../../src/domain/figures/digest-part";
import {
  DIGEST_KEY_EXTRA_MAX,
  DIGEST_LIST_MAX,
  digestFigures,
  digestTextOf,
} from "../../../src/domain/notices/digest";
import { noticeRows, planNotices } from "../../../src/domain/notices/plan";
import type { PlannedNotice } from "../../../src/domain/notices/types";
import { PART_SIZES, storedLedger, throughJson } from "../figures/parts";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { keySuggestion, noticeTabs, type SettingsRows } from "./helpers";

/** Monday: the 周报's day. keySuggestion's 办理期限 2026-06-02 is 6 days past. */
const MONDAY = "2026-06-08";
/** The day the 周报 is written for, with the built-in calendar (no 节假日 rows). */
const DAY = { today: MONDAY, calendar: buildCalendar() };
const LEADERS = [{ 姓名: "陈建平副主任", 类型: "督办", 邮箱: "cjp@example.gov.cn" }];
const EMAIL = "dbc@example.gov.cn";
const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=dbc";
const DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=dbc";
const FEISHU = "https://open.feishu.cn/open-apis/bot/v2/hook/dbc";

/** The 35th of 40 overdue suggestions, all due 2026-06-02 (listed by 编号): 重点, pressed by a leader. */
const KEY_ID = "2026-235";
const KEY_LINE = `【重点】${KEY_ID}《关于第35片区的建议》（督办：陈建平副主任）主办：区教育局`;

/** 40 overdue suggestions, 2026-201 … 2026-240, only the 35th 重点; `title` gives each its title. */
function overdue(title = (n: number) => `关于第${n}片区的建议`): LedgerCells[] {
  return Array.from({ length: 40 }, (_, i) => {
    const id = `2026-${201 + i}`;
    const cells = { 编号: id, 标题: title(i + 1) };
    return keySuggestion(
      id === KEY_ID ? { ...cells, 督办领导: "陈建平副主任" } : { ...cells, 重点建议: "否" },
    );
  });
}

function digests(rows: LedgerCells[], addresses: readonly string[]): PlannedNotice[] {
  const settings: SettingsRows = [["周报接收人", addresses.join("，")]];
  const tabs = { ...noticeTabs(rows, settings), ...practiceTabs({ leaders: LEADERS }) };
  const evaluation = evaluateLedger({ tabs, today: MONDAY });
  return planNotices({ today: MONDAY, evaluation, existingKeys: [], arrivals: [] }).notices.filter(
    (n) => n.type === "督办周报",
  );
}

const listLines = (text: string) => text.split("\n").filter((l) => /^\d+\. /.test(l));
const leftOut = (text: string) =>
  [...text.matchAll(/另有 (\d+) 件未列出/g)].reduce((n, m) => n + Number(m[1]), 0);

/** What each robot channel posts of a notice, its text as the robot shows it (cut where the channel cuts). */
async function sentText(notice: PlannedNotice, address: string): Promise<string> {
  let sent = "";
  const fetchFn: FetchLike = async (_url, init) => {
    const payload = JSON.parse(String(init.body));
    if (notice.channel === "wecom") sent = payload.markdown.content;
    // 钉钉 shows a markdown hard break (two spaces, then the line break) as a line break.
    else if (notice.channel === "dingtalk") sent = payload.markdown.text.replaceAll("  \n", "\n");
    else
      sent = payload.content.post.zh_cn.content
        .map((paragraph: { text: string }[]) => paragraph[0]?.text)
        .join("\n");
    return new Response(JSON.stringify({ errcode: 0, code: 0, msg: "ok" }));
  };
  const channels = {
    wecom: createWecomChannel(fetchFn),
    dingtalk: createDingtalkChannel(fetchFn, () => 0),
    feishu: createFeishuChannel(fetchFn, () => 0),
  } as const;
  await channels[notice.channel as keyof typeof channels].send({
    ...notice,
    id: 1,
    plannedAt: "2026-03-02T01:00:00.000Z",
    address,
  });
  return sent;
}

describe("督办周报 keeps every 【重点】 suggestion of a list longer than it shows", () => {
  it("lists the 35th of 40 overdue suggestions in the e-mail when it is 重点, with its 督办领导, and counts the rest", () => {
    const [email] = digests(overdue(), [EMAIL]);
    const body = email?.body ?? "";
    expect(body).toContain("已逾期（40 件）：");
    const lines = listLines(body);
    // The first 30 by due date as before, then the key one after them, still in due-date order.
    expect(lines).toHaveLength(DIGEST_LIST_MAX + 1);
    expect(lines[0]).toContain("1. 2026-201《");
    expect(lines[29]).toContain("30. 2026-230《");
    expect(lines[30]).toBe(`31. ${KEY_LINE}，办理期限 2026年6月2日，已逾期 6 天`);
    expect(body).toContain("另有 9 件未列出，详见督办看板");
  });

  it("says the same from the parts' stored shares, which keep the key one and not the whole list", () => {
    const { view, parts } = storedLedger(
      { ...noticeTabs(overdue(), [["周报接收人", EMAIL]]), ...practiceTabs({ leaders: LEADERS }) },
      MONDAY,
    );
    const duplicated = duplicatedIds(view.rows);
    const whole = digestFigures(noticeRows(view.rows, duplicated), view.statistics.total, view.rows);
    expect(whole.overdue.shown.map((item) => item.id)).toEqual([
      ...Array.from({ length: DIGEST_LIST_MAX }, (_, i) => `2026-${201 + i}`),
      KEY_ID,
    ]);
    const text = digestTextOf(whole, DAY);
    expect(text).toContain(KEY_LINE);
    for (const size of PART_SIZES) {
      const shares = parts(size).map((part) => throughJson(digestPart(part, duplicated)));
      for (const share of shares) expect(share.overdue.shown.length).toBeLessThanOrEqual(DIGEST_LIST_MAX + 1);
      expect(digestTextOf(mergeDigest(shares, view.statistics.total), DAY), `parts of ${size}`).toBe(text);
    }
  });

  it("keeps at most DIGEST_KEY_EXTRA_MAX key ones past the first 30, so a ledger all 重点 stores no whole list", () => {
    const rows = Array.from({ length: 100 }, (_, i) => keySuggestion({ 编号: `2026-${300 + i}` }));
    const { view } = storedLedger(noticeTabs(rows, [["周报接收人", EMAIL]]), MONDAY);
    const figures = digestFigures(noticeRows(view.rows, new Set()), view.statistics.total, view.rows);
    expect(figures.overdue.count).toBe(100);
    expect(figures.overdue.shown).toHaveLength(DIGEST_LIST_MAX + DIGEST_KEY_EXTRA_MAX);
    expect(digestTextOf(figures, DAY)).toContain(
      `另有 ${100 - DIGEST_LIST_MAX - DIGEST_KEY_EXTRA_MAX} 件未列出`,
    );
  });

  it("puts the key one first in each robot's shorter copy, within its limit, the count still true", async () => {
    // Titles near 标题's 200 characters: 40 lines pass even 钉钉's and 飞书's 18,000 bytes, so every robot
    // shortens the list.
    const long = (n: number) =>
      `关于第${n}片区的建议${"（加强老旧小区改造、停车设施和养老服务设施建设）".repeat(7)}`;
    const robots = { wecom: WECOM, dingtalk: DINGTALK, feishu: FEISHU } as const;
    const notices = digests(overdue(long), [EMAIL, ...Object.values(robots)]);
    expect(notices.map((n) => n.channel).sort()).toEqual(["dingtalk", "email", "feishu", "wecom"]);
    for (const [channel, address] of Object.entries(robots)) {
      const notice = notices.find((n) => n.channel === channel) as PlannedNotice;
      const sent = await sentText(notice, address);
      // The channel cut nothing: the digest shortened its lists to fit first.
      expect(sent.endsWith(notice.body), channel).toBe(true);
      const lines = listLines(sent);
      expect(lines.length, channel).toBeLessThan(DIGEST_LIST_MAX);
      // Kept before any other, shown in the list's order: due with the others, 编号 last.
      expect(lines.at(-1), channel).toContain(`. 【重点】${KEY_ID}《关于第35片区的建议（加强`);
      expect(lines.length + leftOut(sent), channel).toBe(40);
    }
  });
});
