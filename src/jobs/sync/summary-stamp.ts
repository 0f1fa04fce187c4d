/** The stamp of the stored summary (META_SUMMARY): what pages read first, the finish and the steps after it compare. */
export interface SummaryStamp {
  today?: string;
  timeZone?: string;
  at?: string;
  version?: string;
  /** Problems the last finish listed in 校验问题. */
  problems?: number;
  /** How many of them are 错误 (the overview counts them; absent from a stamp an older build wrote). */
  errors?: number;
  /** Digest of their JSON as stored (META_SYNC_PROBLEMS), to tell a change without reading them. */
  problemsDigest?: string;
  /** Digest of the stored parts' versions (SummaryStore.versions) the finish added up. */
  partsDigest?: string;
  /** Digest of what else it worked from (finishInputs). */
  inputsDigest?: string;
  /**
   * The 主办单位 typed that are no unit of 承办单位 (an 错误 each): pages show them as marked text,
   * not as links to a unit page that does not exist, without reading 承办单位 themselves. Absent from
   * a stamp an older build wrote (every name links, as then).
   */
  misnamedUnits?: string[];
}

export function parseStamp(raw: string | null | undefined): SummaryStamp {
  return raw ? (JSON.parse(raw) as SummaryStamp) : {};
}
