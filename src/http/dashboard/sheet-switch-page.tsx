import type { FC } from "hono/jsx";
import {
  CONFIRM_SWITCH_LABEL,
  SHEET_SWITCH_FIX,
  type SheetSwitch,
  sheetSwitchSeen,
} from "../../domain/sync/switched-sheet";
import { Layout, type PageFrame, SHEET_SWITCH_PATH } from "./layout";
import { Card } from "./ui";

/**
 * 确认改用新表格: the spreadsheet D1's history is of and the one SPREADSHEET_ID names now, whole (to
 * compare with the address bar), what each way on does, and the button; while the sync holds for
 * it only. `confirmed`: the page after the button.
 */
export const SheetSwitchPage: FC<{
  switched: SheetSwitch | null;
  confirmed: boolean;
  frame: PageFrame;
}> = ({ switched, confirmed, frame }) => (
  <Layout title={CONFIRM_SWITCH_LABEL} nav="none" frame={frame}>
    <h1>{CONFIRM_SWITCH_LABEL}</h1>
    {switched ? (
      <>
        <Card title={`${sheetSwitchSeen(switched)}，同步已暂停`}>
          <dl class="fields">
            <dt>原表格（系统里的建议历史来自它）</dt>
            <dd>
              <code>{switched.from}</code>
            </dd>
            <dt>新表格（现在的 SPREADSHEET_ID）</dt>
            <dd>
              <code>{switched.to}</code>
            </dd>
          </dl>
          <p>
            表格的 ID 是其网址中 /d/ 与 /edit
            之间的一段。在确认之前，同步不读取也不写入新表格，页面、统计和提醒沿用原表格上次同步的数据。
            {SHEET_SWITCH_FIX}。
          </p>
        </Card>
        <form method="post" action={SHEET_SWITCH_PATH} class="actions">
          <input type="hidden" name="to" value={switched.to} />
          <p>
            确认后，下次同步（每 10
            分钟一次）起读取新表格，沿用原有的建议历史：新表格中编号相同的行就是原来的建议。
            新表格中没有的编号会记为消失。此操作记入系统的修改记录。
          </p>
          <button type="submit">{CONFIRM_SWITCH_LABEL}</button> <a href="/">取消</a>
        </form>
      </>
    ) : (
      <div class="alert ok">
        {confirmed
          ? "已确认改用新表格：下次同步（每 10 分钟一次）起照常读取新表格。"
          : "现在没有待确认的表格更换：同步读取的就是系统记录的表格。"}
      </div>
    )}
  </Layout>
);
