"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/page-helpers";
import { FormStatus } from "@/components/ui/FormStatus";
import { nextStatuses, type WorkshopStatus as Status } from "@/lib/workshops/status-transitions";

/** Close (read-only for everyone), reopen, or archive (final). */
export function StatusControls({ status, action }: { status: Status; action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const t = useTranslations("workshop.settings.status");
  const [state, formAction, isPending] = useActionState(action, {});
  return (
    <section aria-labelledby="status-heading" className="card stack-small">
      <h2 id="status-heading">{t("title")}</h2>
      <p>{t(`current.${status}`)}</p>
      <FormStatus state={state} />
      <div className="button-row">
        {nextStatuses(status).map((next) => (
          <form key={next} action={formAction}>
            <input type="hidden" name="status" value={next} />
            <button type="submit" className={next === "ARCHIVED" ? "button button-danger" : "button"} disabled={isPending}>
              {t(`to.${next}`)}
            </button>
          </form>
        ))}
      </div>
      {status !== "ARCHIVED" && <p className="hint">{t("archiveHint")}</p>}
    </section>
  );
}
