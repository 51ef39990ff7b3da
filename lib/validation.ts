import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Parses input at a boundary. Schemas use message keys of the `errors.fields` catalog section
 * as their messages, so that the person reads what to fix in their language.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "input";
  const key = issue?.message && /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  throw new AppError("BAD_REQUEST", `fields.${key}`, `Invalid ${field}: ${issue?.message ?? "invalid input"}`, { field });
}
