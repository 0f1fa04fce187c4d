import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, isoFromSerial, serialFromIso } from "../../src/domain/civil-date";
import { emulator } from "../support/emulator-admin";
import { buildLinkOffice, type OfficeOptions, TODAY } from "./links-setup";

/** When 2026-003 was assigned a second time (its second 办理期限, 30 days on, has passed too). */
export const REASSIGNED = addDaysIso(TODAY, -60);

/**
 * The office of the late-reply tests: 2026-001 (区教育局) assigned 120 days ago, past its 办理期限;
 * 2026-003 (区卫健委) answered B, rated 不满意 and assigned again at REASSIGNED. `more` adds rows.
 */
export function buildLateReplyOffice(
  office: string,
  more?: OfficeOptions["more"],
): ReturnType<typeof buildLinkOffice> {
  return buildLinkOffice(office, {
    changes: {
      "2026-001": { 交办日期: serialFromIso(addDaysIso(TODAY, -120)) },
      "2026-003": {
        交办日期: serialFromIso(addDaysIso(TODAY, -150)),
        答复日期: serialFromIso(addDaysIso(TODAY, -100)),
        答复类别: "B",
        答复内容: "已纳入明年计划",
        满意度: "不满意",
        测评日期: serialFromIso(addDaysIso(TODAY, -90)),
        二次交办日期: serialFromIso(REASSIGNED),
      },
    },
    ...(more ? { more } : {}),
  });
}

/** A ledger row of the office's sheet by 编号, as header → cell. */
export async function ledgerRow(office: string, id: string): Promise<Record<string, unknown>> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
  const header = (values[0] ?? []).map(String);
  const row = values.find((r) => r[header.indexOf("编号")] === id) ?? [];
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""]));
}

/** A row's 办理期限 as an ISO date. */
export async function dueOf(office: string, id: string): Promise<string> {
  const due = (await ledgerRow(office, id)).办理期限;
  return typeof due === "number" ? isoFromSerial(due) : String(due);
}
