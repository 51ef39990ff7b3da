"use client";

import { useCallback, useMemo, type PointerEvent } from "react";
import { useTranslations } from "next-intl";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { PresentedTheme } from "@/lib/themes/present";

/**
 * Theme names on hover: a highlighted piece gets its title (the themes of the annotations
 * covering it, in codebook order, and how many annotations overlap there) when the pointer
 * reaches it. Written then rather than rendered, so that thousands of pieces do not each carry
 * their names in the page.
 */
export function useHighlightTitle(annotations: PresentedAnnotation[], themes: PresentedTheme[]) {
  const t = useTranslations("reader");
  const byId = useMemo(() => new Map(annotations.map((annotation) => [annotation.id, annotation])), [annotations]);
  return useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const mark = (event.target as Element).closest?.("mark[data-annotation-ids]");
      if (!(mark instanceof HTMLElement)) return;
      const ids = mark.dataset.annotationIds!.split(" ");
      const tagged = new Set(ids.flatMap((id) => byId.get(id)?.themeIds ?? []));
      const names = themes.filter((theme) => tagged.has(theme.id)).map((theme) => theme.name);
      const title = names.length > 0 ? names.join(" · ") : t("untagged");
      mark.title = ids.length > 1 ? `${title} (${t("overlapCount", { count: ids.length })})` : title;
    },
    [byId, themes, t],
  );
}
