import type { Page } from "playwright-core";
import { expect } from "vitest";
import { type Browser, launchChromium } from "./browser";
import { E2E_ADMIN_TOKEN, type LocalStack, startLocalStack } from "./local-stack";

/** A local stack after one sync, and a Chromium page on it: what the dashboard's e2e files share. */
export interface SyncedDashboard {
  readonly stack: LocalStack;
  readonly browser: Browser;
  readonly page: Page;
}

export interface DashboardOptions {
  /** The window's size (a phone, an office screen at 150 %); Chromium's default when absent. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Open the sign-in link before the tests (default); false leaves that to a test. */
  readonly signIn?: boolean;
  /** Done to the page before it signs in (a console listener, say). */
  readonly beforeSignIn?: (page: Page) => void;
}

/** Starts the stack, runs a sync (which must succeed), opens a page and signs in staff. */
export async function openSyncedDashboard(options: DashboardOptions = {}): Promise<SyncedDashboard> {
  const stack = await startLocalStack();
  const sync = await stack.api("/api/sync?wait=1", { method: "POST" });
  expect(sync.status).toBe(200);
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  if (options.viewport) await page.setViewportSize(options.viewport);
  options.beforeSignIn?.(page);
  if (options.signIn !== false) await page.goto(`${stack.workerUrl}/?token=${E2E_ADMIN_TOKEN}`);
  return { stack, browser, page };
}

/** Closes what openSyncedDashboard opened, whatever of it a failed start left. */
export async function closeSyncedDashboard(opened: Partial<SyncedDashboard>): Promise<void> {
  await opened.browser?.close();
  await opened.stack?.stop();
}
