/**
 * What the last finish that compared the snapshots with the sheet left: "digest:count", the digest
 * of the sheet's 编号 it compared and how many snapshots were present after; "" while one marks
 * vanished suggestions (see markVanished in mark-vanished.ts).
 */
export const META_PRESENT = "present_snapshots";

/**
 * How many suggestions were present after the last finish, from its META_PRESENT entry: the plan
 * reads it with its other small values instead of counting in D1. 0 when there is none (a new
 * office) or a finish stopped while marking.
 */
export function presentCountOf(entry: string | undefined): number {
  if (!entry) return 0;
  const count = Number(entry.slice(entry.lastIndexOf(":") + 1));
  return Number.isFinite(count) && count > 0 ? count : 0;
}
