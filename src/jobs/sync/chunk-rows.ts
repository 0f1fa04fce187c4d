/**
 * Rows per sync chunk, and so per stored summary part and per daily-notices step: each is one
 * invocation with 10 ms of CPU on the Free plan (bench/free-plan.ts).
 */
export const CHUNK_ROWS = 100;
