import { AppError } from "@/lib/errors";

const MB = 1024 * 1024;

/** Largest file accepted for import (10 MB). */
export const MAX_SOURCE_BYTES = 10 * MB;

/** Longest text a source may have once imported (about 300,000 words). */
export const MAX_SOURCE_CHARS = 2_000_000;

/** The formats a source can be imported from (the Prisma `SourceFormat` values). */
export const IMPORT_FORMATS = ["TEXT", "MARKDOWN", "HTML", "PDF", "DOCX"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const formatCount = (n: number) => n.toLocaleString("en-US");

/** The uploaded file is over {@link MAX_SOURCE_BYTES}. */
export function fileTooLargeError(size: number): AppError {
  const sizeMb = (size / MB).toFixed(1);
  const limitMb = MAX_SOURCE_BYTES / MB;
  return new AppError("PAYLOAD_TOO_LARGE", "importTooLarge", `The file is ${sizeMb} MB; the limit is ${limitMb} MB.`, {
    sizeMb,
    limitMb,
  });
}

/** The text (pasted or extracted) is over {@link MAX_SOURCE_CHARS}. */
export function textTooLongError(chars: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    "importTooLong",
    `The text is ${formatCount(chars)} characters long; the limit is ${formatCount(MAX_SOURCE_CHARS)}. Split the source into parts.`,
    { chars, limit: MAX_SOURCE_CHARS },
  );
}

/** The bytes cannot be read as the announced format. */
export function malformedError(message: string): AppError {
  return new AppError("BAD_REQUEST", "importMalformed", message);
}

/** Nothing readable came out of the source. */
export function emptyError(message = "The source contains no text."): AppError {
  return new AppError("BAD_REQUEST", "importEmpty", message);
}

/** The file is encrypted with a password. */
export function passwordProtectedError(kind: "PDF" | "DOCX"): AppError {
  const howTo =
    kind === "PDF"
      ? "Open it, save or print it as a new PDF without a password, and upload that copy."
      : "Open it in Word, remove the password (File › Info › Protect Document), save, and upload it again.";
  return new AppError("BAD_REQUEST", "importPasswordProtected", `The ${kind === "PDF" ? "PDF" : "document"} is password-protected. ${howTo}`);
}

/** The file is of a kind the importer does not read. */
export function unsupportedFormatError(message: string): AppError {
  return new AppError("BAD_REQUEST", "importUnsupportedFormat", message);
}
