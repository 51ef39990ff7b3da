"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { CircleAlert, CloudCheck, CloudOff, LoaderCircle, type LucideIcon } from "lucide-react";
import type { NoteConnectionState } from "./note-connection";

/** The state before the first answer from the server. */
export const CONNECTING: NoteConnectionState = { status: "connecting", error: null, errorCode: null, canEdit: false, synced: false, documentId: 0 };

const STATUS_ICONS: Record<NoteConnectionState["status"], LucideIcon> = {
  connecting: LoaderCircle,
  saving: LoaderCircle,
  saved: CloudCheck,
  offline: CloudOff,
  error: CircleAlert,
};

/** The note's frame: toolbar, save status, and the page the editor sits on. */
export function NoteFrame({
  state,
  toolbar,
  words = null,
  children,
}: {
  state: NoteConnectionState;
  toolbar?: ReactNode;
  /** The note's word count, once known. */
  words?: number | null;
  children?: ReactNode;
}) {
  const t = useTranslations("note");
  const StatusIcon = STATUS_ICONS[state.status];
  // The server's words are English; the refusals the page knows are said in the reader's language.
  const errorMessage = ({ error, errorCode }: NoteConnectionState) => (errorCode && t.has(`errors.${errorCode}`) ? t(`errors.${errorCode}`) : (error ?? ""));
  return (
    <section className="note stack-small" aria-labelledby="note-heading">
      <div className="note-bar">
        <h2 id="note-heading" className="visually-hidden">
          {t("editorLabel")}
        </h2>
        {toolbar}
        <p className="note-status" role="status" aria-live="polite" data-status={state.status}>
          <StatusIcon aria-hidden="true" className="icon" />
          {state.status === "error" ? t("status.error", { message: errorMessage(state) }) : t(`status.${state.status}`)}
        </p>
        {words !== null && (
          <p className="note-words" data-testid="note-words">
            {t("words", { count: words })}
          </p>
        )}
      </div>
      {state.synced && !state.canEdit && <p className="hint">{t("readOnly")}</p>}
      <div className="note-page" aria-busy={!state.synced}>
        {children ?? <p className="hint">{t("loading")}</p>}
      </div>
    </section>
  );
}
