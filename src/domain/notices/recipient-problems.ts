import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../problems";
import type { EvaluatedLedger } from "../summary/evaluated";

const CHANNEL_HELP = "请填写邮箱或机器人地址，并在通知渠道中选择 email、wecom、dingtalk、feishu 或 webhook";

/**
 * 校验问题 for recipients notices cannot reach, so nothing is dropped silently: a 承办单位 that
 * suggestions name but that has no usable channel (错误: statutory reminders would not go out), a
 * 领衔代表 without one (提醒), and a 督办领导 or 领办领导 reachable neither through 领导, nor as a
 * 代表, nor through 周报接收人.
 * Names missing from the tabs altogether are already reported by the row checks. The sync adds
 * these to the 校验问题 tab; the dashboard shows them.
 */
export function noticeRecipientProblems(
  evaluation: Pick<EvaluatedLedger, "rows" | "units" | "deputies" | "settings"> &
    Partial<Pick<EvaluatedLedger, "leaders">>,
): Problem[] {
  const units = new Set<string>();
  const deputies = new Set<string>();
  const problems: Problem[] = [];
  const hasDigest = evaluation.settings.digestRecipients.length > 0;
  for (const row of evaluation.rows) {
    if (row.blank) continue;
    const { record } = row;
    if (record.leadDeputy) deputies.add(record.leadDeputy);
    if (record.review !== "立案") continue;
    for (const unit of [record.leadUnit, ...record.coUnits]) if (unit) units.add(unit);
    if (hasDigest) continue;
    const leaders: [string, string, string][] = [];
    if (record.isKey && record.supervisor) leaders.push(["督办领导", record.supervisor, "逾期催办"]);
    if (record.handlingLeader) leaders.push(["领办领导", record.handlingLeader, "交办通知和逾期催办"]);
    for (const [column, name, notices] of leaders) {
      if (reachable(evaluation, name)) continue;
      problems.push({
        tab: TAB_NAMES.ledger,
        row: row.rowNumber,
        column,
        level: "提醒",
        id: row.id,
        message: `${column}“${name}”在『领导』表和『代表』表中都没有可用的通知渠道，也没有设置周报接收人，${notices}无法告知${column}：请在『领导』表中为其填写邮箱或机器人地址，或在『设置』中填写周报接收人`,
      });
    }
  }
  const seen = new Set<number>();
  for (const name of units) {
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
  for (const name of deputies) {
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
