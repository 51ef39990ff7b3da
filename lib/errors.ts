/** Typed failures of domain functions; mapped to HTTP statuses in one place (lib/http.ts). */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "GONE"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED";

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
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

/** A workshop, source or anything else the viewer may not see: same answer as "does not exist". */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", "notFound", `${what} not found, or you are not a member of its workshop.`);
}
