import type { Json, JsonObject } from "./types";

/** Canonical google.rpc status names for the HTTP codes the emulator can answer with. */
const STATUS_BY_CODE: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ABORTED",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  501: "UNIMPLEMENTED",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

/** Messages Google sends for each code when nothing more specific applies (sheets-api.md §2.1). */
const DEFAULT_MESSAGE_BY_CODE: Record<number, string> = {
  400: "Request contains an invalid argument.",
  401: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
  403: "The caller does not have permission",
  404: "Requested entity was not found.",
  409: "The operation was aborted.",
  500: "Internal error encountered.",
  501: "Operation is not implemented, or supported, or enabled.",
  503: "The service is currently unavailable.",
  504: "Deadline expired before operation could complete.",
};

/** An error rendered in Google's JSON envelope: {"error":{"code","message","status","details"?}}. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly details?: Json[],
  ) {
    super(message);
  }

  get status(): string {
    return STATUS_BY_CODE[this.code] ?? (this.code >= 500 ? "INTERNAL" : "UNKNOWN");
  }

  toBody(): JsonObject {
    const error: JsonObject = { code: this.code, message: this.message, status: this.status };
    if (this.details && this.details.length > 0) error.details = this.details;
    return { error };
  }

  /** Batch calls name the failing element: "Invalid data[0]: Unable to parse range: …". */
  withPrefix(prefix: string): ApiError {
    return new ApiError(this.code, `${prefix}${this.message}`, this.details);
  }
}

export function defaultMessage(code: number): string {
  return DEFAULT_MESSAGE_BY_CODE[code] ?? "Unknown error.";
}

export function errorWithCode(code: number, message?: string): ApiError {
  return new ApiError(code, message ?? defaultMessage(code));
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, message);
}

export function unableToParseRange(range: string): ApiError {
  return badRequest(`Unable to parse range: ${range}`);
}

/** A body value of the wrong JSON type, e.g. {"values":"X"} (recorded in WorksheetTest.test_add_validation). */
export function invalidValue(field: string, protoType: string, value: unknown): ApiError {
  const message = `Invalid value at '${field}' (${protoType}), ${JSON.stringify(value)}`;
  return new ApiError(400, message, [
    {
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: [{ field, description: message }],
    },
  ]);
}

export function notFound(): ApiError {
  return errorWithCode(404);
}

export function permissionDenied(message?: string): ApiError {
  return errorWithCode(403, message);
}

export function unauthenticated(): ApiError {
  return errorWithCode(401);
}

export function insufficientScopes(): ApiError {
  return errorWithCode(403, "Request had insufficient authentication scopes.");
}

export type QuotaKind = "read" | "write";

/** The 429 body of sheets-api.md §2.1, with ErrorInfo and Help details. */
export function quotaExceeded(kind: QuotaKind, limit: number, projectNumber: string): ApiError {
  const label = kind === "read" ? "Read" : "Write";
  return new ApiError(
    429,
    `Quota exceeded for quota metric '${label} requests' and limit '${label} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:${projectNumber}'.`,
    [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "RATE_LIMIT_EXCEEDED",
        domain: "googleapis.com",
        metadata: {
          service: "sheets.googleapis.com",
          consumer: `projects/${projectNumber}`,
          quota_metric: `sheets.googleapis.com/${kind}_requests`,
          quota_limit: `${label}RequestsPerMinutePerUser`,
          quota_location: "global",
          quota_limit_value: String(limit),
        },
      },
      {
        "@type": "type.googleapis.com/google.rpc.Help",
        links: [
          {
            description: "Request a higher quota limit.",
            url: "https://cloud.google.com/docs/quota#requesting_higher_quota",
          },
        ],
      },
    ],
  );
}

/** Token-endpoint errors use the OAuth (RFC 6749) shape, not google.rpc: {"error","error_description"}. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly httpStatus = 400,
  ) {
    super(description);
  }

  toBody(): JsonObject {
    return { error: this.error, error_description: this.description };
  }
}
