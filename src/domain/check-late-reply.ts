import type { LedgerRecord } from "../../sheets-schema/tabs/ledger";
import { lateReplyDays } from "./intake/late-reply";
import type { ParsedRow } from "./read-tab";

/** The words intake writes into 备注 of a reply sent late (lateReplyNote): rows without them pass at once. */
const LATE_WORDS = "晚于办理期限";

/**
 * A reply sent after 办理期限 but dated on or before it (a unit may date its reply by its letter)
 * counts as on time in 按期答复率 and 单位测评, which go by 答复日期. Intake says so in 备注
 * (late-reply.ts), where staff reading 校验问题 would not see it: so it is a 提醒 on the reply's date
 * while that date still reads as on time. It ends when staff change 答复日期, or, the letter's date
 * being right, delete that sentence from 备注.
 */
export function checkLateReply(
  row: ParsedRow<LedgerRecord>,
  firstDue: string | null,
  secondDue: string | null,
): void {
  const { notes } = row.record;
  if (!notes?.includes(LATE_WORDS)) return;
  for (const line of notes.split("\n")) {
    const late = lateReplyDays(line);
    if (!late) continue;
    // A round-2 reply's line is intake's 二次答复 line (second-reply-note.ts); round 1's any other.
    const second = line.startsWith("二次答复");
    const repliedOn = second ? row.record.secondRepliedOn : row.record.repliedOn;
    const due = second ? secondDue : firstDue;
    if (!repliedOn || !due || repliedOn > due || late.sentOn <= due) continue;
    const column = second ? "二次答复日期" : "答复日期";
    row.problems.warn(
      column,
      `该答复于 ${late.sentOn} 才提交，晚于办理期限 ${due}，${column}却为 ${repliedOn}，会计为按期答复：` +
        `请核实${column}；如按答复函落款日期填写无误，请删去备注中“${late.words}”一句`,
    );
  }
}
