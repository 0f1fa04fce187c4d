import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES, type TemplateName } from "../../../sheets-schema/enums";
import { COMPUTED_PLACEHOLDERS, DEFAULT_NOTICE_TEMPLATES } from "../../../sheets-schema/notice-templates";
import { ledgerTab } from "../../../sheets-schema/tabs/ledger";
import {
  PLACEHOLDER_DESCRIPTIONS,
  placeholdersAlwaysBlank,
  TEMPLATE_PLACEHOLDER_MAP,
} from "../../../sheets-schema/template-placeholders";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planRelinkNotices } from "../../../src/domain/links/relink-notices";
import { addedNameCell, attachSightings, leadChangesOnly } from "../../../src/domain/notices/catch-up";
import type { DecidedObjection } from "../../../src/domain/notices/objection-series";
import { planNotices } from "../../../src/domain/notices/plan";
import type { FormArrival } from "../../../src/domain/notices/receipt-series";
import { renderNotice } from "../../../src/domain/notices/render";
import { urgeView } from "../../../src/domain/notices/urge-view";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { daysBetweenInclusive, noticeTabs, type SettingsRows } from "./helpers";

const LEDGER_HEADERS = ledgerTab.columns.map((c) => c.header);

/**
 * A 通知模板 text for every template name that shows each computed placeholder as ⟪名=[值]⟫ and names
 * itself: the notices planned with it say which names have a value in which text. The 督办周报's
 * shows the 建议台账 columns too.
 */
/** The notices about no suggestion: every 建议台账 column is blank in them. */
const ABOUT_NONE: readonly TemplateName[] = ["督办周报", "链接更换通知"];

const probe = (name: TemplateName) =>
  `⟪模板=${name}⟫${[...COMPUTED_PLACEHOLDERS, ...(ABOUT_NONE.includes(name) ? LEDGER_HEADERS : [])]
    .map((p) => `⟪${p}=[{{${p}}}]⟫`)
    .join("")}`;
const PROBE_TEMPLATES = TEMPLATE_NAMES.map((name) => [name, "", "探针 {{编号}}", probe(name), "是"]);

/** What one rendered body shows: its template and each computed name's value. */
function readProbe(body: string): { template: string; values: Record<string, string> } | null {
  const template = /⟪模板=([^⟫]*)⟫/.exec(body)?.[1];
  if (!template) return null;
  const values: Record<string, string> = {};
  for (const [, name = "", value = ""] of body.matchAll(/⟪([^=⟫]+)=\[([^\]]*)\]⟫/g)) values[name] = value;
  return { template, values };
}

const LEADERS = [
  { 姓名: "王建国副区长", 类型: "领办", 邮箱: "wjg@example.gov.cn" },
  { 姓名: "刘振华主任", 类型: "督办", 邮箱: "lzh@example.gov.cn" },
];
const SETTINGS: SettingsRows = [
  ["测评链接", "https://survey.example.cn/rate?id={{编号}}"],
  ["周报接收人", "dbc@example.gov.cn"],
];
const DASHBOARD = "https://jianyi.example.workers.dev";

const BASE: LedgerCells = {
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
};
/** A suggestion converted from a voter's opinion: {{民意转化}} has a value in all its notices. */
const OPINION: LedgerCells = { ...BASE, 来源: "联络站民意" };

/**
 * A key suggestion led and supervised, with two co-units (区住建局 sent its opinion on 03-20),
 * assigned Monday 2026-03-02, three months: 办理期限 2026-06-02, not replied.
 */
const KEY: LedgerCells = {
  ...OPINION,
  编号: "2026-001",
  协办单位: "区住建局、区卫健委",
  交办日期: "2026-03-02",
  重点建议: "是",
  督办领导: "刘振华主任",
  领办领导: "王建国副区长",
};
/** Replied 04-20 (class C), not rated yet. */
const REPLIED: LedgerCells = {
  ...OPINION,
  编号: "2026-002",
  领衔代表: "李华",
  交办日期: "2026-03-02",
  答复日期: "2026-04-20",
  答复类别: "C",
};
/** A key suggestion rated 不满意 with a comment, 二次交办 06-01 (due 07-01), round 2 not replied. */
const REASSIGNED: LedgerCells = {
  ...OPINION,
  编号: "2026-003",
  交办日期: "2026-03-02",
  答复日期: "2026-05-20",
  答复类别: "C",
  满意度: "不满意",
  测评日期: "2026-05-25",
  二次交办日期: "2026-06-01",
  备注: "测评意见（张明）：答复没有提出具体措施",
  重点建议: "是",
  督办领导: "刘振华主任",
};
/** The same, round 2 replied on 07-20 (class B), not rated yet. */
const REASSIGNED_REPLIED: LedgerCells = {
  ...REASSIGNED,
  编号: "2026-008",
  二次答复日期: "2026-07-20",
  二次答复类别: "B",
};
/** Class B, satisfied with a comment, still being carried out: followed up. */
const FOLLOWED: LedgerCells = {
  ...OPINION,
  编号: "2026-004",
  交办日期: "2026-03-02",
  答复日期: "2026-04-10",
  答复类别: "B",
  满意度: "满意",
  测评日期: "2026-04-15",
  落实情况: "推进中",
  备注: "测评意见（张明）：希望加快进度",
};
/** Extended (approved 04-10), not replied; one extended and replied; one refused after 办理期限. */
const EXTENDED: LedgerCells = { ...BASE, 编号: "2026-005", 交办日期: "2026-03-02" };
const EXTENDED_REPLIED: LedgerCells = {
  ...OPINION,
  编号: "2026-006",
  交办日期: "2026-03-02",
  答复日期: "2026-04-09",
  答复类别: "A",
};
const REFUSED_LATE: LedgerCells = { ...BASE, 编号: "2026-009", 交办日期: "2026-03-02" };
/** Assigned 01-05, extended to 07-06 by an approval given only on 07-10, not replied. */
const APPROVED_LATE: LedgerCells = { ...BASE, 编号: "2026-011", 交办日期: "2026-01-05" };
/** Replied on 06-15, after its 办理期限 (06-02). */
const REPLIED_LATE: LedgerCells = {
  ...BASE,
  编号: "2026-010",
  交办日期: "2026-03-02",
  答复日期: "2026-06-15",
  答复类别: "A",
};
/** Converted from a voter's opinion: its 受理回执. */
const FROM_OPINION: LedgerCells = { ...OPINION, 编号: "2026-007" };

const ROWS = [
  KEY,
  REPLIED,
  REASSIGNED,
  REASSIGNED_REPLIED,
  FOLLOWED,
  EXTENDED,
  EXTENDED_REPLIED,
  REFUSED_LATE,
  APPROVED_LATE,
  REPLIED_LATE,
  FROM_OPINION,
];

const extension = (id: string) => ({
  编号: id,
  申请日期: "2026-04-08",
  申请单位: "区教育局",
  理由: "需协调市级部门统筹资金",
  审批结果: "同意",
  审批日期: "2026-04-10",
});
const PRACTICE = {
  leaders: LEADERS,
  extensions: [
    extension("2026-005"),
    extension("2026-006"),
    { ...extension("2026-009"), 审批结果: "不同意", 审批日期: "2026-06-10" },
    { ...extension("2026-011"), 申请日期: "2026-03-20", 审批日期: "2026-07-10" },
  ],
  coOpinions: [{ 编号: "2026-001", 协办单位: "区住建局", 送达日期: "2026-03-20" }],
};

const objection = (unit: string, decidedOn: string): DecidedObjection => ({
  submissionId: `obj-${unit}-${decidedOn}`,
  suggestionId: "2026-001",
  unit,
  assignedOn: "2026-03-02",
  objectedOn: "2026-03-04",
  decision: "upheld",
  decidedOn,
  note: "属你单位职责",
});
/** Upheld: the lead unit's before and after 办理期限; co-units' before and after their deadline. */
const OBJECTIONS = [
  objection("区教育局", "2026-03-06"),
  objection("区教育局", "2026-06-05"),
  objection("区住建局", "2026-03-25"),
  objection("区卫健委", "2026-03-06"),
  objection("区卫健委", "2026-04-10"),
];

const ARRIVALS: FormArrival[] = [
  { suggestionId: "2026-007", receivedOn: "2026-03-02", cells: {} },
  {
    suggestionId: "2026-099",
    receivedOn: "2026-03-02",
    cells: { 领衔代表: "张明", 标题: "关于增设公交站点的建议", 来源: "联络站民意" },
  },
];

type Observed = Map<string, Map<string, Set<string>>>;

function note(observed: Observed, body: string): void {
  const read = readProbe(body);
  if (!read) return;
  const names = observed.get(read.template) ?? new Map<string, Set<string>>();
  observed.set(read.template, names);
  for (const [name, value] of Object.entries(read.values)) {
    const values = names.get(name) ?? new Set<string>();
    values.add(value);
    names.set(name, values);
  }
}

function evaluateOn(rows: LedgerCells[], today: string) {
  const tabs = { ...noticeTabs(rows, SETTINGS, PROBE_TEMPLATES), ...practiceTabs(PRACTICE) };
  return evaluateLedger({ tabs, today });
}

/** Every notice the daily runs plan over the fixed ledger, the outbox carried over. */
function observeYear(observed: Observed): void {
  const outbox = new Set<string>();
  for (const today of daysBetweenInclusive("2026-03-02", "2026-09-30")) {
    const plan = planNotices({
      today,
      evaluation: evaluateOn(ROWS, today),
      existingKeys: outbox,
      arrivals: ARRIVALS.filter((a) => a.receivedOn === today),
      objections: OBJECTIONS.filter((o) => o.decidedOn <= today),
      dashboard: DASHBOARD,
    });
    for (const n of plan.notices) {
      outbox.add(n.key);
      note(observed, n.body);
    }
  }
}

/** A run on `today` of rows the sync saw cells of late (seenOn: 编号 → cell → day seen). */
function observeSeenLate(
  observed: Observed,
  rows: LedgerCells[],
  today: string,
  seenOn: Record<string, Record<string, string>>,
): void {
  const evaluation = evaluateOn(rows, today);
  for (const row of evaluation.rows) {
    const seen = row.id ? seenOn[row.id] : undefined;
    if (seen) (row as { seenOn?: EvaluatedRow["seenOn"] }).seenOn = seen;
  }
  for (const n of planNotices({ today, evaluation, existingKeys: [], arrivals: [] }).notices)
    note(observed, n.body);
}

/**
 * Dates and names the sync saw typed after 办理期限 had passed: the notices they make due say
 * how many days it is overdue (交办通知 on 06-10; 二次交办通知 on 07-10, due 07-01; the 沟通提醒 of
 * a 主办单位 named on 06-10, and the 协办提醒 of a co-unit added then).
 */
function observeLateEntries(observed: Observed): void {
  observeSeenLate(observed, [KEY], "2026-06-10", { "2026-001": { 交办日期: "2026-06-10" } });
  observeSeenLate(observed, [REASSIGNED], "2026-07-10", { "2026-003": { 二次交办日期: "2026-07-10" } });
  const named = {
    [addedNameCell("主办单位", "区教育局")]: "2026-06-10",
    [addedNameCell("协办单位", "区卫健委")]: "2026-06-10",
  };
  for (const today of ["2026-06-25", "2026-07-10"])
    observeSeenLate(observed, [KEY], today, { "2026-001": named });
}

/** 主办单位 changed from 区教育局 to 区卫健委 on 04-20 (a 交办异议 agreed): the new unit's 交办通知. */
function observeChangedLead(observed: Observed): void {
  const today = "2026-04-20";
  const evaluation = evaluateOn([{ ...KEY, 主办单位: "区卫健委", 协办单位: "" }], today);
  const localDay = (iso: string) => iso.slice(0, 10);
  const seen = { id: "2026-001", cell: "主办单位", at: `${today}T02:00:00.000Z` };
  attachSightings(
    evaluation.rows,
    leadChangesOnly([{ ...seen, before: "区教育局", after: "区卫健委" }], [], localDay),
    localDay,
  );
  for (const n of planNotices({ today, evaluation, existingKeys: [], arrivals: [] }).notices)
    note(observed, n.body);
}

/** 领导催办 as a leader's 催办 sends it (jobs/links/urge.ts), before and after 办理期限. */
function observeUrges(observed: Observed): void {
  for (const [today, id] of [
    ["2026-05-20", "2026-001"],
    ["2026-06-09", "2026-001"],
    ["2026-07-06", "2026-003"],
  ] as const) {
    const evaluation = evaluateOn([KEY, REASSIGNED], today);
    const row = evaluation.rows.find((r) => r.id === id);
    if (!row) throw new Error("no row");
    const { settings, calendar } = evaluation;
    const ctx = {
      today,
      ratingLink: settings.ratingLink,
      objectionWorkingDays: settings.objectionWorkingDays,
      coOpinionDays: settings.coOpinionDays,
      calendar,
    };
    // As 领办领导 王建国副区长 (a name with its title: no 职务), and as 督办领导 吴国庆 whose 职务
    // 领导 gives (urge.ts looks it up).
    for (const [leader, role, title] of [
      ["王建国副区长", "领办领导", "副区长"],
      ["吴国庆", "督办领导", "区人大常委会副主任"],
    ] as const) {
      const { view } = urgeView(row, "区教育局", ctx, leader, role, title);
      const rendered = renderNotice(evaluation.templates, "领导催办", "email", view);
      if (rendered.enabled) note(observed, rendered.body);
    }
  }
}

/**
 * 链接更换通知 as 通过通知渠道发送新链接 on /links plans it (jobs/links/resend-links.ts) for a unit, a
 * deputy and a leader whose links stopped when LINK_SECRET was rotated.
 */
function observeRelinks(observed: Observed): void {
  const today = "2026-05-20";
  const plan = planRelinkNotices(
    [
      { kind: "unit", name: "区教育局" },
      { kind: "deputy", name: "张明" },
      { kind: "leader", name: "刘振华主任" },
    ],
    { evaluation: evaluateOn(ROWS, today), today, secretFingerprint: "0123456789abcdef" },
  );
  expect(plan.reached).toHaveLength(3);
  for (const n of plan.notices) note(observed, n.body);
}

function observeAll(): Observed {
  const observed: Observed = new Map();
  observeYear(observed);
  observeLateEntries(observed);
  observeChangedLead(observed);
  observeUrges(observed);
  observeRelinks(observed);
  return observed;
}

/** The computed names that had a value in some notice of each template, in COMPUTED_PLACEHOLDERS' order. */
function filledByTemplate(observed: Observed): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of TEMPLATE_NAMES) {
    const values = observed.get(name);
    out[name] = values
      ? COMPUTED_PLACEHOLDERS.filter((p) => [...(values.get(p) ?? [])].some((v) => v !== ""))
      : ["（没有产生这种通知）"];
  }
  return out;
}

const inOrder = (names: readonly string[]) => COMPUTED_PLACEHOLDERS.filter((p) => names.includes(p));

describe("TEMPLATE_PLACEHOLDER_MAP: which computed placeholders each notice fills", () => {
  const observed = observeAll();

  it("lists exactly the names that have a value in some notice planned with each template", () => {
    const expected = Object.fromEntries(
      TEMPLATE_NAMES.map((name) => [name, inOrder(TEMPLATE_PLACEHOLDER_MAP[name].filled)]),
    );
    expect(filledByTemplate(observed)).toEqual(expected);
  });

  it.each(ABOUT_NONE)(
    "leaves every 建议台账 column blank in the %s, which is about no suggestion",
    (name) => {
      const notices = observed.get(name);
      const filled = LEDGER_HEADERS.filter((h) => [...(notices?.get(h) ?? [])].some((v) => v !== ""));
      expect(notices?.get("编号")).toBeDefined();
      expect(filled).toEqual([]);
    },
  );
});

describe("placeholdersAlwaysBlank", () => {
  it("names the computed placeholders a text uses that never have a value in that notice", () => {
    expect(placeholdersAlwaysBlank("受理回执", "请于{{剩余天数}}天内答复")).toEqual(["剩余天数"]);
    expect(
      placeholdersAlwaysBlank(
        "交办通知",
        "{{接收方}}：{{催办领导}}同志{{#测评意见}}（{{测评意见}}）{{/测评意见}}，请于{{剩余天数}}天内答复，{{答复日期}}",
      ),
    ).toEqual(["催办领导", "测评意见"]);
    expect(placeholdersAlwaysBlank("到期提醒", "{{#逾期天数}}已逾期{{/逾期天数}}")).toEqual(["逾期天数"]);
    expect(placeholdersAlwaysBlank("督办周报", "{{编号}} {{周报日期}} {{剩余天数}} {{! 备注 }}")).toEqual([
      "编号",
      "剩余天数",
    ]);
  });

  it("finds nothing in the built-in texts", () => {
    const found = DEFAULT_NOTICE_TEMPLATES.flatMap((t) =>
      placeholdersAlwaysBlank(t.type, `${t.title}\n${t.body}`).map((name) => `${t.type}: ${name}`),
    );
    expect(found).toEqual([]);
  });
});

describe("the staff guide's 通知模板里的占位符", () => {
  const guide = readFileSync(new URL("../../../docs/staff-guide.md", import.meta.url), "utf8");
  const section = guide.slice(guide.indexOf("### 通知模板里的占位符"), guide.indexOf("## 附录三"));

  it("lists for each template the names it has beyond those every notice has", () => {
    const rows = Object.fromEntries(
      [...section.matchAll(/^\| ([^|`]+?) \| (.*) \|$/gm)]
        .filter(([, name]) => (TEMPLATE_NAMES as readonly string[]).includes(name ?? ""))
        .map(([, name, cell]) => [name, [...(cell ?? "").matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1])]),
    );
    const expected = Object.fromEntries(
      TEMPLATE_NAMES.map((name) => [name, [...TEMPLATE_PLACEHOLDER_MAP[name].own]]),
    );
    expect(rows).toEqual(expected);
  });

  it("says what each computed name holds, as PLACEHOLDER_DESCRIPTIONS does", () => {
    const missing = COMPUTED_PLACEHOLDERS.filter(
      (name) => !section.includes(`| \`{{${name}}}\` | ${PLACEHOLDER_DESCRIPTIONS[name]} |`),
    );
    expect(missing).toEqual([]);
  });

  it("gives an example 交办通知 text that reads as it says", () => {
    const edited = DEFAULT_NOTICE_TEMPLATES.find((t) => t.type === "交办通知")?.body.replace(
      "前书面答复代表。",
      "前书面答复代表。{{#督办领导}}本件为重点建议，由{{督办领导}}同志督办。{{/督办领导}}",
    );
    expect(section).toContain(
      "请于 {{办理期限}}前书面答复代表。{{#督办领导}}本件为重点建议，由{{督办领导}}同志督办。{{/督办领导}}",
    );
    const bodyOf = (cells: LedgerCells) => {
      const tabs = noticeTabs([cells], [], [["交办通知", "", "代表建议交办通知：{{编号}}", edited, "是"]]);
      const plan = planNotices({
        today: "2026-03-02",
        evaluation: evaluateLedger({ tabs: { ...tabs, ...practiceTabs(PRACTICE) }, today: "2026-03-02" }),
        existingKeys: [],
        arrivals: [],
      });
      return plan.notices.find((n) => n.type === "交办通知" && n.recipient === "区教育局")?.body ?? "";
    };
    expect(bodyOf({ ...KEY, 协办单位: "", 领办领导: "" })).toContain(
      "请于 2026年6月2日前书面答复代表。本件为重点建议，由刘振华主任督办。",
    );
    expect(bodyOf({ ...BASE, 编号: "2026-001", 交办日期: "2026-03-02" })).toContain(
      "请于 2026年6月2日前书面答复代表。如对交办有异议",
    );
  });
});
