import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../problems";
import type { EvaluatedLedger } from "../summary/evaluated";

const CHANNEL_HELP = "请填写邮箱或机器人地址，并在通知渠道中选择 email、wecom、dingtalk、feishu 或 webhook";

/**
 * 校验问题 for recipients notices cannot reach, so nothing is dropped silently: a 承办单位 that
 * suggestions name but that has no usable channel (错误: statutory reminders would not go out), a
 * 领衔代表 without one (提醒), and a 督办领导 reachable neither as a 代表 nor through 周报接收人.
 * Names missing from the tabs altogether are already reported by the row checks. The sync adds
 * these to the 校验问题 tab; the dashboard shows them.
 */
export function noticeRecipientProblems(
  evaluation: Pick<EvaluatedLedger, "rows" | "units" | "deputies" | "settings">,
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
    if (!record.isKey || !record.supervisor || hasDigest) continue;
    const leader = evaluation.deputies.find(record.supervisor);
    if (leader && leader.channels.length > 0) continue;
    problems.push({
      tab: TAB_NAMES.ledger,
      row: row.rowNumber,
      column: "督办领导",
      level: "提醒",
      id: row.id,
      message: `督办领导“${record.supervisor}”${leader ? "在『代表』表中没有通知渠道" : "不在『代表』表中"}，也没有设置周报接收人，逾期催办无法告知督办领导：请在『代表』表中为其填写邮箱或机器人地址，或在『设置』中填写周报接收人`,
    });
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
