/**
 * The spreadsheet owner: who the static token and a person editing through hooks or the page act
 * as. Google lists the creator of a protected range among its editors by e-mail address, so the
 * owner needs one too.
 */
export const OWNER_EMAIL = "owner@sheets-emulator.local";

/** Who is calling and what the call did, threaded through every handler. */
export interface CallContext {
  /** The token's account e-mail (a service account's client_email, or OWNER_EMAIL for the static token). */
  user: string;
  /** Owners bypass hard protection: the static token (local use) and hook actions (a person editing). */
  isOwner: boolean;
  nowMs: number;
  stats: { cellsWritten: number };
}

export function ownerContext(nowMs: number): CallContext {
  return { user: OWNER_EMAIL, isOwner: true, nowMs, stats: { cellsWritten: 0 } };
}
