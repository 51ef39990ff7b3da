import { expect } from "vitest";
import { AppError, type AppErrorCode } from "@/lib/errors";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

function hasMessage(catalog: unknown, key: string): boolean {
  let node: unknown = (catalog as { errors: unknown }).errors;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/**
 * Awaits a call that must fail with an AppError of this code (and message key, if given).
 * Also checks that the key has a message in every catalog, since that is what the person reads.
 */
export async function expectAppError(
  promise: Promise<unknown>,
  code: AppErrorCode,
  messageKey?: string,
): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected an AppError ${code}, but the call succeeded`).toBeDefined();
  expect(caught).toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect({ code: error.code, messageKey: error.messageKey }).toEqual({
    code,
    messageKey: messageKey ?? error.messageKey,
  });
  expect(hasMessage(en, error.messageKey), `errors.${error.messageKey} missing in messages/en.json`).toBe(true);
  expect(hasMessage(fr, error.messageKey), `errors.${error.messageKey} missing in messages/fr.json`).toBe(true);
  return error;
}
