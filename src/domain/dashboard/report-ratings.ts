import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { formatRate, type StatisticsRow } from "../statistics";

/** What the year report adds to a line of the statistics (practice.md, Year-end report). */
export interface RatingFigures {
  /** Suggestions with a rating in their latest round (满意率's denominator). */
  readonly rated: number;
  readonly satisfied: number;
  readonly basicallySatisfied: number;
  readonly unsatisfied: number;
  /** 满意 ÷ rated and 基本满意 ÷ rated: the two halves of 满意率, shown apart. */
  readonly satisfiedShare: string;
  readonly basicallySatisfiedShare: string;
  /** Replies of class A, or B now 已落实 (the latest round's class). */
  readonly solved: number;
  /** 解决率 = solved ÷ 已答复 (round-1 replies, as the statistics count them). */
  readonly solveRate: string;
  /**
   * Those with no 交办日期 and no reply (台账状态 待交办): counted in 承办件数 with no 办理期限 yet, so
   * not within one either (pendingRounds). Absent from a report stored by an older build.
   */
  readonly awaitingAssignment?: number;
}

/** A line of the report: the statistics of ledger.md plus the report's own figures. */
export type ReportLine = StatisticsRow & RatingFigures;

type RatingFields = Pick<
  LedgerRecord,
  | "assignedOn"
  | "repliedOn"
  | "replyClass"
  | "secondRepliedOn"
  | "secondReplyClass"
  | "rating"
  | "secondRating"
> &
  Partial<Pick<LedgerRecord, "implementation">>;

/** A RatingTally's counts as a part's figures store them (plain JSON): see `counts`. */
export type RatingCounts = readonly number[];

/** Sums the report's figures of one group; `add` each counted suggestion (立案 with a 主办单位). */
export class RatingTally {
  private rated = 0;
  private satisfied = 0;
  private basic = 0;
  private unsatisfied = 0;
  private replied = 0;
  private solved = 0;
  private awaiting = 0;

  add(record: RatingFields): void {
    // The latest round's rating and class, as 满意率 reads the rating: a second round replaces the first.
    const rating = record.secondRating ?? record.rating;
    if (rating) this.rated += 1;
    if (rating === "满意") this.satisfied += 1;
    else if (rating === "基本满意") this.basic += 1;
    else if (rating === "不满意") this.unsatisfied += 1;
    if (!record.repliedOn) {
      if (!record.assignedOn) this.awaiting += 1;
      return;
    }
    this.replied += 1;
    const replyClass =
      record.secondRepliedOn && record.secondReplyClass ? record.secondReplyClass : record.replyClass;
    if (replyClass === "A" || (replyClass === "B" && record.implementation === "已落实")) this.solved += 1;
  }

  /** rated, 满意, 基本满意, 不满意, replied, solved, 待交办 (last: a part stored before it reads 0). */
  counts(): RatingCounts {
    return [
      this.rated,
      this.satisfied,
      this.basic,
      this.unsatisfied,
      this.replied,
      this.solved,
      this.awaiting,
    ];
  }

  /** Adds another tally's counts (another part's rows): the same as adding its suggestions one by one. */
  addCounts(counts: RatingCounts): void {
    const [rated = 0, satisfied = 0, basic = 0, unsatisfied = 0, replied = 0, solved = 0, awaiting = 0] =
      counts;
    this.rated += rated;
    this.satisfied += satisfied;
    this.basic += basic;
    this.unsatisfied += unsatisfied;
    this.replied += replied;
    this.solved += solved;
    this.awaiting += awaiting;
  }

  figures(): RatingFigures {
    return {
      rated: this.rated,
      satisfied: this.satisfied,
      basicallySatisfied: this.basic,
      unsatisfied: this.unsatisfied,
      satisfiedShare: formatRate(this.satisfied, this.rated),
      basicallySatisfiedShare: formatRate(this.basic, this.rated),
      solved: this.solved,
      solveRate: formatRate(this.solved, this.replied),
      awaitingAssignment: this.awaiting,
    };
  }
}

/** Groups of tallies by a key, each made on first use. */
export class RatingGroups {
  private readonly groups = new Map<string, RatingTally>();

  of(key: string): RatingTally {
    let tally = this.groups.get(key);
    if (!tally) {
      tally = new RatingTally();
      this.groups.set(key, tally);
    }
    return tally;
  }

  /** Each group's counts by key, in the order first used (a part's share). */
  counts(): [key: string, counts: RatingCounts][] {
    return [...this.groups].map(([key, tally]) => [key, tally.counts()]);
  }

  /** A statistics line joined with its group's figures (zeros when the group counted nothing). */
  line(row: StatisticsRow, key: string): ReportLine {
    return { ...row, ...(this.groups.get(key) ?? new RatingTally()).figures() };
  }
}
