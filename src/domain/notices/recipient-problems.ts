import { CHANNEL_NAMES, CHANNELS } from "../../../sheets-schema/enums";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { unknownLeader } from "../check-ledger-refs";
import { leaderNames } from "../directory";
import type { Problem } from "../problems";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { sharedRobotProblems } from "./shared-robots";

/** The dropdown's codes, each with the name staff read (邮件 … are accepted as typed too). */
const CHANNEL_CHOICES = CHANNELS.map((c) => `${c}（${CHANNEL_NAMES[c]}）`);
const CHANNEL_HELP = `请填写邮箱或机器人地址，并在通知渠道中选择 ${CHANNEL_CHOICES.slice(0, -1).join("、")}或 ${CHANNEL_CHOICES.at(-1)}`;

/** A 督办领导 or 领办领导 a notice would go to: the row, the column, the name, the notices at stake. */
type LeaderMention = readonly [
  row: number,
  id: string | null,
  column: "督办领导" | "领办领导",
  name: string,
  notices: string,
];

/**
 * Who the rows' notices would go to, as the recipient checks need them (a plain JSON value: each
 * sync chunk keeps its part's, and the finish adds them up): 领衔代表 as typed, the 主办 and 协办
 * units of 立案 rows, and the 督办领导 (of a 重点建议) and 领办领导 of 立案 rows, in sheet order.
 */
export interface Recipients {
  readonly deputies: readonly string[];
  readonly units: readonly string[];
  readonly leaders: readonly LeaderMention[];
}

export function recipientsOf(rows: readonly EvaluatedRow[]): Recipients {
  const units = new Set<string>();
  const deputies = new Set<string>();
  const leaders: LeaderMention[] = [];
  for (const row of rows) {
    if (row.blank) continue;
    const { record } = row;
    if (record.leadDeputy) deputies.add(record.leadDeputy);
    if (record.review !== "立案") continue;
    for (const unit of [record.leadUnit, ...record.coUnits]) if (unit) units.add(unit);
    // Each leader a cell names is told apart (赵晓梅副主任、陈建平副主任: two leaders, two channels).
    if (record.isKey)
      for (const name of leaderNames(record.supervisor))
        leaders.push([row.rowNumber, row.id, "督办领导", name, "逾期催办"]);
    for (const name of leaderNames(record.handlingLeader))
      leaders.push([row.rowNumber, row.id, "领办领导", name, "交办通知和逾期催办"]);
  }
  return { deputies: [...deputies], units: [...units], leaders };
}

/** Several parts' recipients as one, in part order (a name once, where first met). */
export function joinRecipients(parts: readonly Recipients[]): Recipients {
  return {
    deputies: [...new Set(parts.flatMap((p) => p.deputies))],
    units: [...new Set(parts.flatMap((p) => p.units))],
    leaders: parts.flatMap((p) => p.leaders),
  };
}

/**
 * 校验问题 for recipients notices cannot reach, so nothing is dropped silently: a 承办单位 that
 * suggestions name but that has no usable channel (错误: statutory reminders would not go out), a
 * 领衔代表 without one (提醒), and a 督办领导 or 领办领导 reachable neither through 领导, nor as a
 * 代表, nor through 周报接收人; and a 代表 whose 机器人地址 other deputies or a unit write too
 * (sharedRobotProblems: the group receives the deputy's own link).
 * Names missing from the tabs altogether are already reported by the row checks (an 错误 that says
 * so): a 提醒 about their channels beside it would contradict it, so none is added. The sync adds
 * these to the 校验问题 tab; the dashboard shows them.
 */
export function noticeRecipientProblems(
  evaluation: Pick<EvaluatedLedger, "rows" | "units" | "deputies" | "settings"> &
    Partial<Pick<EvaluatedLedger, "leaders">>,
): Problem[] {
  return recipientProblems(recipientsOf(evaluation.rows), evaluation);
}

/** noticeRecipientProblems of the rows whose recipients these are. */
export function recipientProblems(
  recipients: Recipients,
  evaluation: Pick<EvaluatedLedger, "units" | "deputies" | "settings"> &
    Partial<Pick<EvaluatedLedger, "leaders">>,
): Problem[] {
  const problems: Problem[] = [];
  if (evaluation.settings.digestRecipients.length === 0)
    for (const [row, id, column, name, notices] of recipients.leaders) {
      if (reachable(evaluation, name) || unknownLeader(column, name, evaluation)) continue;
      problems.push({
        tab: TAB_NAMES.ledger,
        row,
        column,
        level: "提醒",
        id,
        message: `${column}“${name}”在『领导』表和『代表』表中都没有可用的通知渠道，也没有设置周报接收人，${notices}无法告知${column}：请在『领导』表中为其填写邮箱或机器人地址，或在『设置』中填写周报接收人`,
      });
    }
  const seen = new Set<number>();
  for (const name of recipients.units) {
    const entry = evaluation.units.find(name);
    if (!entry || entry.channels.length > 0 || seen.has(entry.rowNumber)) continue;
    seen.add(entry.rowNumber);
    problems.push({
      tab: TAB_NAMES.units,
      row: entry.rowNumber,
      column: "通知渠道",
      level: "错误",
      id: null,
      message: `承办单位“${entry.name}”没有可用的通知渠道，交办通知、到期提醒和逾期催办无法送达：${CHANNEL_HELP}`,
    });
  }
  seen.clear();
  for (const name of recipients.deputies) {
    const entry = evaluation.deputies.find(name);
    if (!entry || entry.channels.length > 0 || seen.has(entry.rowNumber)) continue;
    seen.add(entry.rowNumber);
    problems.push({
      tab: TAB_NAMES.deputies,
      row: entry.rowNumber,
      column: "通知渠道",
      level: "提醒",
      id: null,
      message: `代表“${entry.name}”没有可用的通知渠道，受理回执、答复告知和测评提醒无法送达：${CHANNEL_HELP}`,
    });
  }
  // A deputy's robot that other deputies or a unit write too: the group gets the deputy's link.
  problems.push(...sharedRobotProblems(evaluation));
  return problems;
}

/** A leader with a usable channel in 领导 or, failing that, as a 代表 of that name. */
function reachable(
  evaluation: Pick<EvaluatedLedger, "deputies"> & Partial<Pick<EvaluatedLedger, "leaders">>,
  name: string,
): boolean {
  const leader = evaluation.leaders?.find(name);
  if (leader && leader.channels.length > 0) return true;
  const deputy = evaluation.deputies.find(name);
  return deputy !== undefined && deputy.channels.length > 0;
}
