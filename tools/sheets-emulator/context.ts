/** Who is calling and what the call did, threaded through every handler. */
export interface CallContext {
  /** The token's service-account email, or "static" for the static token. */
  user: string;
  /** Owners bypass hard protection: the static token (local use) and hook actions (a person editing). */
  isOwner: boolean;
  nowMs: number;
  stats: { cellsWritten: number };
}

export function ownerContext(nowMs: number): CallContext {
  return { user: "owner", isOwner: true, nowMs, stats: { cellsWritten: 0 } };
}
