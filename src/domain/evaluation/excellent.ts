import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";

/**
 * Which suggestions marked 优秀建议 = 是 are named as the year's 优秀建议 (the commendations draft,
 * the year report and its .docx), and what 校验问题 tells staff of a mark that does not fit.
 *
 * Only a 立案 suggestion is named: one 不予立案, 并案, 撤回, 退回修改 or still unreviewed was never
 * handled as a suggestion of its own, so a 是 there is almost surely a slip (a mark left on the
 * wrong row after a sort) and must not reach the 主任会议 in an official document. One 立案 but not
 * yet replied to is named all the same, with a 提醒: the mark judges the deputy's suggestion,
 * which 立案 already found sound, and the office may choose before a late suggestion's reply
 * (六个月, a second round); leaving it out would overrule a deliberate choice with no word in the
 * lists themselves, while the 提醒 lets staff check it.
 */
export function isExcellent(record: Pick<LedgerRecord, "excellent" | "review">): boolean {
  return record.excellent === true && record.review === "立案";
}

/** 优秀建议 = 是 on a suggestion not 立案: left out of every list. Made once per 审查结果. */
const notAcceptedTexts = new Map<LedgerRecord["review"], string>();

export function excellentNotAcceptedText(review: LedgerRecord["review"]): string {
  let text = notAcceptedTexts.get(review);
  if (text === undefined) {
    text =
      review === null
        ? "审查结果为空白（待审查），立案后才能评为优秀建议：在此之前这条建议不列入优秀建议名单、年度报告和主任会议材料。请先填写审查结果；如是标错了行，请把“优秀建议”改为“否”"
        : `审查结果为“${review}”，只有立案的建议才能评为优秀建议：这条建议不列入优秀建议名单、年度报告和主任会议材料。如是标错了行，请把“优秀建议”改为“否”`;
    notAcceptedTexts.set(review, text);
  }
  return text;
}

/** 优秀建议 = 是 on a 立案 suggestion without a reply yet: listed, but worth a second look. */
export const EXCELLENT_UNREPLIED_TEXT =
  "这条建议还没有答复，已标为优秀建议：仍列入优秀建议名单、年度报告和主任会议材料。请核对是否评选过早或标错了行；如不应评选，请把“优秀建议”改为“否”";
