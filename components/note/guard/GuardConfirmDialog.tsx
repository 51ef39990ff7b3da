"use client";

import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { GuardWarning } from "@/lib/notes/guard/types";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useGuardApi } from "./use-guard-api";
import { WarningDescription } from "./WarningDescription";

interface Props {
  workshopId: string;
  action: "export" | "signOff";
  open: boolean;
  /** Runs when the person goes ahead; the dialog stays open and busy until it settles, and shows its error. */
  onConfirm: () => void | Promise<void>;
  onCancel: () => void;
  /** What the action does, said before the warnings (sign-off explains itself here). */
  intro?: ReactNode;
}

type Check = { state: "loading" } | { state: "done"; warnings: GuardWarning[] } | { state: "failed"; message: string };

/**
 * The guard's checklist before an export or a sign-off: the stored note is checked, its open
 * warnings listed, and the person confirms ("Download anyway", "Sign off anyway"); with no
 * warnings it says so and goes ahead in one click. An alert dialog (ConfirmDialog, Radix UI):
 * focus moves in and is trapped, Escape cancels.
 */
export function GuardConfirmDialog({ workshopId, action, open, onConfirm, onCancel, intro }: Props) {
  const t = useTranslations("note.guard.confirm");
  const api = useGuardApi(workshopId);
  const [check, setCheck] = useState<Check>({ state: "loading" });

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    api
      .checkStored(controller.signal)
      .then((result) => setCheck({ state: "done", warnings: result.warnings.filter((warning) => warning.dismissedReason === undefined) }))
      .catch((failure: Error) => {
        if (!controller.signal.aborted) setCheck({ state: "failed", message: failure.message });
      });
    return () => {
      controller.abort();
      setCheck({ state: "loading" });
    };
  }, [open, api]);

  const isClean = check.state === "done" && check.warnings.length === 0;
  const confirmLabel = action === "export" ? (isClean ? t("exportClean") : t("export")) : isClean ? t("signOffClean") : t("signOff");
  const description = (
    <div className="stack-small" aria-busy={check.state === "loading" || undefined}>
      {intro}
      {check.state === "loading" && <p role="status">{t("loading")}</p>}
      {check.state === "failed" && (
        <p role="alert" className="notice notice-error">
          {check.message}
        </p>
      )}
      {isClean && <p role="status">{t("none")}</p>}
      {check.state === "done" && check.warnings.length > 0 && (
        <>
          <p>{t("intro")}</p>
          <ul className="stack-small">
            {check.warnings.map((warning) => (
              <li key={`${warning.fingerprint}:${warning.blockIndex}:${warning.from}`}>
                <WarningDescription warning={warning} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => !next && onCancel()}
      isConfirmDisabled={check.state === "loading"}
      title={action === "export" ? t("titleExport") : t("titleSignOff")}
      description={description}
      confirmLabel={confirmLabel}
      cancelLabel={t("cancel")}
      onConfirm={async () => onConfirm()}
      isDestructive={false}
    />
  );
}
