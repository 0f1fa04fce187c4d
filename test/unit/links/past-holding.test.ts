import { describe, expect, it } from "vitest";
import { noLongerHeld, type PastRecords } from "../../../src/domain/links/past-holding";

const present = (cells: Record<string, string>) => ({ staffValues: cells, removedAt: null });
const none: PastRecords = { lastSeen: null, changes: [], objections: [] };

describe("what a unit's link says of a suggestion it no longer holds", () => {
  it("says nothing more of one the unit never held, existing or not", () => {
    expect(noLongerHeld("2026-003", "unit", "区住建局", none)).toBeNull();
    const other = { ...none, lastSeen: present({ 主办单位: "区卫健委", 协办单位: "区教育局、区民政局" }) };
    expect(noLongerHeld("2026-003", "unit", "区住建局", other)).toBeNull();
    const gone = { ...other, lastSeen: { ...other.lastSeen, removedAt: "2026-05-01T00:00:00Z" } };
    expect(noLongerHeld("2026-003", "unit", "区住建局", gone)).toBeNull();
  });

  it("a vanished one the sheet last named the unit on (a 协办单位 in a list, written with full-width parentheses): 410", () => {
    const past = {
      ...none,
      lastSeen: {
        staffValues: { 主办单位: "区教育局", 协办单位: "区民政局、区住建局（人防办）" },
        removedAt: "2026-05-01T00:00:00Z",
      },
    };
    expect(noLongerHeld("2026-056", "unit", "区住建局(人防办)", past)).toEqual({
      status: 410,
      code: "not_in_ledger",
      message: "编号 2026-056 的建议已不在台账中（可能已被删除或改了编号），如有疑问请联系代表工委。",
    });
  });

  it("one whose 主办单位 changed from the unit: 403, saying so; after the unit's upheld objection, naming it", () => {
    const past: PastRecords = {
      lastSeen: present({ 主办单位: "区卫健委" }),
      changes: [{ column: "主办单位", oldValue: "区水利局", newValue: "区卫健委" }],
      objections: [],
    };
    expect(noLongerHeld("2026-056", "unit", "区水利局", past)?.message).toBe(
      "编号 2026-056 的建议已改由其他单位办理，本单位无需再办理；如有疑问请联系代表工委。",
    );
    const objected = { ...past, objections: [{ unit: "区水利局", decision: "reassigned" as const }] };
    expect(noLongerHeld("2026-056", "unit", "区水利局", objected)).toEqual({
      status: 403,
      code: "not_yours",
      message: "编号 2026-056 的建议已改由其他单位办理（交办异议已同意），本单位无需再办理。",
    });
    // Another unit's objection to the same suggestion says nothing of this one.
    const theirs = { ...past, objections: [{ unit: "区民政局", decision: "reassigned" as const }] };
    expect(noLongerHeld("2026-056", "unit", "区水利局", theirs)?.message).not.toContain("交办异议");
  });

  it("one the sheet still names the unit on (its 交办日期 cleared, say) is not said to have gone elsewhere", () => {
    const past = { ...none, lastSeen: present({ 主办单位: "区水利局" }) };
    expect(noLongerHeld("2026-056", "unit", "区水利局", past)).toBeNull();
  });
});

describe("what a deputy's or a leader's link says of a suggestion no longer theirs", () => {
  it("a vanished one the deputy co-signed: 410, as a unit's; one never theirs: nothing more", () => {
    const vanished = {
      ...none,
      lastSeen: {
        staffValues: { 领衔代表: "张明", 附议代表: "李华、王伟(北关)" },
        removedAt: "2026-05-01T00:00:00Z",
      },
    };
    expect(noLongerHeld("2026-056", "deputy", "王伟（北关）", vanished)?.status).toBe(410);
    expect(noLongerHeld("2026-056", "deputy", "赵敏", vanished)).toBeNull();
  });

  it("a leader taken off 领办领导: 403, saying which cell changed and who holds it now (not that units handle it)", () => {
    const past: PastRecords = {
      lastSeen: present({ 督办领导: "王书记", 领办领导: "" }),
      changes: [{ column: "领办领导", oldValue: "刘区长、张副区长", newValue: "" }],
      objections: [],
    };
    expect(noLongerHeld("2026-003", "leader", "刘区长", past)).toEqual({
      status: 403,
      code: "handling_leader_changed",
      message:
        "编号 2026-003 的建议已调整领办领导，台账中暂未填写领办领导；您不再是该建议的领办领导，不会再收到它的催办和通知。如有疑问，请联系代表工委。",
    });
    expect(noLongerHeld("2026-003", "leader", "王书记", past)).toBeNull();
  });

  it("a 督办领导 replaced by another: names the one who supervises it now", () => {
    const past: PastRecords = {
      lastSeen: present({ 督办领导: "张卫东副区长", 领办领导: "" }),
      changes: [{ column: "督办领导", oldValue: "刘振华主任", newValue: "张卫东副区长" }],
      objections: [],
    };
    expect(noLongerHeld("2026-003", "leader", "刘振华主任", past)).toEqual({
      status: 403,
      code: "supervisor_changed",
      message:
        "编号 2026-003 的建议已调整督办领导，现由张卫东副区长督办；您不再是该建议的督办领导，不会再收到它的催办和通知。如有疑问，请联系代表工委。",
    });
  });

  it("a leader taken off both cells: both named, who holds each now", () => {
    const past: PastRecords = {
      lastSeen: present({ 督办领导: "王书记", 领办领导: "李副区长" }),
      changes: [
        { column: "督办领导", oldValue: "刘区长", newValue: "王书记" },
        { column: "领办领导", oldValue: "刘区长", newValue: "李副区长" },
      ],
      objections: [],
    };
    expect(noLongerHeld("2026-003", "leader", "刘区长", past)).toMatchObject({
      code: "leaders_changed",
      message:
        "编号 2026-003 的建议已调整督办领导、领办领导，现由王书记督办、李副区长领办；您不再是该建议的督办领导、领办领导，不会再收到它的催办和通知。如有疑问，请联系代表工委。",
    });
  });
});
