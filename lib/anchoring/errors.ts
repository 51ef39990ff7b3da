/** Why a selection cannot be described: kept apart from HTTP so that this module stays pure. */
export type AnchoringErrorCode = "EMPTY_SELECTION" | "OUT_OF_RANGE" | "TOO_LONG";

/**
 * An invalid selection. Callers in `lib/annotations` map it to an `AppError`
 * (`EMPTY_SELECTION`/`OUT_OF_RANGE` → BAD_REQUEST, `TOO_LONG` → PAYLOAD_TOO_LARGE).
 */
export class AnchoringError extends Error {
  readonly code: AnchoringErrorCode;

  constructor(code: AnchoringErrorCode, message: string) {
    super(message);
    this.name = "AnchoringError";
    this.code = code;
  }
}

/** Narrows an unknown thrown value to an `AnchoringError`. */
export function isAnchoringError(error: unknown): error is AnchoringError {
  return error instanceof AnchoringError;
}
