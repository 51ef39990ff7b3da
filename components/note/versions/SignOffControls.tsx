"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { GuardConfirmDialog } from "@/components/note/guard/GuardConfirmDialog";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { NoteAccess } from "@/lib/notes/note-access";

interface SignOffControlsProps {
  workshopId: string;
  access: NoteAccess;
  onSignOff: () => Promise<void>;
  onReopen: () => Promise<void>;
}

/** The note's state (draft, or signed off and read-only) and, for whoever may, sign off or reopen. */
export function SignOffControls({ workshopId, access, onSignOff, onReopen }: SignOffControlsProps) {
  const [isSigning, setIsSigning] = useState(false);
  const t = useTranslations("note.versions.signOff");
  const tPanel = useTranslations("note.versions.panel");
  return (
    <div className="stack-small">
      {access.isSignedOff ? (
        <p className="notice">
          <strong>{t("signedOff")}</strong> {t("signedOffHint")}
        </p>
      ) : (
        <p className="hint">{t("draft")}</p>
      )}
      <div className="button-row">
        {access.can["note.signOff"] && (
          <>
            <button type="button" className="button button-primary" onClick={() => setIsSigning(true)}>
              {t("button")}
            </button>
            {/* The attribution guard's open warnings come first: signing off is the last look. */}
            <GuardConfirmDialog
              workshopId={workshopId}
              action="signOff"
              open={isSigning}
              intro={<p>{t("body")}</p>}
              onConfirm={async () => {
                await onSignOff();
                setIsSigning(false);
              }}
              onCancel={() => setIsSigning(false)}
            />
          </>
        )}
        {access.can["note.reopen"] && (
          <ConfirmDialog
            trigger={
              <button type="button" className="button">
                {t("reopen")}
              </button>
            }
            title={t("reopenTitle")}
            description={<p>{t("reopenBody")}</p>}
            confirmLabel={t("reopenConfirm")}
            cancelLabel={tPanel("cancel")}
            isDestructive={false}
            onConfirm={onReopen}
          />
        )}
      </div>
    </div>
  );
}
