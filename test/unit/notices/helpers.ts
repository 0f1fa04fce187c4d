import { expect } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { deputiesTab, unitsTab } from "../../../sheets-schema/tabs";
import { createWecomChannel } from "../../../src/channels/wecom";
import { evaluateLedger, type LedgerEvaluation } from "../../../src/domain/evaluate-ledger";
import {
  attachSightings,
  leadChangesOnly,
  leadWatchIds,
  type Sighting,
} from "../../../src/domain/notices/catch-up";
import type { DecidedObjection } from "../../../src/domain/notices/objection-series";
import { planNotices } from "../../../src/domain/notices/plan";
import type { FormArrival } from "../../../src/domain/notices/receipt-series";
import type { NoticePlan, PlannedNotice } from "../../../src/domain/notices/types";
import { LEDGER_HEADERS, type LedgerCells, makeRow } from "../helpers/make-row";

/** Units with one channel each (and one with two), as 承办单位 rows. */
export const NOTICE_UNITS: readonly (readonly [string, string, string, string])[] = [
  ["区教育局", "jyj@example.gov.cn", "email", ""],
  ["区住建局", "", "wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=zjj"],
  ["区卫健委", "", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=wjw#SECwjw"],
  ["区交通运输局", "", "feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/jtj#fs-secret"],
  ["区民政局", "mzj@example.gov.cn", "email、webhook", "https://hooks.example.gov.cn/mzj"],
  ["区水利局", "", "", ""],
];

/** Deputies: all reachable by e-mail except 赵敏, who has no channel. */
export const NOTICE_DEPUTIES: readonly (readonly [string, string])[] = [
  ["张明", "zhangming@example.cn"],
  ["李华", "lihua@example.cn"],
  ["王伟(北关)", "wangwei@example.cn"],
  ["刘主任", "liu@example.gov.cn"],
  ["赵敏", ""],
];

export function unitRows(units = NOTICE_UNITS): unknown[][] {
  const headers = unitsTab.columns.map((c) => c.header);
  const at = (h: string) => headers.indexOf(h);
  return [
    headers,
    ...units.map(([name, email, channels, bot]) => {
      const row: unknown[] = headers.map(() => "");
      row[at("单位名称")] = name;
      row[at("邮箱")] = email;
      row[at("通知渠道")] = channels;
      row[at("机器人地址")] = bot;
      return row;
    }),
  ];
}

export function deputyRows(deputies = NOTICE_DEPUTIES): unknown[][] {
  const headers = deputiesTab.columns.map((c) => c.header);
  const at = (h: string) => headers.indexOf(h);
  return [
    headers,
    ...deputies.map(([name, email]) => {
      const row: unknown[] = headers.map(() => "");
      row[at("姓名")] = name;
      row[at("邮箱")] = email;
      return row;
    }),
  ];
}

export type SettingsRows = readonly (readonly [string, string])[];

/** The tabs of a small office: the given ledger rows, the units and deputies above, 设置 overrides. */
export function noticeTabs(
  rows: readonly LedgerCells[],
  settings: SettingsRows = [],
  templates: unknown[][] = [],
) {
  return {
    [TAB_NAMES.ledger]: [LEDGER_HEADERS, ...rows.map((cells) => makeRow(cells))],
    [TAB_NAMES.units]: unitRows(),
    [TAB_NAMES.deputies]: deputyRows(),
    [TAB_NAMES.settings]: [["项目", "值", "说明"], ...settings.map(([k, v]) => [k, v])],
    [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
    [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"], ...templates],
  };
}

export function evaluateAt(
  rows: readonly LedgerCells[],
  today: string,
  settings: SettingsRows = [],
  templates: unknown[][] = [],
): LedgerEvaluation {
  return evaluateLedger({ tabs: noticeTabs(rows, settings, templates), today });
}

export interface PlanOptions {
  settings?: SettingsRows;
  templates?: unknown[][];
  existingKeys?: Iterable<string>;
  /** Notices that failed for good, with the address each failed at. */
  failedNotices?: readonly { key: string; address: string }[];
  arrivals?: FormArrival[];
}

export function planAt(rows: readonly LedgerCells[], today: string, options: PlanOptions = {}): NoticePlan {
  return planNotices({
    today,
    evaluation: evaluateAt(rows, today, options.settings, options.templates),
    existingKeys: options.existingKeys ?? [],
    failedNotices: options.failedNotices ?? [],
    arrivals: options.arrivals ?? [],
  });
}

/** "type 编号 → recipient (channel)" lines, for readable expectations. */
export function summary(plan: NoticePlan): string[] {
  return plan.notices.map((n) => `${n.type} ${n.suggestionId ?? "-"} → ${n.recipient} (${n.channel})`);
}

/** Every day from `from` to `to`, inclusive (ISO). */
export function daysBetweenInclusive(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
}

/**
 * Daily runs from `from` to `to` over a fixed ledger, the outbox carried over from day to day:
 * "day type 编号 → recipient occurrence" for every notice planned. `skip` days have no run.
 */
export function runDaily(
  rows: readonly LedgerCells[],
  from: string,
  to: string,
  options: PlanOptions & { skip?: readonly string[] } = {},
): string[] {
  const outbox = new Set<string>(options.existingKeys ?? []);
  const lines: string[] = [];
  for (const day of daysBetweenInclusive(from, to)) {
    if (options.skip?.includes(day)) continue;
    const plan = planAt(rows, day, { ...options, existingKeys: outbox });
    for (const n of plan.notices) {
      outbox.add(n.key);
      lines.push(`${day} ${n.type} ${n.suggestionId ?? "-"} → ${n.recipient} ${n.occurrence}`);
    }
  }
  return lines;
}

/**
 * Daily runs from `from` to `to` as plan-steps makes them when the audit trail holds `sighting` (a
 * cell of 2026-001 seen cleared): the sighting asked about (leadWatchIds) and put on the row before
 * planning; the outbox starts with `told` and is carried over. Every notice planned, with its day.
 */
export function runDailyWithSighting(
  evaluatedOn: (day: string) => LedgerEvaluation,
  sighting: Sighting,
  from: string,
  to: string,
  told: readonly string[],
): { day: string; notice: NoticePlan["notices"][number] }[] {
  const localDay = (iso: string) => iso.slice(0, 10);
  const outbox = new Set(told);
  const planned: { day: string; notice: NoticePlan["notices"][number] }[] = [];
  for (const day of daysBetweenInclusive(from, to)) {
    const evaluation = evaluatedOn(day);
    const asked = leadWatchIds(evaluation.rows).includes(sighting.id);
    attachSightings(evaluation.rows, leadChangesOnly(asked ? [sighting] : [], [], localDay), localDay);
    for (const notice of planNotices({ today: day, evaluation, existingKeys: [...outbox], arrivals: [] })
      .notices) {
      outbox.add(notice.key);
      planned.push({ day, notice });
    }
  }
  return planned;
}

/**
 * A key suggestion (重点建议 = 是) assigned Monday 2026-03-02 to 区教育局, three months: due
 * 2026-06-02; `cells` name its leaders and anything else.
 */
export function keySuggestion(cells: LedgerCells): LedgerCells {
  return {
    编号: "2026-135",
    标题: "关于加快推进柏庄镇卫生院建设的建议",
    领衔代表: "张明",
    主办单位: "区教育局",
    交办日期: "2026-03-02",
    重点建议: "是",
    ...cells,
  };
}

/** Assigned Monday 2026-03-02 to 区教育局 (张明 the lead deputy), three months: 办理期限 2026-06-02. */
export const ASSIGNED_ROW: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
};

/** ASSIGNED_ROW replied, rated 不满意, 二次交办 2026-06-01 (due 2026-07-01). */
export const REASSIGNED_ROW: LedgerCells = {
  ...ASSIGNED_ROW,
  答复日期: "2026-05-20",
  答复类别: "C",
  答复内容: "受财力所限",
  满意度: "不满意",
  测评日期: "2026-05-25",
  二次交办日期: "2026-06-01",
};

/** The outbox keys of REASSIGNED_ROW's notices already sent: round 1's 答复告知, the 二次交办通知. */
export const ROUND_2_TOLD_KEYS = [
  "答复告知|2026-001|r1|-|张明|email",
  "二次交办通知|2026-001|r2|-|区教育局|email",
];

/** The 交办异议处理结果 a run on `today` sends for `objection` over `tabs`: to the objecting unit alone. */
export function objectionNoticeBody(
  tabs: Record<string, unknown[][]>,
  today: string,
  objection: DecidedObjection,
): string {
  const plan = planNotices({
    today,
    evaluation: evaluateLedger({ tabs, today }),
    existingKeys: [],
    arrivals: [],
    objections: [objection],
  });
  const notices = plan.notices.filter((n) => n.type === "交办异议处理结果");
  expect(notices.map((n) => n.recipient)).toEqual([objection.unit]);
  return notices[0]?.body ?? "";
}

/** A plan's 督办周报 to the e-mail and to the 企业微信 robot among the 周报接收人. */
export function digestByChannel(plan: NoticePlan): { email: PlannedNotice; robot: PlannedNotice } {
  const digest = plan.notices.filter((n) => n.type === "督办周报");
  return {
    email: digest.find((n) => n.channel === "email") as PlannedNotice,
    robot: digest.find((n) => n.channel === "wecom") as PlannedNotice,
  };
}

/** The markdown the 企业微信 channel posts for a notice planned to `address`. */
export async function wecomMarkdown(notice: PlannedNotice, address: string): Promise<string> {
  let content = "";
  const channel = createWecomChannel(async (_url, init) => {
    content = JSON.parse(String(init.body)).markdown.content;
    return new Response(JSON.stringify({ errcode: 0, errmsg: "ok" }));
  });
  await channel.send({ ...notice, id: 1, plannedAt: `${notice.dueOn}T01:00:00.000Z`, address });
  return content;
}
