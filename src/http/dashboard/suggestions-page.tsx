import type { FC } from "hono/jsx";
import { LEDGER_STATUSES } from "../../../sheets-schema/enums";
import type { SuggestionRef } from "../../domain/dashboard/suggestion-ref";
import { Layout, type PageFrame } from "./layout";
import { Card, SuggestionTable } from "./ui";

/** GET /suggestions: every suggestion, or those of one 台账状态. */
export const SuggestionsPage: FC<{
  refs: readonly SuggestionRef[];
  status: string | null;
  frame: PageFrame;
}> = ({ refs, status, frame }) => (
  <Layout title="建议" nav="suggestions" frame={frame}>
    <h1>{status ? `建议 · ${status}` : "全部建议"}</h1>
    <form class="actions" method="get" action="/suggestions">
      <select name="status" aria-label="台账状态">
        <option value="">全部状态</option>
        {LEDGER_STATUSES.map((s) => (
          <option value={s} selected={s === status}>
            {s}
          </option>
        ))}
      </select>
      <button type="submit">筛选</button>
    </form>
    <Card title={`${refs.length} 件`}>
      <SuggestionTable
        refs={refs}
        columns={["deputy", "unit", "status", "due", "days"]}
        empty="没有符合条件的建议。"
      />
    </Card>
  </Layout>
);
