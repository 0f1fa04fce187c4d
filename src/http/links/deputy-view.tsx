import type { FC } from "hono/jsx";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { contactLine, type DeputyContact, deputyContacts } from "../../domain/links/deputy-view";
import { buildPracticeIndex } from "../../domain/practice/practice-index";
import type { LinkContext } from "./link-context";

/**
 * The units' contacts with the deputy about her suggestion (沟通记录), as the last sync cached the
 * tab: one indexed D1 read of that tab's rows of the suggestion, as a unit's page reads its practice
 * tabs. null when the sheet keeps no 『沟通记录』 (nothing to say either way).
 */
export async function loadDeputyContacts(
  ctx: Pick<LinkContext, "deps" | "view">,
  id: string,
): Promise<readonly DeputyContact[] | null> {
  if (!id) return null;
  const tabs = await ctx.deps.tabCache.loadRowsOf([TAB_NAMES.contacts], [id]);
  const index = buildPracticeIndex(tabs, new Set([id]), ctx.view.evaluation.units);
  return index.contacts.available ? deputyContacts(index, id) : null;
}

/** 期限说明 folded behind 期限怎么算: the reckoning (民法典, 放假安排, 暂按…) is there for who asks. */
export const DeadlineFold: FC<{ explanation: string }> = ({ explanation }) => (
  <details class="lk-fold small">
    <summary>期限怎么算</summary>
    <p class="pre">{explanation}</p>
  </details>
);

/**
 * The 三沟通 the units recorded with the deputy: 日期 · 阶段 · 方式 · 单位 only (内容, 参加人员 and
 * 代表意见 are the unit's and the office's record). Once the suggestion was assigned.
 */
export const DeputyContacts: FC<{ contacts: readonly DeputyContact[] }> = ({ contacts }) => (
  <section class="card">
    <h2>承办单位与代表的沟通</h2>
    {contacts.length === 0 ? (
      <p class="muted small">承办单位尚未记录与代表的沟通（办前联系、办中沟通、办后回访）。</p>
    ) : (
      <ul class="lk-list">
        {contacts.map((c) => (
          <li class="lk-item small">{contactLine(c)}</li>
        ))}
      </ul>
    )}
    <p class="hint">以上为代表工委表格中的记录，每 10 分钟同步一次；与实际不符的，请联系代表工委。</p>
  </section>
);
