import { describe, expect, it } from "vitest";
import { renderNotice } from "../../../src/domain/notices/render";
import { type UrgingRole, urgeView } from "../../../src/domain/notices/urge-view";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, keySuggestion } from "./helpers";

/** A key suggestion supervised by 刘振华主任, assigned 2026-03-02: 办理期限 2026-06-02. */
const KEY: LedgerCells = keySuggestion({ 编号: "2026-124", 领衔代表: "王学军", 督办领导: "刘振华主任" });

/** The 领导催办 the lead unit gets when the leader presses 催办 on `today`. */
function urged(
  cells: LedgerCells,
  today: string,
  templates: unknown[][] = [],
  leader = "刘振华主任",
  role: UrgingRole = "督办领导",
) {
  const evaluation = evaluateAt([cells], today, [], templates);
  const row = evaluation.rows[0];
  if (!row) throw new Error("no row");
  const { settings, calendar } = evaluation;
  const { view } = urgeView(
    row,
    "区教育局",
    {
      today,
      ratingLink: settings.ratingLink,
      objectionWorkingDays: settings.objectionWorkingDays,
      coOpinionDays: settings.coOpinionDays,
      calendar,
    },
    leader,
    role,
  );
  const rendered = renderNotice(evaluation.templates, "领导催办", "email", view);
  if (!rendered.enabled) throw new Error("领导催办 off");
  return rendered;
}

describe("the 领导催办 a leader's 催办 sends the lead unit", () => {
  it("names the 领办领导 who pressed it when the suggestion has no 督办领导", () => {
    const led = { ...KEY, 重点建议: "", 督办领导: "", 领办领导: "王建国副区长" };
    expect(urged(led, "2026-05-20", [], "王建国副区长", "领办领导").body).toBe(
      "区教育局：王建国副区长（领办领导）催办王学军代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-124），办理期限为 2026年6月2日，目前尚未答复代表，请抓紧办理、按期答复。",
    );
  });

  it("names the 领办领导 who pressed it, not the suggestion's 督办领导", () => {
    const both = { ...KEY, 领办领导: "王建国副区长" };
    expect(urged(both, "2026-05-20", [], "王建国副区长", "领办领导").body).toMatch(
      /^区教育局：王建国副区长（领办领导）催办/,
    );
  });

  it("asks for a reply by 办理期限 while it has not passed, naming the leader without a second title", () => {
    expect(urged(KEY, "2026-05-20").body).toBe(
      "区教育局：刘振华主任（督办领导）催办王学军代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-124），办理期限为 2026年6月2日，目前尚未答复代表，请抓紧办理、按期答复。",
    );
    // On the due day itself it is not overdue yet.
    expect(urged(KEY, "2026-06-02").body).toContain("目前尚未答复代表，请抓紧办理、按期答复。");
  });

  it("says how many days it is overdue and asks for an immediate reply once 办理期限 has passed", () => {
    const notice = urged(KEY, "2026-06-09");
    expect(notice.body).toBe(
      "区教育局：刘振华主任（督办领导）催办王学军代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-124），办理期限为 2026年6月2日，已逾期 7 天，仍未答复代表，请立即办理并答复代表。",
    );
    expect(notice.body).not.toContain("按期答复");
  });

  it("calls a leader named without a title 同志", () => {
    expect(urged({ ...KEY, 督办领导: "刘振华" }, "2026-05-20", [], "刘振华").body).toContain(
      "区教育局：刘振华同志（督办领导）催办",
    );
  });

  it("follows today's built-in text where 通知模板 still holds the earlier one, unedited", () => {
    const earlier = [
      "领导催办",
      "",
      "领导催办：{{编号}} {{标题}}",
      "{{接收方}}：{{督办领导}}同志督办的{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}），办理期限为 {{办理期限}}，目前尚未答复代表，请抓紧办理、按期答复。",
      "是",
    ];
    expect(urged(KEY, "2026-06-09", [earlier]).body).toContain(
      "已逾期 7 天，仍未答复代表，请立即办理并答复代表。",
    );
  });
});
