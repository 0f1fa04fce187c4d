import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { E2E_SPREADSHEET, type LocalStack } from "./local-stack";

/** A row of a tab as staff read it (formatted values), by header. */
export type Row = Record<string, string>;

/** The rows of tab `name` of the e2e sheet, read from the emulator as staff would see them. */
export async function tabRows(stack: LocalStack, name: string): Promise<Row[]> {
  const range = encodeURIComponent(`'${name}'`);
  const response = await fetch(
    `${stack.emulator.url}/__emulator/spreadsheets/${E2E_SPREADSHEET}/values/${range}?valueRenderOption=FORMATTED_VALUE`,
  );
  const { values } = (await response.json()) as { values: unknown[][] };
  const header = (values[0] ?? []).map(String);
  return values.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, String(r[i] ?? "")])));
}

/** 建议台账's row of `id` as the sheet holds it now. */
export async function ledgerRowOf(stack: LocalStack, id: string): Promise<Row> {
  const row = (await tabRows(stack, TAB_NAMES.ledger)).find((r) => r.编号 === id);
  if (!row) throw new Error(`${id} is not in the sheet`);
  return row;
}

/** Waits until the emulated sheet or the sink shows what the Worker (or its queue consumers) did. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * The synced demo's first suggestion waiting for its first reply, and its lead unit's page of it
 * (`…/l/<token>/s/<编号>`), from a link staff issue on the 链接 page.
 */
export async function unitReplyPage(stack: LocalStack): Promise<{ row: Row; url: string }> {
  const row = (await tabRows(stack, TAB_NAMES.ledger)).find(
    (r) =>
      ["办理中", "即将到期", "已逾期"].includes(r.台账状态 ?? "") &&
      !r.答复日期 &&
      !r.二次交办日期 &&
      r.主办单位,
  );
  if (!row) throw new Error("the demo has no suggestion waiting for a reply");
  const issued = await stack.api("/links/issue", {
    method: "POST",
    body: new URLSearchParams({ kind: "unit", recipient: row.主办单位 ?? "", scope: "act" }),
  });
  const html = await issued.text();
  const link = /(http:\/\/127\.0\.0\.1:\d+\/l\/[A-Za-z0-9_.-]+)/.exec(html)?.[1];
  if (!link) throw new Error(`no link issued (${issued.status}):\n${html.slice(0, 2000)}`);
  return { row, url: `${link}/s/${encodeURIComponent(row.编号 ?? "")}` };
}
