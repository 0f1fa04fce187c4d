import { describe, expect, it } from "vitest";
import { matchHeaders } from "../../../sheets-schema/header-map";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { secondReplyNote } from "../../../src/domain/intake/second-reply-note";
import { plainClassText, replyRounds } from "../../../src/domain/links/reply-rounds";
import { planApply } from "../../../src/jobs/intake/plan-apply";
import type { InboxEntry } from "../../../src/store/inbox";

const LETTER = "https://jianyi.test/files/letters/2026-007/link-n2.pdf";

const ROUND_ONE = {
  repliedOn: "2026-11-01",
  replyClass: "C",
  replyContent: "受财力所限，今年暂无法拓宽",
  rating: "不满意",
  ratedOn: "2026-11-03",
  reassignedOn: "2026-11-05",
} as const;

describe("a reply class as readers see it", () => {
  it("says the plain meaning, without the instruction meant for the unit", () => {
    expect(plainClassText("C")).toBe("C 类（因条件限制暂时无法解决）");
    expect(plainClassText("B")).toBe("B 类（正在解决或列入计划）");
    expect(plainClassText("X")).toBe("X");
  });
});

describe("the round-2 reply in 备注", () => {
  it("reads back the line intake writes for a round-2 reply, class, text and letter", () => {
    const reply: InboxEntry = {
      form: "reply",
      submissionId: "link-n2",
      suggestionId: "2026-007",
      cells: {
        编号: "2026-007",
        答复日期: 46356,
        答复类别: "B",
        答复内容: "已列入明年预算\n明年六月前完工",
        答复函: LETTER,
      },
      submittedAt: "2026-11-30T02:00:00Z",
      receivedAt: "2026-11-30T02:00:00Z",
      status: "pending",
      attempts: 0,
      lastError: null,
      actor: { kind: "unit", name: "区教育局", linkId: "L1" },
      sentAt: null,
    };
    const headers = ledgerTab.columns.map((c) => c.header);
    const row: Record<string, unknown> = {
      编号: "2026-007",
      标题: "修路",
      二次交办日期: 46340,
      备注: "代表约见时提出",
    };
    const sheet = [headers, headers.map((h) => row[h] ?? "")];
    const match = matchHeaders(ledgerTab, sheet[0] as string[]);
    if (!match.ok) throw new Error("headers");
    const line = planApply([reply], sheet, match.columns).writes.find((w) => w.header === "备注")?.value;

    expect(secondReplyNote(`代表约见时提出\n${line}\n工作人员：已电话回访`)).toEqual({
      replyClass: "B",
      content: "已列入明年预算\n明年六月前完工",
      letter: LETTER,
      line: 1,
    });
  });

  it("takes only the first line when no 答复函 closes the note: the next may be staff's own", () => {
    const notes = "二次答复（s-1）类别 A：已拓宽\n工作人员：代表电话 138";
    expect(secondReplyNote(notes)?.content).toBe("已拓宽");
  });

  it("leaves intake's word of a late reply out of the reply's text", () => {
    const notes = `二次答复（s-1）类别 A：已拓宽；答复函 ${LETTER}；经个人链接于 2026-12-08 提交（晚于办理期限 2026-12-05）`;
    expect(secondReplyNote(notes)).toMatchObject({ content: "已拓宽", letter: LETTER });
  });

  it("reads the newest note when a unit corrected its round-2 reply", () => {
    const notes = "二次答复（s-1）类别 C：无法办理\n二次答复（s-2）类别 B：列入计划";
    expect(secondReplyNote(notes)).toMatchObject({ replyClass: "B", content: "列入计划" });
  });
});

describe("the replies of a suggestion", () => {
  it("puts round 2 first and round 1 below, each with its own rating comment", () => {
    const rounds = replyRounds({
      ...ROUND_ONE,
      replyLetter: "https://jianyi.test/files/letters/2026-007/link-n1.pdf",
      secondRepliedOn: "2026-11-20",
      secondReplyClass: "B",
      secondRating: "满意",
      notes: [
        "测评意见（张明）：希望再想办法",
        `二次答复（s-2）类别 B：已列入明年预算；答复函 ${LETTER}`,
        "测评意见（张明）：感谢",
      ].join("\n"),
    });

    expect(
      rounds.map((r) => [r.label, r.repliedOn, r.replyClass, r.content, r.letter, r.rating, r.comment]),
    ).toEqual([
      ["二次答复", "2026-11-20", "B 类（正在解决或列入计划）", "已列入明年预算", LETTER, "满意", "感谢"],
      [
        "首次答复",
        "2026-11-01",
        "C 类（因条件限制暂时无法解决）",
        "受财力所限，今年暂无法拓宽",
        "https://jianyi.test/files/letters/2026-007/link-n1.pdf",
        "不满意",
        "希望再想办法",
      ],
    ]);
  });

  it("shows round 2's class and date when staff typed it in without a note", () => {
    const [second] = replyRounds({ ...ROUND_ONE, secondRepliedOn: "2026-11-20", secondReplyClass: "A" });
    expect(second).toMatchObject({ label: "二次答复", replyClass: "A 类（已解决或采纳）", content: "" });
  });

  it("calls the one reply 答复 when there was no second round", () => {
    expect(replyRounds({ repliedOn: "2026-11-01", replyClass: "A" }).map((r) => r.label)).toEqual(["答复"]);
    expect(replyRounds({})).toEqual([]);
  });
});
