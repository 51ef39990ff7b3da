/** Typed failures of domain functions; mapped to HTTP statuses in one place (lib/http.ts). */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "GONE"
  | "UNPROCESSABLE"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED";

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

/**
 * An expected failure. `messageKey` names a message in the `errors` catalog section, so that
 * the person sees it in their language; `message` is the English text for logs and API clients.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: string;
  readonly details?: Record<string, string | number>;

  constructor(code: AppErrorCode, messageKey: string, message: string, details?: Record<string, string | number>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.details = details;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A database refusal caused by the request's own input, as a clear 400 instead of a 500: a NUL
 * character in a text or id that slipped past validation (PostgreSQL cannot store it). Null for
 * anything else.
 */
export function inputErrorFromDatabase(error: unknown): AppError | null {
  if (!sqlStatesOf(error).includes(NUL_IN_TEXT)) return null;
  return new AppError("BAD_REQUEST", "nulCharacter", "The request contains a NUL character, which cannot be stored. Remove it and try again.");
}

/** PostgreSQL's "invalid byte sequence" (22021): what a NUL byte in text gets. */
const NUL_IN_TEXT = "22021";

/** SQLSTATE codes carried by an error, a driver adapter's error inside Prisma's, or their causes. */
function sqlStatesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const record = error as Record<string, unknown>;
  const own = [record.code, record.originalCode].filter((code): code is string => typeof code === "string");
  const meta = record.meta as Record<string, unknown> | undefined;
  return [...own, ...sqlStatesOf(record.cause, depth + 1), ...sqlStatesOf(meta?.driverAdapterError, depth + 1)];
}

/** A workshop, source or anything else the viewer may not see: same answer as "does not exist". */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", "notFound", `${what} not found, or you are not a member of its workshop.`);
}
