import { Hono } from "hono";
import * as z from "zod";
import type { AppEnv } from "../app";
import { createDeps } from "../deps";
import { LINK_KINDS } from "../domain/links/capability";
import { erasePersonalData } from "../jobs/personal-data/erase";
import { actorOf } from "./actor";
import { requireStaff } from "./auth";
import { HttpError } from "./errors";
import { noticesRoutes } from "./notices-routes";
import { samplingApiRoutes } from "./sampling-routes";
import { syncRoutes } from "./sync-routes";

const ERASE_BODY = z.object({ kind: z.enum(LINK_KINDS), name: z.string().trim().min(1).max(200) });

/**
 * 清除个人信息 of one person (docs/deploy.md §15a): `{ "kind": "deputy" | "unit" | "leader", "name":
 * "周芳" }`. 409 while a tab still lists them with a contact (the sync would store it again).
 */
const personalDataRoutes = new Hono<AppEnv>().post("/personal-data/erase", async (c) => {
  const body = ERASE_BODY.safeParse(await c.req.json().catch(() => null));
  if (!body.success)
    throw new HttpError(
      400,
      "invalid_body",
      '请求体须为 {"kind": "deputy" | "unit" | "leader", "name": "姓名或单位名称"}：kind 为代表、承办单位或领导',
    );
  const { kind, name } = body.data;
  const result = await erasePersonalData(
    { db: c.env.DB, tabCache: createDeps(c.env).tabCache },
    kind,
    name,
    actorOf(c).label,
    Date.now(),
  );
  if (!result.ok) throw new HttpError(409, result.code, result.message);
  return c.json(result);
});

/** /api/*: staff only. */
export const apiRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .route("/", syncRoutes)
  .route("/", samplingApiRoutes)
  .route("/", noticesRoutes)
  .route("/", personalDataRoutes);
