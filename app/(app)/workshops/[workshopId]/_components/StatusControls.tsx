"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Archive, Lock, LockOpen } from "lucide-react";
import type { ActionState } from "@/lib/page-helpers";
import { FormStatus } from "@/components/ui/FormStatus";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/toast/Toaster";
import { nextStatuses, type WorkshopStatus as Status } from "@/lib/workshops/status-transitions";

const ICONS = { OPEN: LockOpen, CLOSED: Lock, ARCHIVED: Archive } as const;

/** Close (read-only for everyone, with Undo), reopen, or archive (final: asks first). */
export function StatusControls({ status, action }: { status: Status; action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const t = useTranslations("workshop.settings.status");
  const tConfirm = useTranslations("confirm");
  const notify = useToast();
  const [state, setState] = useState<ActionState>({});
  const [isPending, startTransition] = useTransition();

  async function changeTo(next: Status): Promise<ActionState> {
    const form = new FormData();
    form.set("status", next);
    const result = await action({}, form);
    setState(result);
    return result;
  }

  function handleChange(next: Status) {
    startTransition(async () => {
      const result = await changeTo(next);
      if (!result.ok || next !== "CLOSED") return;
      notify({
        title: tConfirm("closed.done"),
        action: { label: tConfirm("undo"), altText: tConfirm("closed.undoAlt"), onAction: () => startTransition(async () => void (await changeTo("OPEN"))) },
      });
    });
  }

  return (
    <section aria-labelledby="status-heading" className="card stack-small">
      <h2 id="status-heading">{t("title")}</h2>
      <p>{t(`current.${status}`)}</p>
      <FormStatus state={state} />
      <div className="button-row">
        {nextStatuses(status).map((next) => {
          const Icon = ICONS[next];
          const label = (
            <>
              <Icon aria-hidden="true" className="icon" />
              {t(`to.${next}`)}
            </>
          );
          if (next !== "ARCHIVED") {
            return (
              <button key={next} type="button" className="button" disabled={isPending} onClick={() => handleChange(next)}>
                {label}
              </button>
            );
          }
          return (
            <ConfirmDialog
              key={next}
              trigger={
                <button type="button" className="button button-danger" disabled={isPending}>
                  {label}
                </button>
              }
              title={tConfirm("archive.title")}
              description={<p>{tConfirm("archive.body")}</p>}
              confirmLabel={tConfirm("archive.confirm")}
              cancelLabel={tConfirm("cancel")}
              onConfirm={async () => {
                const result = await changeTo("ARCHIVED");
                if (result.error) throw new Error(result.error);
              }}
            />
          );
        })}
      </div>
      {status !== "ARCHIVED" && <p className="hint">{t("archiveHint")}</p>}
    </section>
  );
}
