import { createPublicKey, generateKeyPairSync, randomBytes } from "node:crypto";

export interface ServiceAccountKeyFile {
  type: "service_account";
  client_email: string;
  private_key: string;
  private_key_id: string;
  token_uri: string;
}

export interface GeneratedServiceAccount {
  keyFile: ServiceAccountKeyFile;
  public_key_pem: string;
}

/**
 * A throwaway service account shaped like a Google key file (RSA-2048, PKCS#8 private key), plus the
 * public key to register with the emulator. `tokenUri` defaults to Google's, which the emulator
 * accepts as JWT audience too.
 */
export function generateServiceAccount(
  email: string,
  tokenUri = "https://oauth2.googleapis.com/token",
): GeneratedServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return {
    keyFile: {
      type: "service_account",
      client_email: email,
      private_key: privateKey,
      private_key_id: randomBytes(20).toString("hex"),
      token_uri: tokenUri,
    },
    public_key_pem: publicKey,
  };
}

/** The public key of a key file's private key (how the CLI registers --service-account files). */
export function publicKeyFromPrivate(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" }).toString();
}
