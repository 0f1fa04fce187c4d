import { describe, expect, it } from "vitest";
import { planRelinkNotices } from "../../../src/domain/links/relink-notices";
import { evaluateAt } from "../notices/helpers";

const TODAY = "2026-05-20";
const FP = "0123456789abcdef";
const evaluation = evaluateAt([], TODAY);

describe("planRelinkNotices: a 链接更换通知 per holder of links stopped by a new LINK_SECRET", () => {
  it("goes through every channel the holder's tab gives, keyed by the day, the link's kind and the secret", () => {
    const plan = planRelinkNotices(
      [
        { kind: "unit", name: "区民政局" },
        { kind: "deputy", name: "张明" },
      ],
      { evaluation, today: TODAY, secretFingerprint: FP },
    );
    expect(plan.notices.map((n) => [n.recipient, n.channel])).toEqual([
      ["区民政局", "email"],
      ["区民政局", "webhook"],
      ["张明", "email"],
    ]);
    expect(plan.notices[2]?.key).toBe(`链接更换通知||r0|${TODAY}@deputy@${FP}|张明|email`);
    expect(plan.notices[2]?.body).toBe(
      "张明：代表工委已更换个人链接的密钥，您此前收到的链接已停用，打开时会显示“链接已更换”。新的专属链接：⟦个人链接⟧",
    );
    const again = planRelinkNotices([{ kind: "deputy", name: "张明" }], {
      evaluation,
      today: TODAY,
      secretFingerprint: "fedcba9876543210",
    });
    expect(again.notices[0]?.key).not.toBe(plan.notices[2]?.key);
  });

  it("names whom it cannot reach and what to fix, in Chinese", () => {
    const plan = planRelinkNotices(
      [
        { kind: "unit", name: "区水利局" },
        { kind: "deputy", name: "钱七" },
        { kind: "leader", name: "孙八" },
      ],
      { evaluation, today: TODAY, secretFingerprint: FP },
    );
    expect(plan.notices).toEqual([]);
    expect(plan.disabled).toBe(false);
    expect(plan.unreachable.map((u) => `${u.holder.name}${u.reason}`)).toEqual([
      "区水利局在『承办单位』表中没有可用的通知渠道：请补上通知渠道，或用“签发新链接”签发后自行转发",
      "钱七不在『代表』表中：请补上通知渠道，或用“签发新链接”签发后自行转发",
      "孙八在『领导』表和『代表』表中都没有可用的通知渠道：请补上通知渠道，或用“签发新链接”签发后自行转发",
    ]);
  });

  it("plans nothing when 通知模板 turns 链接更换通知 off", () => {
    const off = evaluateAt([], TODAY, [], [["链接更换通知", "", "个人链接已更换", "{{接收方}}", "否"]]);
    const plan = planRelinkNotices([{ kind: "deputy", name: "张明" }], {
      evaluation: off,
      today: TODAY,
      secretFingerprint: FP,
    });
    expect(plan.notices).toEqual([]);
    expect(plan.disabled).toBe(true);
  });
});
