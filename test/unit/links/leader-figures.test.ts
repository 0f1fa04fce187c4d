import { describe, expect, it } from "vitest";
import {
  leaderFiguresOf,
  leaderFiguresText,
  replyOutcomeText,
} from "../../../src/domain/links/leader-figures";
import { leaderRows, TODAY } from "./leader-rows";

const outcome = (id: string) => replyOutcomeText(leaderRows().find((m) => m.row.id === id)?.row as never);

describe("how a leader's answered suggestion went", () => {
  it("says the latest round's reply against its limit and the deputy's rating", () => {
    expect(outcome("2026-401")).toBe("逾期 8 天答复 · 基本满意");
    expect(outcome("2026-402")).toBe("按期答复 · 待测评");
    expect(outcome("2026-403")).toBe("按期答复 · 不满意");
    expect(outcome("2026-404")).toBe("按期二次答复 · 满意");
    expect(outcome("2026-405")).toBeNull();
  });
});

describe("a leader's figures", () => {
  it("count round-1 replies on time and late, 满意率 on the latest rating, 待测评", () => {
    const figures = leaderFiguresOf(
      leaderRows().map((m) => m.row),
      TODAY,
    );
    expect(leaderFiguresText(figures)).toBe(
      "已答复 4 件（按期 3 件，逾期 1 件），满意率 66.7%（已测评 3 件），待测评 1 件",
    );
  });

  it("say only the parts that have data", () => {
    const figures = leaderFiguresOf(
      leaderRows()
        .map((m) => m.row)
        .filter((r) => r.id === "2026-402" || r.id === "2026-405"),
      TODAY,
    );
    expect(leaderFiguresText(figures)).toBe("已答复 1 件（按期 1 件），待测评 1 件");
    const none = leaderFiguresOf(
      leaderRows()
        .map((m) => m.row)
        .filter((r) => r.id === "2026-405"),
      TODAY,
    );
    expect(leaderFiguresText(none)).toBe("");
  });
});
