import { type SheetsError, SheetsNetworkError } from "../../sheets/client";

/**
 * Said wherever a write Google's side kept failing is left for the next run: there is nothing in
 * the sheet to mend, and staff would otherwise look for a merged cell or a sort that is not there.
 */
export const NOTHING_TO_CHECK = "表格本身没有问题，无需检查";

/**
 * What failed at Google, in staff's words: the connection to it, its per-minute limit, or the
 * service itself (with the HTTP status, for whoever has to look further).
 */
export function serviceFailureText(error: SheetsError): string {
  if (error instanceof SheetsNetworkError) return "连不上 Google 表格（网络出错）";
  if (error.httpStatus === 429) return "Google 表格调用已达每分钟上限（HTTP 429）";
  return `Google 表格服务暂时出错（HTTP ${error.httpStatus}）`;
}
