import "server-only";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { inputErrorFromDatabase, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** For pages: a "not found" from the domain becomes Next's 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    // An address holding a NUL character names nothing that can exist.
    if (inputErrorFromDatabase(error)) notFound();
    throw error;
  }
}

export type ActionState = { ok?: boolean; error?: string; field?: string };

/**
 * Runs a server action's domain call and turns an expected failure into a message the person
 * can act on, in their language. Unexpected failures are logged, and answered without details.
 */
export async function runAction(work: () => Promise<void>): Promise<ActionState> {
  try {
    await work();
    return { ok: true };
  } catch (caught) {
    const error = inputErrorFromDatabase(caught) ?? caught;
    const t = await getTranslations("errors");
    if (isAppError(error)) {
      const key = t.has(error.messageKey) ? error.messageKey : "generic";
      const field = typeof error.details?.field === "string" ? error.details.field : undefined;
      return { error: t(key as "generic"), field };
    }
    // redirect() and notFound() work by throwing; let them through.
    if (error instanceof Error && "digest" in error) throw error;
    logger.error("unexpected error in a server action", error);
    return { error: t("generic") };
  }
}
