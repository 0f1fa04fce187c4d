import { describe, expect, it } from "vitest";
import { withPersonalLink } from "../../../src/domain/links/notice-link";
import { planAt } from "./helpers";

/**
 * The 受理回执 promises only what happens (ledger.md's notice table): the deputy is sent no 交办 or
 * 二次交办 notice, so it does not say progress will be told as it comes; her own page (the link line
 * under the receipt) shows it any time, and the 答复告知 tells her of the reply.
 */
const ARRIVAL = {
  suggestionId: "2026-009",
  receivedOn: "2026-03-03",
  cells: { 领衔代表: "李华", 标题: "关于增设公交站点的建议" },
};

/** The built-in 受理回执 up to the 民意 sections, as offices provisioned before this change hold it. */
const PROVISIONED_BODY =
  "{{接收方}}代表：{{#民意转化}}您在代表联络站接待选民时收到的意见，已转化为由您领衔的建议《{{标题}}》，编号 {{编号}}。{{/民意转化}}{{^民意转化}}您领衔提出的建议《{{标题}}》已收到，编号 {{编号}}。{{/民意转化}}我们将及时审查并交有关单位办理，办理进展会陆续告知您。";
const PROVISIONED_TITLE =
  "{{#民意转化}}民意已转化为建议{{/民意转化}}{{^民意转化}}建议已收到{{/民意转化}}：{{标题}}";

const TOLD =
  "李华代表：您领衔提出的建议《关于增设公交站点的建议》已收到，编号 2026-009。我们将及时审查并交有关单位办理。办理进展可随时在下方的专属页面查看；承办单位答复后，我们会通知您。";

function receiptBody(templates: unknown[][] = []): string | undefined {
  const plan = planAt([], "2026-03-03", { arrivals: [ARRIVAL], templates });
  return plan.notices.find((n) => n.type === "受理回执")?.body;
}

describe("受理回执 tells the deputy how she follows her suggestion", () => {
  it("points to her page for progress and promises the reply, not progress notices she never gets", () => {
    const body = receiptBody();
    expect(body).toBe(TOLD);
    expect(body).not.toContain("陆续告知");
    // “下方的专属页面”: the deputy's link goes under the receipt as under every notice to her.
    const link = {
      kind: "deputy",
      recipient: "李华",
      url: "https://jianyi.test/l/t/s/2026-009",
      lastDay: "2026-08-30",
    } as const;
    expect(withPersonalLink("", body ?? "", link, null).body).toBe(
      `${TOLD}\n\n专属页面（查看办理进展和答复、测评、提出新建议；仅供李华使用，请勿转发，有效期至2026年8月30日）：${link.url}`,
    );
  });

  it("gives a sheet holding the earlier built-in text, unedited, the new words", () => {
    expect(receiptBody([["受理回执", "", PROVISIONED_TITLE, PROVISIONED_BODY, "是"]])).toBe(TOLD);
  });

  it("keeps an office's own receipt as staff wrote it", () => {
    const own = [
      ["受理回执", "", "收到：{{标题}}", "{{接收方}}代表：{{编号}}已收到，办理进展会陆续告知您。", "是"],
    ];
    expect(receiptBody(own)).toBe("李华代表：2026-009已收到，办理进展会陆续告知您。");
  });
});
