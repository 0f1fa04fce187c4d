import type { TestProject } from "vitest/node";
import { startRobotServer } from "./robot-server";

declare module "vitest" {
  export interface ProvidedContext {
    robotUrl: string;
  }
}

/** Starts the stand-in robot server once for the Worker integration tests. */
export default async function setup(project: TestProject) {
  const robots = await startRobotServer();
  project.provide("robotUrl", robots.url);
  return async () => {
    await robots.close();
  };
}
