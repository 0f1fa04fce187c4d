import type { Capability } from "../../domain/links/capability";
import type { RecipientRow } from "../../domain/links/recipient-rows";

/** What a leader does with the listed suggestions: 督办, 领办 (practice.md 领导 类型), or both. */
export function leaderRole(mine: readonly RecipientRow[]): string {
  const supervises = mine.some((m) => m.relation === "supervisor");
  const leads = mine.some((m) => m.relation === "handling");
  if (supervises && leads) return "督办、领办";
  return leads ? "领办" : "督办";
}

/**
 * What a link's page is for, as its intro says (可…). A leader's follows the page's title
 * (领办的建议 for a 领办领导), so a 领办领导 is not told of 督办 suggestions he or she has none of.
 * A read-only link (its banner adds 本链接只能查看) is offered only what it can do: viewing.
 */
export function linkPurpose(
  kind: Capability["kind"],
  mine: readonly RecipientRow[],
  readOnly = false,
): string {
  if (kind === "unit")
    return readOnly
      ? "查看本单位主办、协办的代表建议和答复"
      : "查看本单位主办、协办的代表建议，在线答复并上传答复函";
  if (kind === "deputy")
    return readOnly ? "查看建议的办理进展和答复" : "提出建议、查看办理进展和答复、对答复进行测评";
  return `查看${leaderRole(mine)}建议的办理情况${readOnly ? "" : "并一键催办"}`;
}
