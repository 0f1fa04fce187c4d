import { describe, expect, it } from "vitest";
import { COMPUTED_PLACEHOLDERS, DEFAULT_NOTICE_TEMPLATES } from "../../../sheets-schema/notice-templates";
import { ledgerTab } from "../../../sheets-schema/tabs/ledger";
import { renderText } from "../../../src/domain/notices/render";
import { ASSIGNED_ROW, planAt, REASSIGNED_ROW } from "./helpers";

const REPLIED = { ...ASSIGNED_ROW, 答复日期: "2026-05-20", 答复类别: "B" };
const OPINION = "新增站点离小区仍有600米，且只有一条线路停靠，未真正解决出行难";

/** The 二次交办通知 the unit gets when the deputy's 测评意见 reads `comment`. */
function reassignmentBody(comment: string): string | undefined {
  const row = { ...REASSIGNED_ROW, 备注: `测评意见（张明）：${comment}` };
  return planAt([row], "2026-06-01").notices.find((n) => n.type === "二次交办通知")?.body;
}

describe("the 二次交办通知 quoting the deputy's 测评意见", () => {
  it("keeps the opinion's own 。 and drops the ，after the closing quote", () => {
    expect(reassignmentBody(`${OPINION}。`)).toBe(
      "区教育局：张明代表对建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）的办理结果不满意，" +
        `代表的意见是：“${OPINION}。”现予二次交办。请重新研究办理，于 2026年7月1日前再次答复代表。`,
    );
  });

  it("does the same after ！？… and their ASCII forms, and leaves an opinion without an end mark as it was", () => {
    for (const mark of ["！", "？", "……", "!", "?", "."])
      expect(reassignmentBody(`${OPINION}${mark}`), mark).toContain(`${OPINION}${mark}”现予二次交办。`);
    expect(reassignmentBody(OPINION)).toContain(`${OPINION}”，现予二次交办。`);
  });

  it("never doubles a mark after a quoted 处理意见 either (交办异议处理结果)", () => {
    expect(
      renderText("维持原交办{{#处理意见}}，意见是：“{{处理意见}}”{{/处理意见}}。请继续办理。", {
        处理意见: "职责明确。",
      }),
    ).toBe("维持原交办，意见是：“职责明确。”请继续办理。");
  });
});

describe("the built-in texts' spacing around dates", () => {
  it("set no space between a date and the Chinese after it, in any built-in title or body", () => {
    const view: Record<string, string> = {};
    for (const col of ledgerTab.columns) view[col.header] = "2027年3月8日（暂定）";
    for (const name of COMPUTED_PLACEHOLDERS) view[name] = "2027年3月8日（暂定）";
    for (const name of ["剩余天数", "逾期天数"]) view[name] = "5";
    for (const name of ["编号", "答复类别说明"])
      view[name] = name === "编号" ? "2026-001" : "B 类（正在解决或列入计划）";
    const stray = /[）\p{Script=Han}] \p{Script=Han}/u;
    for (const template of DEFAULT_NOTICE_TEMPLATES)
      for (const text of [template.title, template.body])
        expect(renderText(text, view), template.type).not.toMatch(stray);
  });

  it("write the 交办通知's deadline as 请于 2027年3月8日（暂定）前书面答复代表", () => {
    const row = { ...ASSIGNED_ROW, 编号: "2026-126", 交办日期: "2026-12-07" };
    const notice = planAt([row], "2026-12-07").notices.find((n) => n.type === "交办通知");
    expect(notice?.body).toContain("交办日期 2026年12月7日，请于 2027年3月8日（暂定）前书面答复代表。");
  });

  it("reach a sheet provisioned with the earlier built-in text, left unedited", () => {
    const earlier = [
      "交办通知",
      "",
      "代表建议交办通知：{{编号}} {{标题}}",
      "{{接收方}}：现将{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}）交你单位主办。主办单位：{{主办单位}}；协办单位：{{协办单位}}。交办日期 {{交办日期}}，请于 {{办理期限}} 前书面答复代表。如对交办有异议，请于 {{异议期限}} 前提出。",
      "是",
    ];
    const notice = planAt([ASSIGNED_ROW], "2026-03-02", { templates: [earlier] }).notices[0];
    expect(notice?.body).toContain(
      "请于 2026年6月2日前书面答复代表。如对交办有异议，请于 2026年3月11日前提出。",
    );
  });
});

describe("the 答复告知 to the lead deputy", () => {
  it("says the reply's class and what it means", () => {
    const notice = planAt([REPLIED], "2026-05-20").notices.find((n) => n.type === "答复告知");
    expect(notice?.body).toBe(
      "张明代表：您领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）已由区教育局作出答复，答复为 B 类（正在解决或列入计划）。请对办理情况进行测评。",
    );
  });

  it("says 二次答复类别 after a 二次交办, and no class while round 2's is not filled in", () => {
    const answered = { ...REASSIGNED_ROW, 二次答复日期: "2026-06-22", 二次答复类别: "A" };
    const told = (row: typeof answered) =>
      planAt([row], "2026-06-22").notices.find((n) => n.type === "答复告知" && n.key.includes("|r2|"))?.body;
    expect(told(answered)).toContain("经二次交办，已由区教育局作出答复，答复为 A 类（已解决或采纳）。");
    expect(told({ ...answered, 二次答复类别: "" })).toContain(
      "经二次交办，已由区教育局作出答复。请对办理情况进行测评。",
    );
  });

  it("says a C reply's meaning without the unit's instruction to give reasons", () => {
    const notice = planAt([{ ...REPLIED, 答复类别: "C", 答复内容: "受财力所限" }], "2026-05-20").notices.find(
      (n) => n.type === "答复告知",
    );
    expect(notice?.body).toContain("答复为 C 类（因条件限制暂时无法解决）。");
  });
});
