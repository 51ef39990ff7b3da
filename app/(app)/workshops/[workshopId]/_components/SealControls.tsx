"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/page-helpers";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";

interface SealControlsProps {
  /** The day it was last sealed, already formatted for the reader, or null. */
  sealedOn: string | null;
  /** After how many days a closed workshop is sealed by itself. */
  days: number;
  action: () => Promise<ActionState>;
}

/** "Seal the workshop", with a dialog that says what it means before it happens. */
export function SealControls({ sealedOn, days, action }: SealControlsProps) {
  const t = useTranslations("workshop.settings.seal");
  const [isDone, setIsDone] = useState(false);
  return (
    <section aria-labelledby="seal-heading" className="card stack-small">
      <h2 id="seal-heading">{t("title")}</h2>
      <p>{t("explain", { days })}</p>
      {sealedOn && <p className="hint">{t("sealedOn", { day: sealedOn })}</p>}
      {isDone && (
        <p role="status" className="notice notice-success">
          {t("done")}
        </p>
      )}
      <div className="button-row">
        <ConfirmDialog
          trigger={
            <button type="button" className="button button-danger">
              {t("button")}
            </button>
          }
          title={t("confirmTitle")}
          description={<p>{t("confirmBody")}</p>}
          confirmLabel={t("confirm")}
          cancelLabel={t("cancel")}
          onConfirm={async () => {
            const state = await action();
            if (state.error) throw new Error(state.error);
            setIsDone(true);
          }}
        />
      </div>
    </section>
  );
}
