/**
 * What `npm run deploy` adds in Chinese when wrangler's upload failed: wrangler reports in English,
 * and the office's operator reads Chinese. Recognised from wrangler's own output (4.x): not logged in
 * on a machine without a browser, a token Cloudflare refused, no connection to Cloudflare. Whatever
 * the cause, `npm run doctor` checks the rest of the configuration.
 */
const CAUSES: readonly { seen: RegExp; hint: string }[] = [
  {
    // "In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN …",
    // "You are not authenticated …", "Authentication error [code: 10000]".
    seen: /CLOUDFLARE_API_TOKEN environment variable|not authenticated|wrangler login|Authentication error/i,
    hint:
      "还没有登录 Cloudflare，或者令牌无效、权限不够：运行 npx wrangler login；没有浏览器的服务器上改用" +
      " CLOUDFLARE_API_TOKEN 环境变量（见 docs/deploy.md 第 1 节）",
  },
  {
    // "A fetch request failed, likely due to a connectivity issue." then "fetch failed".
    seen: /connectivity issue|fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT/,
    hint: "连不上 Cloudflare：检查这台电脑的网络和代理后再运行一次（docs/deploy.md 第 15 节说明了在中国大陆的情况）",
  },
];

/** The lines to print after a failed upload whose errors (wrangler's stderr) were `errors`. */
export function uploadFailureHint(errors: string): string[] {
  const known = CAUSES.filter((cause) => cause.seen.test(errors)).map((cause) => cause.hint);
  return [
    "上传没有成功（原因见上面 wrangler 的英文报错）：",
    ...known.map((hint) => `- ${hint}`),
    "- 运行 npm run doctor：它逐项检查 wrangler.toml、密钥和 D1 迁移，并用中文说明要改什么",
  ];
}
