"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { NoteConnectionState } from "./note-connection";

/** The state before the first answer from the server. */
export const CONNECTING: NoteConnectionState = { status: "connecting", error: null, canEdit: false, synced: false };

/** The note's frame: toolbar, save status, and the page the editor sits on. */
export function NoteFrame({ state, toolbar, children }: { state: NoteConnectionState; toolbar?: ReactNode; children?: ReactNode }) {
  const t = useTranslations("note");
  return (
    <section className="note stack-small" aria-labelledby="note-heading">
      <div className="note-bar">
        <h2 id="note-heading" className="visually-hidden">
          {t("editorLabel")}
        </h2>
        {toolbar}
        <p className="note-status" role="status" aria-live="polite" data-status={state.status}>
          {state.status === "error" ? t("status.error", { message: state.error ?? "" }) : t(`status.${state.status}`)}
        </p>
      </div>
      {state.synced && !state.canEdit && <p className="hint">{t("readOnly")}</p>}
      <div className="note-page" aria-busy={!state.synced}>
        {children ?? <p className="hint">{t("loading")}</p>}
      </div>
    </section>
  );
}
