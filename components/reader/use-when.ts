"use client";

import { useTranslations } from "next-intl";
import { relativeDay, type CoarseTime } from "@/lib/time/coarse-time";

/** Words for a coarse time: "this morning", "yesterday evening", "on 2024-06-13". */
export function useWhen() {
  const t = useTranslations("reader.when");
  return (when: CoarseTime) => {
    const day = relativeDay(when);
    return day === "earlier" ? t("earlier", { date: when.day }) : t(`${day}.${when.partOfDay}`);
  };
}
