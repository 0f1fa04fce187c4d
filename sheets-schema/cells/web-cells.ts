import * as z from "zod";
import { type CellType, describeRaw, textOf, wrongShapeMessage } from "./cell-type";

const URL_MAX = 2000;

/** An http(s) address: a bot webhook, a rating form. */
export function urlCell(): CellType<string, ""> {
  const schema = z.preprocess(
    textOf,
    z
      .string({ error: (issue) => wrongShapeMessage(issue.input, "网址") })
      .max(URL_MAX, { error: `网址超过 ${URL_MAX} 个字符` })
      .pipe(
        z.url({
          protocol: /^https?$/,
          error: (issue) =>
            `网址${describeRaw(issue.input)}无效：应以 https:// 或 http:// 开头，整段复制过来`,
        }),
      ),
  );
  return { kind: "url", schema, blank: "", maxLength: URL_MAX };
}

/** An e-mail address. */
export function emailCell(): CellType<string, ""> {
  const schema = z.preprocess(
    textOf,
    z
      .string({ error: (issue) => wrongShapeMessage(issue.input, "邮箱") })
      .max(254, { error: "邮箱地址过长" })
      .pipe(
        z.email({ error: (issue) => `邮箱${describeRaw(issue.input)}格式不对：应形如 name@example.gov.cn` }),
      ),
  );
  return { kind: "email", schema, blank: "", maxLength: 254 };
}
