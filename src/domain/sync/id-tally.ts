import type { IdIndex } from "../evaluate-chunk";

/**
 * A multiset of 编号 in three numbers: how many, and two 32-bit sums of each one's hash. The sums
 * do not depend on order, so the finish compares what the chunks saw with what the plan saw by
 * adding up a tally per chunk, not by counting 2,000 编号 again. Two different multisets tally
 * alike about once in 2^64.
 */
export type IdTally = readonly [count: number, sum1: number, sum2: number];

/** Two independent 32-bit hashes of a 编号 (cyrb53's lanes, each mixed to its end). */
function hashPair(id: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Each occurrence of each 编号 counted (a 编号 on two rows, twice). */
export function tallyIds(ids: readonly string[]): IdTally {
  let sum1 = 0;
  let sum2 = 0;
  for (const id of ids) {
    const [a, b] = hashPair(id);
    sum1 = (sum1 + a) >>> 0;
    sum2 = (sum2 + b) >>> 0;
  }
  return [ids.length, sum1, sum2];
}

/** The plan's 编号, each as many times as rows hold it. */
export function tallyIndex(index: IdIndex): IdTally {
  let count = 0;
  let sum1 = 0;
  let sum2 = 0;
  // for…in: no [key, value] pair allocated per 编号 (the index has no prototype).
  for (const id in index) {
    const times = index[id]?.rows.length ?? 0;
    const [a, b] = hashPair(id);
    count += times;
    sum1 = (sum1 + Math.imul(a, times)) >>> 0;
    sum2 = (sum2 + Math.imul(b, times)) >>> 0;
  }
  return [count, sum1, sum2];
}

export function addTallies(tallies: readonly IdTally[]): IdTally {
  let [count, sum1, sum2] = [0, 0, 0];
  for (const [c, a, b] of tallies) {
    count += c;
    sum1 = (sum1 + a) >>> 0;
    sum2 = (sum2 + b) >>> 0;
  }
  return [count, sum1, sum2];
}

export function sameTally(a: IdTally, b: IdTally): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}
