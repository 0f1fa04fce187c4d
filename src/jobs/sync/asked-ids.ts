import type { IdIndex } from "../../domain/evaluate-chunk";

/**
 * The 编号 a check asked the ledger about, split by the answer it got. A check that reads the
 * ledger only through `knownId` finds the same problems again on the same input whenever every
 * one of these gets the same answer: the ledger's other 编号 cannot change them.
 */
export interface AskedIds {
  readonly known: string[];
  readonly unknown: string[];
}

/** A `knownId` over `ids` that notes every 编号 it is asked about (see AskedIds). */
export function recordingKnownId(ids: IdIndex): { knownId: (id: string) => boolean; asked: () => AskedIds } {
  const known = new Set<string>();
  const unknown = new Set<string>();
  return {
    knownId(id) {
      const found = Object.hasOwn(ids, id);
      (found ? known : unknown).add(id);
      return found;
    },
    asked: () => ({ known: [...known], unknown: [...unknown] }),
  };
}

/** Whether `ids` answers every 编号 of `asked` as the ledger did when they were asked. */
export function answersAsBefore(asked: AskedIds, ids: IdIndex): boolean {
  return (
    asked.known.every((id) => Object.hasOwn(ids, id)) && !asked.unknown.some((id) => Object.hasOwn(ids, id))
  );
}
