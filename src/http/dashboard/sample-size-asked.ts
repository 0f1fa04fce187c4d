import type { StoredSample } from "../../store/samples";

/** "30%" or "37 件" as the sample was asked for: the list of samples and each sample's page show it. */
export function sizeAskedText(s: Pick<StoredSample, "mode" | "amount">): string {
  return s.mode === "share" ? `${s.amount}%` : `${s.amount} 件`;
}
