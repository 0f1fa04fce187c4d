import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateServiceAccount } from "../../../tools/sheets-emulator/service-account";
import { exchangeAssertion, signAssertion, startTestEmulator, type TestEmulator } from "./helpers";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const RECORDINGS = path.resolve(projectRoot, "../shared/reference/sheets-recordings");
const present = existsSync(RECORDINGS);
if (!present) {
  console.warn(
    `[contract] ${RECORDINGS} is absent: the recorded-traffic contract tests are skipped here (CI has it).`,
  );
}

/** Recordings not replayed, with the reason. Every recording present today uses implemented methods. */
const SKIPPED: Record<string, string> = {};

/**
 * Spreadsheets a recording reads without creating them: they existed on Google's side but were not
 * shared with the recording account. They are set up through the admin API and marked private.
 */
const PRE_EXISTING_PRIVATE: Record<string, string[]> = {
  "ClientTest.test_access_private_spreadsheet.json": ["1jIKzPs8LsiZZdLdeMEP-5ZIHw6RkjiOmj1LrJN706Yc"],
};

/** The service account the recordings were made with; it appears in protectedRanges[].editors. */
const RECORDED_ACCOUNT = "telegram-budgeter@telegram-budgeter.iam.gserviceaccount.com";

interface Interaction {
  request: { method: string; uri: string; body: string | null };
  response: { status: { code: number }; headers: Record<string, string[]>; body: { string: string } };
}

/**
 * What is normalised, and why:
 * - Spreadsheet ids: Google chose them; the emulator chooses its own. Recorded ids are replaced by
 *   the emulator's in request URIs and in expected bodies (this also covers spreadsheetUrl, which
 *   embeds the id and is otherwise compared verbatim).
 * - sheetId and protectedRangeId values Google generated at random (addSheet, addProtectedRange):
 *   the first time a recorded value meets the emulator's value they are paired, and every later
 *   occurrence (in responses and in request bodies such as deleteSheet) must agree with the pairing.
 *   sheetId 0 is not random and must match exactly.
 * Nothing else is normalised: titles, ranges, values, counts, error messages and status codes must
 * be identical, and the Content-Type of every JSON answer too.
 */
class IdMapper {
  readonly spreadsheets = new Map<string, string>();
  readonly numbers = new Map<number, number>();

  text(s: string): string {
    let out = s;
    for (const [recorded, actual] of this.spreadsheets) out = out.replaceAll(recorded, actual);
    return out;
  }

  requestBody(value: unknown, key?: string): unknown {
    if (Array.isArray(value)) return value.map((v) => this.requestBody(v));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.requestBody(v, k)]));
    }
    if (typeof value === "number" && (key === "sheetId" || key === "protectedRangeId")) {
      return this.numbers.get(value) ?? value;
    }
    return value;
  }

  /** Asserts actual equals expected, pairing random ids on first sight. */
  compare(expected: unknown, actual: unknown, where: string): void {
    if (Array.isArray(expected)) {
      expect(Array.isArray(actual), `${where} is an array`).toBe(true);
      const list = actual as unknown[];
      expect(list.length, `${where} length`).toBe(expected.length);
      for (const [i, e] of expected.entries()) this.compare(e, list[i], `${where}[${i}]`);
      return;
    }
    if (typeof expected === "object" && expected !== null) {
      expect(
        typeof actual === "object" && actual !== null && !Array.isArray(actual),
        `${where} is an object`,
      ).toBe(true);
      const obj = actual as Record<string, unknown>;
      expect(Object.keys(obj).sort(), `${where} keys`).toEqual(Object.keys(expected).sort());
      for (const [k, v] of Object.entries(expected)) {
        if ((k === "sheetId" || k === "protectedRangeId") && typeof v === "number" && v !== 0) {
          const paired = this.numbers.get(v);
          if (paired === undefined) {
            expect(typeof obj[k], `${where}.${k}`).toBe("number");
            this.numbers.set(v, obj[k] as number);
          } else {
            expect(obj[k], `${where}.${k}`).toBe(paired);
          }
        } else {
          this.compare(v, obj[k], `${where}.${k}`);
        }
      }
      return;
    }
    expect(actual, where).toEqual(expected);
  }
}

const SHEETS = "https://sheets.googleapis.com";
const DRIVE_FILES = "https://www.googleapis.com/drive/v3/files";

async function replay(emu: TestEmulator, token: string, file: string): Promise<number> {
  const { interactions } = JSON.parse(readFileSync(path.join(RECORDINGS, file), "utf8")) as {
    interactions: Interaction[];
  };
  const ids = new IdMapper();
  for (const spreadsheetId of PRE_EXISTING_PRIVATE[file] ?? []) {
    emu.emulator.createSpreadsheet({ spreadsheetId, title: "Someone else's spreadsheet" });
    emu.emulator.setPrivate(spreadsheetId, true);
  }
  let compared = 0;
  for (const [i, { request, response }] of interactions.entries()) {
    const step = `${file} #${i} ${request.method} ${request.uri}`;
    const recordedBody = response.body.string;
    if (request.uri.startsWith(DRIVE_FILES)) {
      const recordedId = /files\/([^?/]+)/.exec(request.uri)?.[1];
      if (request.method === "POST") {
        // Drive "create a spreadsheet file" = spreadsheets.create with the same title.
        const name = (JSON.parse(request.body ?? "{}") as { name: string }).name;
        const created = await emu.call("POST", "/v4/spreadsheets", { properties: { title: name } }, token);
        expect(created.status, step).toBe(200);
        const id = (JSON.parse(recordedBody) as { id: string }).id;
        ids.spreadsheets.set(id, (created.body as { spreadsheetId: string }).spreadsheetId);
      } else if (request.method === "DELETE" && recordedId) {
        const res = await fetch(`${emu.url}/__emulator/spreadsheets/${ids.text(recordedId)}`, {
          method: "DELETE",
        });
        expect(res.status, step).toBe(200);
      }
      // Drive GET (file metadata: createdTime, modifiedTime) has no Sheets counterpart: not replayed.
      continue;
    }
    expect(request.uri.startsWith(SHEETS), step).toBe(true);
    const body =
      request.body === null || request.body === ""
        ? undefined
        : ids.requestBody(JSON.parse(ids.text(request.body)) as unknown);
    const answer = await emu.call(request.method, ids.text(request.uri.slice(SHEETS.length)), body, token);
    expect(answer.status, step).toBe(response.status.code);
    expect(answer.contentType, step).toBe("application/json; charset=UTF-8");
    ids.compare(JSON.parse(ids.text(recordedBody)) as unknown, answer.body, step);
    compared += 1;
  }
  return compared;
}

const files = present ? readdirSync(RECORDINGS).filter((f) => f.endsWith(".json")) : ["(recordings absent)"];

describe.skipIf(!present)("recorded Google Sheets traffic replays identically against the emulator", () => {
  let emu: TestEmulator;
  let token: string;

  beforeAll(async () => {
    const account = generateServiceAccount(RECORDED_ACCOUNT);
    emu = await startTestEmulator({
      serviceAccounts: [{ client_email: RECORDED_ACCOUNT, public_key_pem: account.public_key_pem }],
      // The recordings make more calls per minute than the real per-user quota allows.
      readsPerMinute: 10_000,
      writesPerMinute: 10_000,
    });
    const exchanged = await exchangeAssertion(emu.url, await signAssertion(account));
    token = exchanged.body.access_token as string;
  });

  afterAll(async () => {
    await emu?.close();
  });

  it("lists every skipped recording with a reason", () => {
    for (const [file, reason] of Object.entries(SKIPPED)) {
      expect(files, file).toContain(file);
      expect(reason.length).toBeGreaterThan(0);
    }
  });

  for (const file of files.filter((f) => !(f in SKIPPED))) {
    it(`answers every Sheets call of ${file} as Google did`, async () => {
      emu.emulator.reset();
      const compared = await replay(emu, token, file);
      expect(compared).toBeGreaterThan(0);
    });
  }
});
