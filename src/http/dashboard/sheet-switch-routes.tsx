import { Hono } from "hono";
import type { AppEnv } from "../../app";
import { createDeps } from "../../deps";
import { shortSheetId } from "../../domain/sync/switched-sheet";
import { confirmSwitch, pendingSwitch } from "../../jobs/sync/sheet-switch";
import { actorOf } from "../actor";
import { HttpError } from "../errors";
import { SHEET_SWITCH_PATH, sendPage } from "./layout";
import { loadFrame } from "./load-view";
import { SheetSwitchPage } from "./sheet-switch-page";

/**
 * 确认改用新表格, offered by the banner while the sync holds for a changed SPREADSHEET_ID: the page,
 * then the POST (behind the staff gate and the same-origin check, as every dashboard form).
 */
export const sheetSwitchRoutes = new Hono<AppEnv>()
  .get(SHEET_SWITCH_PATH, async (c) => {
    const base = await loadFrame(c);
    const switched = await pendingSwitch(base.deps.meta, base.deps.config.spreadsheetId);
    const confirmed = c.req.query("confirmed") === "1";
    return sendPage(c, <SheetSwitchPage switched={switched} confirmed={confirmed} frame={base.frame} />);
  })
  .post(SHEET_SWITCH_PATH, async (c) => {
    const form = await c.req.parseBody();
    const seen = typeof form.to === "string" ? form.to : "";
    const deps = createDeps(c.env);
    const configured = deps.config.spreadsheetId;
    const at = new Date().toISOString();
    const result = await confirmSwitch(deps, configured, seen, at, actorOf(c).label);
    if (!result.ok && result.reason === "none")
      throw new HttpError(
        409,
        "no_sheet_switch",
        "现在没有待确认的表格更换（已经确认过，或 SPREADSHEET_ID 已改回原表格）：无需再确认",
      );
    if (!result.ok)
      throw new HttpError(
        409,
        "sheet_switch_changed",
        `SPREADSHEET_ID 现在是 ${shortSheetId(configured)}，与页面上确认的不同：请重新打开“确认改用新表格”页面核对后再确认`,
      );
    return c.redirect(`${SHEET_SWITCH_PATH}?confirmed=1`, 303);
  });
