"use client";

import { useTranslations } from "next-intl";
import { LINKED_NOTICE_ID } from "./paint";
import type { LinkedPassage } from "./use-reader-target";

/** Past this length a quote in the notice is cut: the passage itself is highlighted below. */
const QUOTE_SHOWN = 200;

/**
 * Says what a link opened: the passage now highlighted in the text (the highlighted pieces
 * are described by this notice, so a screen reader landing on them hears it), or, when the
 * passage was lost in a revision or does not exist, that it cannot be shown, with its quote.
 */
export function LinkedNotice({ linked, missingAnnotation, onDismiss }: { linked: LinkedPassage | null; missingAnnotation: boolean; onDismiss: () => void }) {
  const t = useTranslations("reader");
  if (!linked && !missingAnnotation) return null;
  const quote = linked && linked.state !== "missing" ? linked.quote : "";
  const shown = quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN)}…` : quote;
  const isProblem = missingAnnotation || linked?.state !== "placed";
  return (
    <div id={LINKED_NOTICE_ID} className={`notice linked-notice${isProblem ? " notice-error" : ""}`} tabIndex={-1} role="status">
      <p>
        {missingAnnotation
          ? t("linkedAnnotationMissing")
          : linked?.state === "placed"
            ? t("linkedPassage")
            : linked?.state === "orphan"
              ? t("linkedPassageOrphan")
              : t("linkedPassageMissing")}
        {shown && (
          <>
            {" "}
            <q>{shown}</q>
          </>
        )}
      </p>
      <button type="button" className="button button-small button-quiet" onClick={onDismiss}>
        {t("linkedDismiss")}
      </button>
    </div>
  );
}
