import { demoSpreadsheetSeed } from "./demo/emulator-spreadsheet";
import { seedDemo } from "./demo/seed";
import { LOCAL, SERVICE_ACCOUNT_FILE } from "./local-paths";
import { createSheetsSession } from "./provision/google-client";
import type { Emulator } from "./sheets-emulator/server";

/**
 * `npm start`: creates the local `demo` spreadsheet on first start, then provisions and seeds it over
 * HTTP with the local service-account key, the same path as `npm run demo:seed`. Later starts keep
 * whatever staff changed. If seeding fails the half-made spreadsheet is removed, so the next start
 * tries again instead of leaving an empty sheet behind.
 */
export async function prepareDemoSpreadsheet(
  emulator: Emulator,
  keyFile: string = SERVICE_ACCOUNT_FILE,
): Promise<void> {
  const id = LOCAL.spreadsheetId;
  if (emulator.listSpreadsheets().some((s) => s.spreadsheetId === id)) return;
  emulator.createSpreadsheet(demoSpreadsheetSeed(id));
  try {
    const session = createSheetsSession({
      apiBase: `${emulator.url}/`,
      tokenUrl: `${emulator.url}/token`,
      keyFile,
      local: true,
      spreadsheetId: id,
    });
    const result = await seedDemo(session.api, id);
    console.log(`created the local spreadsheet "${id}": ${result.message}`);
  } catch (error) {
    emulator.deleteSpreadsheet(id);
    throw error;
  }
}
