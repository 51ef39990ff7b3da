import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * The shape of every id the app hands out (cuid2, and the hex ids of migrated rows): checked at
 * boundaries so that a malformed id (a NUL byte, 10 KB of junk) is "not found" or a 400, never a
 * database error.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ZId = z.string().regex(ID_PATTERN, "idInvalid");

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

/** The path of the first string holding a NUL character (which PostgreSQL cannot store), or null. */
export function findNulCharacter(value: unknown, path: (string | number)[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "input" : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(key, [...path, key]) ?? findNulCharacter(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses input holding a NUL character with a 400 that names the field. */
export function assertNoNulCharacter(input: unknown, field?: string): void {
  const nul = findNulCharacter(input, field ? [field] : []);
  if (nul) throw new AppError("BAD_REQUEST", "fields.nulCharacter", `Invalid ${nul}: it contains a NUL character, which cannot be stored.`, { field: nul });
}

/**
 * Parses input at a boundary. Schemas use message keys of the `errors.fields` catalog section
 * as their messages, so that the person reads what to fix in their language. Text holding a NUL
 * character is refused first, naming the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  assertNoNulCharacter(input);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "input";
  const key = issue?.message && /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  throw new AppError("BAD_REQUEST", `fields.${key}`, `Invalid ${field}: ${issue?.message ?? "invalid input"}`, { field });
}
