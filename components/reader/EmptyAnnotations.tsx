"use client";

import { useTranslations } from "next-intl";
import { Highlighter } from "lucide-react";
import { EmptyState } from "@/components/ui/EmptyState";
import { FocusButton } from "@/components/ui/FocusButton";
import { FIND_PASSAGE_INPUT_ID } from "./ids";

/** The margin of a source nobody has annotated yet: how to start, or who can. */
export function EmptyAnnotations({ canContribute }: { canContribute: boolean }) {
  const t = useTranslations("empty.annotations");
  return (
    <EmptyState
      title={t("title")}
      testId="empty-annotations"
      action={
        canContribute && (
          <FocusButton selector={`#${FIND_PASSAGE_INPUT_ID}`}>
            <Highlighter aria-hidden="true" className="icon" />
            {t("action")}
          </FocusButton>
        )
      }
    >
      {canContribute ? t("contribute") : t("others")}
    </EmptyState>
  );
}
