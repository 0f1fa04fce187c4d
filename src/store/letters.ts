/** A 答复函 as the bucket returns it. */
export interface StoredLetter {
  body: ReadableStream;
  contentType: string;
  size: number;
}

export interface LetterMeta {
  contentType: string;
  suggestionId: string;
  /** Who uploaded it (the audit label of the link). */
  uploadedBy: string;
  submissionId: string;
}

/** The private bucket of 答复函 letters (R2 binding LETTERS). */
export interface LetterStore {
  put(key: string, body: ReadableStream | ArrayBuffer | Blob, meta: LetterMeta): Promise<void>;
  get(key: string): Promise<StoredLetter | null>;
  /** Whether a letter is stored under `key`, and its type and size, without its body. */
  head(key: string): Promise<Omit<StoredLetter, "body"> | null>;
}

export function createLetterStore(bucket: R2Bucket): LetterStore {
  return {
    async put(key, body, meta) {
      await bucket.put(key, body, {
        httpMetadata: { contentType: meta.contentType },
        customMetadata: {
          suggestionId: meta.suggestionId,
          uploadedBy: meta.uploadedBy,
          submissionId: meta.submissionId,
        },
      });
    },
    async get(key) {
      const object = await bucket.get(key);
      if (!object) return null;
      return {
        body: object.body,
        contentType: object.httpMetadata?.contentType ?? "application/octet-stream",
        size: object.size,
      };
    },
    async head(key) {
      const object = await bucket.head(key);
      if (!object) return null;
      return {
        contentType: object.httpMetadata?.contentType ?? "application/octet-stream",
        size: object.size,
      };
    },
  };
}
