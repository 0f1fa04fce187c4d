import { Hono } from "hono";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { letterKeySuggestion } from "../domain/links/letters";
import { HttpError } from "./errors";
import { letterResponse } from "./links/letter-response";

/**
 * GET /files/letters/<编号>/<file>: a 答复函 for staff, behind the dashboard's sign-in. This is the
 * address the 答复函 column holds, so staff open it from the sheet; units, deputies and leaders open
 * the same file through their personal link instead.
 */
export const filesRoutes = new Hono<AppEnv>().get("/files/*", async (c) => {
  const key = new URL(c.req.url).pathname.slice("/files/".length);
  const id = letterKeySuggestion(key);
  if (!id) throw new HttpError(404, "no_letter", "没有这个答复函");
  return letterResponse(createDeps(c.env).letters, key, id);
});
