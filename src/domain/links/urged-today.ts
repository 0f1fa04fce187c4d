import { URGED } from "../dashboard/timeline";
import type { FieldChange } from "../sync/plan-history";
import { KIND_LABELS } from "./capability";

/**
 * When the leader already pressed 催办 on a suggestion today: the local time ("HH:mm") of the
 * press, or null. A press is in the suggestion's history as the 催办 line urgeFromLink records,
 * once a day for each leader (a second press that day sends nothing and records nothing), named by
 * the leader's links (any of them: a day's notice is the leader's, not one link's).
 * `localTime`: an instant's "YYYY-MM-DD HH:mm" in the office's time zone.
 */
export function urgedToday(
  history: readonly (Pick<FieldChange, "column" | "source" | "actor"> & { readonly seenAt: string })[],
  leader: string,
  today: string,
  localTime: (iso: string) => string,
): string | null {
  const by = `${KIND_LABELS.leader} ${leader} · `;
  for (let i = history.length - 1; i >= 0; i--) {
    const change = history[i];
    if (!change || change.column !== URGED || change.source !== "link" || !change.actor?.startsWith(by))
      continue;
    const at = localTime(change.seenAt);
    if (at.startsWith(`${today} `)) return at.slice(today.length + 1);
  }
  return null;
}
