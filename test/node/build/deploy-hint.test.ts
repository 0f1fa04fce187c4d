import { describe, expect, it } from "vitest";
import { uploadFailureHint } from "../../../tools/deploy-hint";

// wrangler 4's output as recorded on this machine (no connection) and as reported for a refused token.
const NO_CONNECTION = `▲ [WARNING] A fetch request failed, likely due to a connectivity issue.
  Common causes:
    - No internet connection or network connectivity problems
✘ [ERROR] fetch failed`;
const REFUSED_TOKEN = `✘ [ERROR] A request to the Cloudflare API (/accounts/0123/workers/services/jianyi) failed.
  Authentication error [code: 10000]`;
const DOCTOR = "- 运行 npm run doctor：它逐项检查 wrangler.toml、密钥和 D1 迁移，并用中文说明要改什么";

describe("what npm run deploy says after a failed upload", () => {
  it("names a missing connection to Cloudflare, and nothing about logging in", () => {
    const lines = uploadFailureHint(NO_CONNECTION);
    expect(lines[0]).toBe("上传没有成功（原因见上面 wrangler 的英文报错）：");
    expect(lines).toContain(
      "- 连不上 Cloudflare：检查这台电脑的网络和代理后再运行一次（docs/deploy.md 第 15 节说明了在中国大陆的情况）",
    );
    expect(lines.join("\n")).not.toContain("wrangler login");
    expect(lines.at(-1)).toBe(DOCTOR);
  });

  it("names logging in when Cloudflare refused the token", () => {
    const lines = uploadFailureHint(REFUSED_TOKEN);
    expect(lines.join("\n")).toContain(
      "还没有登录 Cloudflare，或者令牌无效、权限不够：运行 npx wrangler login",
    );
    expect(lines.join("\n")).not.toContain("连不上 Cloudflare");
  });

  it("points to npm run doctor alone for an error it does not know", () => {
    expect(uploadFailureHint("✘ [ERROR] Some binding is not valid [code: 10021]")).toEqual([
      "上传没有成功（原因见上面 wrangler 的英文报错）：",
      DOCTOR,
    ]);
  });
});
