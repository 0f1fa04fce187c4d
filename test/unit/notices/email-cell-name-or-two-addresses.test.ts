import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { planNotices } from "../../../src/domain/notices/plan";
import { practiceTabs, problemsIn } from "../practice/helpers";
import { deputyRows, NOTICE_DEPUTIES, NOTICE_UNITS, noticeTabs, unitRows } from "./helpers";

const TODAY = "2026-06-01";
/** Assigned today to 区教育局: its 交办通知 is due. */
const ASSIGNED = {
  编号: "2026-001",
  标题: "关于增设学校周边停车位的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: TODAY,
};

/** The office's tabs with 区教育局's, 张明's and a leader's 邮箱 cells as staff typed them. */
function office(emails: { unit: string; deputy?: string; leader?: string }) {
  const units = NOTICE_UNITS.map((u) => (u[0] === "区教育局" ? ([u[0], emails.unit, "", ""] as const) : u));
  const deputies = NOTICE_DEPUTIES.map((d) =>
    d[0] === "张明" ? ([d[0], emails.deputy ?? d[1]] as const) : d,
  );
  const tabs = {
    ...noticeTabs([ASSIGNED]),
    ...practiceTabs({
      leaders: [{ 姓名: "陈建平副主任", 类型: "督办", 邮箱: emails.leader ?? "cjp@example.gov.cn" }],
    }),
    [TAB_NAMES.units]: unitRows(units),
    [TAB_NAMES.deputies]: deputyRows(deputies),
  };
  const evaluation = evaluateLedger({ tabs, today: TODAY });
  const plan = planNotices({ today: TODAY, evaluation, existingKeys: [], arrivals: [] });
  return { evaluation, plan };
}

const problemsOf = (evaluation: ReturnType<typeof office>["evaluation"]) => ({
  units: problemsIn(evaluation, TAB_NAMES.units),
  deputies: problemsIn(evaluation, TAB_NAMES.deputies),
  leaders: problemsIn(evaluation, TAB_NAMES.leaders),
});

describe("a 邮箱 cell holding a display name", () => {
  it("sends the unit's 交办通知 to the address inside 何书芳 <…>, with nothing in 校验问题", () => {
    const { evaluation, plan } = office({ unit: "何书芳 <swj@beicheng.example>" });
    const notice = plan.notices.find((n) => n.type === "交办通知" && n.recipient === "区教育局");
    expect(notice).toMatchObject({ channel: "email", address: "swj@beicheng.example" });
    expect(problemsIn(evaluation, TAB_NAMES.units)).toEqual([]);
    expect(plan.unreachable).toEqual([]);
  });

  it("reads 姓名＜地址＞ typed with a Chinese IME and 地址（姓名） alike, in 承办单位, 代表 and 领导", () => {
    const { evaluation } = office({
      unit: "何书芳＜swj@beicheng.example＞",
      deputy: "zhangming@example.cn（张明）",
      leader: "“陈建平” <cjp@beicheng.example>",
    });
    expect(evaluation.units.find("区教育局")?.record.email).toBe("swj@beicheng.example");
    expect(evaluation.deputies.find("张明")?.record.email).toBe("zhangming@example.cn");
    expect(evaluation.leaders.find("陈建平副主任")?.record.email).toBe("cjp@beicheng.example");
    expect(problemsOf(evaluation)).toEqual({ units: [], deputies: [], leaders: [] });
  });

  it("refuses a name beside the address without brackets, saying which address to keep", () => {
    const { evaluation } = office({ unit: "何书芳 swj@beicheng.example" });
    expect(problemsIn(evaluation, TAB_NAMES.units)).toEqual([
      {
        row: 2,
        column: "邮箱",
        level: "错误",
        message:
          "邮箱“何书芳 swj@beicheng.example”里除了地址还有别的文字：请只填 swj@beicheng.example，其余可写在备注",
      },
    ]);
  });
});

describe("a 邮箱 cell holding two addresses", () => {
  it("is an 错误 saying 一格只填一个邮箱 and what to do, in every tab with a 邮箱 column; no notice goes to the first", () => {
    const { evaluation, plan } = office({
      unit: "zrzyj@beicheng.example；zrzyj-office@beicheng.example",
      deputy: "zhangming@example.cn, zm@example.cn",
      leader: "cjp@example.gov.cn 、 chen@example.gov.cn",
    });
    const message = (a: string, b: string) =>
      `一格只填一个邮箱：这里有 2 个（${a}、${b}），请只留接收通知的那一个，其余可写在备注`;
    expect(problemsOf(evaluation)).toEqual({
      units: [
        {
          row: 2,
          column: "邮箱",
          level: "错误",
          message: message("zrzyj@beicheng.example", "zrzyj-office@beicheng.example"),
        },
      ],
      deputies: [
        { row: 2, column: "邮箱", level: "错误", message: message("zhangming@example.cn", "zm@example.cn") },
      ],
      leaders: [
        {
          row: 2,
          column: "邮箱",
          level: "错误",
          message: message("cjp@example.gov.cn", "chen@example.gov.cn"),
        },
      ],
    });
    // Not silently the first address: the unit is unreachable until staff keep one.
    expect(plan.notices.filter((n) => n.recipient === "区教育局")).toEqual([]);
    expect(plan.unreachable.map((u) => u.recipient)).toContain("区教育局");
  });

  it("names at most three of a pasted mailing list", () => {
    const { evaluation } = office({
      unit: "a@beicheng.example;b@beicheng.example;c@beicheng.example;d@beicheng.example",
    });
    expect(problemsIn(evaluation, TAB_NAMES.units)[0]?.message).toBe(
      "一格只填一个邮箱：这里有 4 个（a@beicheng.example、b@beicheng.example、c@beicheng.example等），请只留接收通知的那一个，其余可写在备注",
    );
  });
});
