import { type PartShares, SHARE_GROUPS } from "../../src/domain/figures/part-figures";

/** A stored part's share for store tests that do not add figures up: every group empty, of no build's format. */
export const NO_SHARES: PartShares = {
  format: 0,
  groups: Object.fromEntries(SHARE_GROUPS.map((group) => [group, "{}"])) as PartShares["groups"],
};
