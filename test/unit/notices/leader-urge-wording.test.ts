import { describe, expect, it } from "vitest";
import { renderNotice } from "../../../src/domain/notices/render";
import { type UrgingRole, urgeView } from "../../../src/domain/notices/urge-view";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, keySuggestion, planAt } from "./helpers";

/** A key suggestion 张卫东副区长 leads and 刘振华主任 supervises, assigned 2026-03-02: due 2026-06-02. */
const LED = keySuggestion({
  编号: "2026-124",
  领衔代表: "王学军",
  督办领导: "刘振华主任",
  领办领导: "张卫东副区长",
});

/** The 领导催办 the lead unit gets when `leader` presses 催办 on `today` as `role`. */
function urged(
  cells: LedgerCells,
  today: string,
  leader: string,
  role: UrgingRole,
  templates: unknown[][] = [],
  title = "",
) {
  const evaluation = evaluateAt([cells], today, [], templates);
  const row = evaluation.rows[0];
  if (!row) throw new Error("no row");
  const { settings, calendar } = evaluation;
  const ctx = {
    today,
    ratingLink: settings.ratingLink,
    objectionWorkingDays: settings.objectionWorkingDays,
    coOpinionDays: settings.coOpinionDays,
    calendar,
  };
  const { view } = urgeView(row, "区教育局", ctx, leader, role, title);
  const rendered = renderNotice(evaluation.templates, "领导催办", "email", view);
  if (!rendered.enabled) throw new Error("领导催办 off");
  return { ...rendered, problems: evaluation.problems };
}

/** The date a notice body gives after `before` (e.g. “请于 ”), as the unit reads it. */
function dateAfter(body: string | undefined, before: string): string {
  const match = body?.match(new RegExp(`${before}(\\d{4}年\\d{1,2}月\\d{1,2}日(?:（暂定）)?)`));
  if (!match?.[1]) throw new Error(`no date after ${before} in ${body}`);
  return match[1];
}

describe("the 领导催办 names the leader who pressed 催办 and how the leader concerns the suggestion", () => {
  it("calls the 领办领导 领办领导, not a leader who supervises it", () => {
    const notice = urged(LED, "2026-05-20", "张卫东副区长", "领办领导");
    expect(notice.body).toBe(
      "区教育局：张卫东副区长（领办领导）催办王学军代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-124），办理期限为 2026年6月2日，目前尚未答复代表，请抓紧办理、按期答复。",
    );
    expect(notice.body).not.toContain("督办");
    expect(notice.body).not.toContain("刘振华");
  });

  it("calls the 督办领导 督办领导, and an overdue suggestion still asks for an immediate reply", () => {
    expect(urged(LED, "2026-06-09", "刘振华主任", "督办领导").body).toBe(
      "区教育局：刘振华主任（督办领导）催办王学军代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-124），办理期限为 2026年6月2日，已逾期 7 天，仍未答复代表，请立即办理并答复代表。",
    );
  });

  it("calls a leader named without a title 同志", () => {
    const plain = { ...LED, 督办领导: "刘振华" };
    expect(urged(plain, "2026-05-20", "刘振华", "督办领导").body).toMatch(
      /^区教育局：刘振华同志（督办领导）催办王学军代表/,
    );
  });

  it("follows the new wording where 通知模板 still holds the built-in text that said 督办的 for every leader", () => {
    const before = [
      "领导催办",
      "",
      "领导催办：{{编号}} {{标题}}",
      "{{接收方}}：{{督办领导}}同志督办的{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}），办理期限为 {{办理期限}}，{{#逾期天数}}已逾期 {{逾期天数}} 天，仍未答复代表，请立即办理并答复代表。{{/逾期天数}}{{^逾期天数}}目前尚未答复代表，请抓紧办理、按期答复。{{/逾期天数}}",
      "是",
    ];
    expect(urged(LED, "2026-05-20", "张卫东副区长", "领办领导", [before]).body).toMatch(
      /^区教育局：张卫东副区长（领办领导）催办王学军代表/,
    );
  });

  it("lets a staff text place {{催办领导}} and {{催办身份}} without a 提醒", () => {
    const own = [
      "领导催办",
      "",
      "领导催办：{{编号}}",
      "{{接收方}}：{{催办身份}}{{催办领导}}请你单位抓紧办理{{编号}}。",
      "是",
    ];
    const notice = urged(LED, "2026-05-20", "张卫东副区长", "领办领导", [own]);
    expect(notice.body).toBe("区教育局：领办领导张卫东副区长请你单位抓紧办理2026-124。");
    expect(notice.problems.filter((p) => p.tab === "通知模板")).toEqual([]);
  });

  it("keeps naming the leader who pressed it in a staff text still written with {{督办领导}}", () => {
    const own = [
      "领导催办",
      "",
      "领导催办：{{编号}}",
      "{{接收方}}：{{督办领导}}同志督办的建议{{编号}}，请抓紧办理。",
      "是",
    ];
    expect(urged(LED, "2026-05-20", "张卫东副区长", "领办领导", [own]).body).toBe(
      "区教育局：张卫东副区长督办的建议2026-124，请抓紧办理。",
    );
  });
});

describe("the 领导催办 names the leader with the 职务 the 领导 tab gives", () => {
  const WU = { ...LED, 督办领导: "吴国庆" };

  it("puts the 职务 before the name: 区人大常委会副主任吴国庆同志（督办领导）", () => {
    expect(urged(WU, "2026-05-20", "吴国庆", "督办领导", [], "区人大常委会副主任").body).toBe(
      "区教育局：区人大常委会副主任吴国庆同志（督办领导）催办王学军代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-124），办理期限为 2026年6月2日，目前尚未答复代表，请抓紧办理、按期答复。",
    );
  });

  it("reads as before when 领导 gives no 职务", () => {
    expect(urged(WU, "2026-05-20", "吴国庆", "督办领导").body).toMatch(
      /^区教育局：吴国庆同志（督办领导）催办王学军代表/,
    );
  });

  it("does not say a title twice when the name already carries one (刘振华主任)", () => {
    expect(urged(LED, "2026-05-20", "刘振华主任", "督办领导", [], "区人大常委会主任").body).toMatch(
      /^区教育局：刘振华主任（督办领导）催办王学军代表/,
    );
    expect(urged(LED, "2026-05-20", "张卫东副区长", "领办领导", [], "副区长").body).toMatch(
      /^区教育局：张卫东副区长（领办领导）催办王学军代表/,
    );
  });

  it("lets a staff text use {{催办领导职务}} without a 提醒", () => {
    const own = [
      "领导催办",
      "",
      "领导催办：{{编号}}",
      "{{接收方}}：{{催办领导}}（{{催办领导职务}}）请你单位抓紧办理{{编号}}。",
      "是",
    ];
    const notice = urged(WU, "2026-05-20", "吴国庆", "督办领导", [own], "区人大常委会副主任");
    expect(notice.body).toBe("区教育局：吴国庆（区人大常委会副主任）请你单位抓紧办理2026-124。");
    expect(notice.problems.filter((p) => p.tab === "通知模板")).toEqual([]);
  });

  it("follows the new wording where 通知模板 still holds the built-in text that named no 职务", () => {
    const before = [
      "领导催办",
      "",
      "领导催办：{{编号}} {{标题}}",
      "{{接收方}}：{{催办领导}}同志（{{催办身份}}）催办{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}），办理期限为 {{办理期限}}，{{#逾期天数}}已逾期 {{逾期天数}} 天，仍未答复代表，请立即办理并答复代表。{{/逾期天数}}{{^逾期天数}}目前尚未答复代表，请抓紧办理、按期答复。{{/逾期天数}}",
      "是",
    ];
    expect(urged(WU, "2026-05-20", "吴国庆", "督办领导", [before], "区人大常委会副主任").body).toMatch(
      /^区教育局：区人大常委会副主任吴国庆同志（督办领导）催办王学军代表/,
    );
  });
});

describe("the 办理期限 of a 领导催办 in a year whose 放假安排 is not entered", () => {
  const LATER: LedgerCells = { ...LED, 编号: "2031-001", 交办日期: "2031-03-03" };

  it("says （暂定） after it, as the unit's 交办通知 does", () => {
    const assigned = planAt([LATER], "2031-03-03").notices.find((n) => n.type === "交办通知");
    const told = dateAfter(assigned?.body, "请于 ");
    expect(told).toMatch(/（暂定）$/);
    expect(dateAfter(urged(LATER, "2031-05-20", "张卫东副区长", "领办领导").body, "办理期限为 ")).toBe(told);
  });

  it("says （暂定） after a 二次交办's 办理期限 in such a year, as the 二次交办通知 does", () => {
    const second: LedgerCells = {
      ...LED,
      编号: "2026-125",
      答复日期: "2026-05-20",
      满意度: "不满意",
      二次交办日期: "2026-12-15",
    };
    const reassigned = planAt([second], "2026-12-15").notices.find((n) => n.type === "二次交办通知");
    const told = dateAfter(reassigned?.body, "于 ");
    expect(told).toMatch(/（暂定）$/);
    expect(dateAfter(urged(second, "2026-12-28", "刘振华主任", "督办领导").body, "办理期限为 ")).toBe(told);
  });

  it("is a plain date once the year's arrangement is known", () => {
    expect(urged(LED, "2026-05-20", "刘振华主任", "督办领导").body).toContain("办理期限为 2026年6月2日，");
  });
});
