"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { guardApi } from "./api";

/** The guard's routes with errors in the person's language. */
export function useGuardApi(workshopId: string) {
  const errors = useTranslations("errors");
  const networkError = useTranslations("note.guard")("networkError");
  return useMemo(
    () => guardApi(workshopId, networkError, (key) => (errors.has(key as "generic") ? errors(key as "generic") : null)),
    [workshopId, networkError, errors],
  );
}
