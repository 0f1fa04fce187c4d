import type { StaffIdentity } from "./auth";

/** Who did something on the dashboard, as the history shows it: the Access e-mail, or 管理令牌. */
export function staffLabel(staff: StaffIdentity | undefined): string {
  return staff?.email ?? "管理令牌";
}
