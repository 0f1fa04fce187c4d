import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { deputiesTab, leadersTab } from "../../../sheets-schema/tabs";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import { noticeRecipientProblems } from "../../../src/domain/notices/recipient-problems";
import { NOTICE_UNITS, noticeTabs, unitRows } from "./helpers";

/**
 * A 代表团's group robot written as several deputies' 机器人地址 (or a deputy's and a unit's): every
 * notice to one of them carries that deputy's own link, and everyone in the group could rate or
 * submit as the deputy. A 提醒 on each such 代表 row names who else the address serves; sending goes on.
 */
const GROUP = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=beiguan-group";
const ROW = {
  编号: "2026-001",
  标题: "关于增设公交站点的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-03-02",
};

function deputies(list: readonly (readonly [name: string, email: string, channels: string, bot: string])[]) {
  const headers = deputiesTab.columns.map((c) => c.header);
  const at = (h: string) => headers.indexOf(h);
  return [
    headers,
    ...list.map(([name, email, channels, bot]) => {
      const row: unknown[] = headers.map(() => "");
      row[at("姓名")] = name;
      row[at("邮箱")] = email;
      row[at("通知渠道")] = channels;
      row[at("机器人地址")] = bot;
      return row;
    }),
  ];
}

function leaders(list: readonly (readonly [name: string, kind: string, channels: string, bot: string])[]) {
  const headers = leadersTab.columns.map((c) => c.header);
  const at = (h: string) => headers.indexOf(h);
  return [
    headers,
    ...list.map(([name, kind, channels, bot]) => {
      const row: unknown[] = headers.map(() => "");
      row[at("姓名")] = name;
      row[at("类型")] = kind;
      row[at("通知渠道")] = channels;
      row[at("机器人地址")] = bot;
      return row;
    }),
  ];
}

function problemsWith(deputyRows: unknown[][], units = NOTICE_UNITS, leaderRows?: unknown[][]) {
  const tabs = {
    ...noticeTabs([ROW]),
    [TAB_NAMES.deputies]: deputyRows,
    [TAB_NAMES.units]: unitRows(units),
    ...(leaderRows ? { [TAB_NAMES.leaders]: leaderRows } : {}),
  };
  const problems = noticeRecipientProblems(evaluateLedger({ tabs, today: "2026-03-02" }));
  return problems.filter((p) => p.column === "机器人地址");
}

describe("a 机器人地址 shared by deputies, or by a deputy and a unit", () => {
  it("is a 提醒 on each deputy's row, naming the others and what to do", () => {
    const found = problemsWith(
      deputies([
        ["张明", "", "wecom", GROUP],
        ["王伟(柏庄)", "", "", GROUP],
        ["李华", "lihua@example.cn", "", ""],
      ]),
    );
    expect(found).toEqual([
      {
        tab: TAB_NAMES.deputies,
        row: 2,
        column: "机器人地址",
        level: "提醒",
        id: null,
        message:
          "机器人地址与 王伟(柏庄) 相同：群里的人都会收到该代表的专属链接，可代其测评、提交建议；建议代表用邮箱接收（通知渠道改为 email）",
      },
      expect.objectContaining({
        row: 3,
        message: expect.stringMatching(/^机器人地址与 张明 相同：/),
      }),
    ]);
  });

  it("names a unit that writes the same address (a signed robot's #secret aside)", () => {
    const units = [
      ...NOTICE_UNITS,
      ["区文旅局", "", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=bg#SECbg"],
    ] as const;
    const found = problemsWith(
      deputies([["张明", "", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=bg"]]),
      units,
    );
    expect(found.map((p) => [p.row, p.message.split("：")[0]])).toEqual([[2, "机器人地址与 区文旅局 相同"]]);
  });

  it("names five others and counts the rest when a delegation's robot serves many", () => {
    const many = ["甲", "乙", "丙", "丁", "戊", "己", "庚"].map(
      (n) => [`代表${n}`, "", "wecom", GROUP] as const,
    );
    const found = problemsWith(deputies([...many]));
    expect(found).toHaveLength(7);
    expect(found[0]?.message).toContain(
      "机器人地址与 代表乙、代表丙、代表丁、代表戊、代表己 等 6 个代表和单位 相同",
    );
  });

  it("says nothing of a robot one deputy alone uses, or of one a deputy writes but does not receive by", () => {
    expect(
      problemsWith(
        deputies([
          ["张明", "", "wecom", GROUP],
          ["李华", "lihua@example.cn", "", ""],
        ]),
      ),
    ).toEqual([]);
    // 李华 receives by e-mail only: the robot written beside it does not get her link; 张明's does.
    const found = problemsWith(
      deputies([
        ["张明", "", "wecom", GROUP],
        ["李华", "lihua@example.cn", "email", GROUP],
      ]),
    );
    expect(found.map((p) => p.row)).toEqual([2]);
  });
});

/**
 * The explorer's case: 督办领导 吴国庆's 机器人地址 is 区农业农村局's group robot. Every notice to a
 * leader carries the leader's own link, which presses 催办 in his name: the unit's whole group
 * could urge itself as him. A 提醒 on the 领导 row, in the words of the deputy's one.
 */
describe("a leader's 机器人地址 shared with a unit's group, or with a deputy", () => {
  const NONG = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=nongye-group";
  const units = [...NOTICE_UNITS, ["区农业农村局", "", "wecom", NONG]] as const;

  it("is a 提醒 on the leader's row naming the unit, and why: his link can 催办", () => {
    const found = problemsWith(
      deputies([["张明", "zm@example.cn", "", ""]]),
      units,
      leaders([
        ["吴国庆", "督办", "", NONG],
        ["王志强副区长", "领办", "", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wzq"],
      ]),
    );
    expect(found).toEqual([
      {
        tab: TAB_NAMES.leaders,
        row: 2,
        column: "机器人地址",
        level: "提醒",
        id: null,
        message:
          "机器人地址与 区农业农村局 相同：群里的人都会收到该领导的专属链接，可以领导的名义催办承办单位；建议领导用邮箱接收（通知渠道改为 email），或改用领导本人的机器人",
      },
    ]);
  });

  it("names the leader on a deputy's row that writes the same robot, and the deputy on the leader's", () => {
    const found = problemsWith(
      deputies([["张明", "", "wecom", GROUP]]),
      NOTICE_UNITS,
      leaders([["吴国庆", "督办", "wecom", GROUP]]),
    );
    expect(found.map((p) => [p.tab, p.row, p.message.split("：")[0]])).toEqual([
      [TAB_NAMES.deputies, 2, "机器人地址与 吴国庆 相同"],
      [TAB_NAMES.leaders, 2, "机器人地址与 张明 相同"],
    ]);
  });

  it("says nothing of a leader who receives by e-mail though a robot is written beside it", () => {
    const found = problemsWith(
      deputies([["张明", "zm@example.cn", "", ""]]),
      units,
      leaders([["吴国庆", "督办", "email", NONG]]),
    );
    expect(found).toEqual([]);
  });
});
