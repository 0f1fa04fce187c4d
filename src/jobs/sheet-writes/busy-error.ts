/** Another job is writing the sheet right now: try again shortly (queues retry, crons run again). */
export class BusyError extends Error {
  override name = "BusyError";
  readonly retryable = true;
}
