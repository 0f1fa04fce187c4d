import type { TestProject } from "vitest/node";
import { startEmulator } from "../../tools/sheets-emulator/server";
import { generateServiceAccount } from "../../tools/sheets-emulator/service-account";

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    serviceAccountJson: string;
  }
}

/** Starts one Sheets emulator (random port, fresh key pair) for the Worker integration tests. */
export default async function setup(project: TestProject) {
  const account = await generateServiceAccount("jianyi-test@jianyi-test.iam.gserviceaccount.com");
  const running = await startEmulator({
    port: 0,
    // One service account serves every test file: Google's 60 a minute would throttle the suite
    // itself. Tests of backoff inject 429s (with the quota's own body) for one spreadsheet.
    readsPerMinute: 1_000_000,
    writesPerMinute: 1_000_000,
    serviceAccounts: [{ client_email: account.keyFile.client_email, public_key_pem: account.public_key_pem }],
  });
  project.provide("emulatorUrl", running.url);
  project.provide("serviceAccountJson", JSON.stringify(account.keyFile));
  return async () => {
    await running.close();
  };
}
