import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { recipientRows } from "../../../src/domain/links/recipient-rows";
import { planNotices } from "../../../src/domain/notices/plan";
import { noticeRecipientProblems } from "../../../src/domain/notices/recipient-problems";
import { LinksPage } from "../../../src/http/dashboard/links-page";
import { linkPurpose } from "../../../src/http/links/leader-role";
import type { LedgerCells } from "../helpers/make-row";
import { practiceTabs } from "../practice/helpers";
import { keySuggestion, noticeTabs, type SettingsRows } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局 (due 2026-06-02), a key suggestion. */
const KEY = keySuggestion({ 督办领导: "陈建平副主任" });
const LEADERS = [
  { 姓名: "陈建平副主任", 类型: "督办", 邮箱: "cjp@example.gov.cn" },
  { 姓名: "李四", 类型: "督办", 邮箱: "ls@example.gov.cn" },
  { 姓名: "王建国副区长", 类型: "领办", 邮箱: "wjg@example.gov.cn" },
];
const DIGEST: SettingsRows = [["周报接收人", "dbc@example.gov.cn"]];

function evaluate(rows: LedgerCells[], today = "2026-03-02", settings: SettingsRows = []) {
  return evaluateLedger({
    tabs: { ...noticeTabs(rows, settings), ...practiceTabs({ leaders: LEADERS }) },
    today,
  });
}

/** The problems staff read on the 督办领导 and 领办领导 cells, rows' and recipients' alike. */
function leaderProblems(rows: LedgerCells[], settings: SettingsRows = []): string[] {
  const evaluation = evaluate(rows, "2026-03-02", settings);
  return [...evaluation.problems, ...noticeRecipientProblems(evaluation)]
    .filter((p) => p.column === "督办领导" || p.column === "领办领导")
    .map((p) => `${p.level} ${p.message}`);
}

describe("领导姓名少写或多写了职务", () => {
  it("督办领导写成“陈建平”：错误中问是否为『领导』表中的“陈建平副主任”", () => {
    expect(leaderProblems([{ ...KEY, 督办领导: "陈建平" }], DIGEST)).toEqual([
      "错误 督办领导“陈建平”不在『领导』表中，也不在『代表』表中：是否为“陈建平副主任”？请写成『领导』表中的姓名",
    ]);
  });

  it("督办领导写成“李四副主任”而『领导』表写作“李四”：问是否为“李四”", () => {
    expect(leaderProblems([{ ...KEY, 督办领导: "李四副主任" }], DIGEST)).toEqual([
      "错误 督办领导“李四副主任”不在『领导』表中，也不在『代表』表中：是否为“李四”？请写成『领导』表中的姓名",
    ]);
  });

  it("领办领导写成“王建国”：问是否为“王建国副区长”；真不在表中的仍请核对或添加", () => {
    expect(leaderProblems([{ ...KEY, 领办领导: "王建国、周副区长" }], DIGEST)).toEqual([
      "错误 领办领导“王建国”不在『领导』表中：是否为“王建国副区长”？请写成『领导』表中的姓名",
      "错误 领办领导“周副区长”不在『领导』表中：请核对姓名，或先在『领导』表中添加（类型 领办）",
    ]);
  });

  it("只是职务相近并不当作同一人：通知不会发给“陈建平副主任”", () => {
    const plan = planNotices({
      today: "2026-06-09",
      evaluation: evaluate([{ ...KEY, 督办领导: "陈建平" }], "2026-06-09", DIGEST),
      existingKeys: [],
      arrivals: [],
    });
    const toLeader = plan.notices.filter((n) => n.type === "逾期催办" && n.recipient !== "区教育局");
    expect(toLeader.map((n) => [n.recipient, n.address])).toEqual([
      ["周报接收人（代陈建平）", "dbc@example.gov.cn"],
    ]);
  });
});

describe("填了督办领导、重点建议却不是“是”", () => {
  it("提醒督办领导收不到逾期催办，请把重点建议改为是", () => {
    for (const 重点建议 of ["否", ""])
      expect(leaderProblems([{ ...KEY, 重点建议 }])).toEqual([
        "提醒 填写了督办领导，但重点建议不是“是”：督办领导收不到本件的逾期催办；如为重点建议，请把 重点建议 改为 是",
      ]);
    expect(leaderProblems([KEY])).toEqual([]);
  });

  it("答复以后不再提醒：已答复的建议没有可催办的了", () => {
    expect(leaderProblems([{ ...KEY, 重点建议: "否", 答复日期: "2026-05-20", 答复类别: "A" }])).toEqual([]);
  });
});

describe("两张表里都没有的领导", () => {
  it("只报“不在表中”的错误，不再另提“没有可用的通知渠道”", () => {
    expect(leaderProblems([{ ...KEY, 督办领导: "孙志强副主任", 领办领导: "周副区长" }])).toEqual([
      "错误 领办领导“周副区长”不在『领导』表中：请核对姓名，或先在『领导』表中添加（类型 领办）",
      "错误 督办领导“孙志强副主任”不在『领导』表中，也不在『代表』表中：请核对姓名，或先在『领导』表中添加（类型 督办）",
    ]);
  });

  it("代转通知请在『领导』表中添加其姓名并填写渠道，而不是“为其填写邮箱”", () => {
    const plan = planNotices({
      today: "2026-06-09",
      evaluation: evaluate([{ ...KEY, 督办领导: "孙志强副主任" }], "2026-06-09", DIGEST),
      existingKeys: [],
      arrivals: [],
    });
    const [notice] = plan.notices.filter((n) => n.recipient === "周报接收人（代孙志强副主任）");
    expect(notice?.body.split("\n\n")[0]).toBe(
      "【代转】本通知应发给孙志强副主任，因其不在『领导』表中，也不在『代表』表中，现转至周报接收人：请转告本人，并在『领导』表中添加其姓名，并填写邮箱或机器人地址。",
    );
  });

  it("『设置』的周报接收人为空时，提醒说的是没有渠道的领导收不到通知，而不是不在『代表』表中的", () => {
    const evaluation = evaluate([KEY]);
    const messages = evaluation.problems
      .filter((p) => p.message.startsWith("周报接收人为空"))
      .map((p) => p.message);
    expect(messages).toEqual([
      "周报接收人为空：督办周报不会发送；在『领导』表和『代表』表中都没有可用通知渠道的领导也收不到通知（督办领导的逾期催办，领办领导的交办通知和逾期催办）。请填写领导或代表工委的邮箱或机器人地址，多个用逗号分隔",
    ]);
  });
});

describe("领办领导读到的是领办", () => {
  it("只领办的领导，专属页面的说明写“领办建议”；既督办又领办的写两者", () => {
    const rows = evaluate([{ ...KEY, 领办领导: "王建国副区长" }]).rows;
    expect(linkPurpose("leader", recipientRows(rows, "leader", "王建国副区长"))).toBe(
      "查看领办建议的办理情况并一键催办",
    );
    expect(linkPurpose("leader", recipientRows(rows, "leader", "陈建平副主任"))).toBe(
      "查看督办建议的办理情况并一键催办",
    );
    const both = evaluate([
      KEY,
      { ...KEY, 编号: "2026-136", 督办领导: "", 重点建议: "否", 领办领导: "陈建平副主任" },
    ]).rows;
    expect(linkPurpose("leader", recipientRows(both, "leader", "陈建平副主任"))).toBe(
      "查看督办、领办建议的办理情况并一键催办",
    );
  });

  it("『个人链接』页的说明把领办领导也算在内", async () => {
    const page = LinksPage({
      links: [],
      filter: { kind: null, recipient: null },
      notice: null,
      nowIso: "2026-03-02T00:00:00.000Z",
      secretFingerprint: null,
      frame: { lastSync: null, timeZone: "Asia/Shanghai", today: "2026-03-02" },
    }) as { toString(): string | Promise<string> };
    expect(String(await page.toString())).toContain("每条发给承办单位、代表、督办领导和领办领导的通知");
  });
});
