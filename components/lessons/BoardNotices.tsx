"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { LessonsApi } from "./api";

interface BoardNoticesProps {
  workshopId: string;
  notices: { lessonId: string }[];
  isHeld: boolean;
  canReveal: boolean;
  api: LessonsApi;
  onDismissed: (lessonId: string) => void;
}

/** Above the board: stances held (and, for organizers, the reveal), and the viewer's merge notices. */
export function BoardNotices({ notices, isHeld, canReveal, api, onDismissed }: BoardNoticesProps) {
  const t = useTranslations("lessons");
  const [error, setError] = useState<string | null>(null);

  async function dismiss(lessonId: string) {
    setError(null);
    try {
      await api.dismissNotice(lessonId);
      onDismissed(lessonId);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  return (
    <>
      {isHeld && (
        <div className="notice stack-small" role="status">
          <p>{t("held")}</p>
          {canReveal && (
            <ConfirmDialog
              trigger={
                <button type="button" className="button button-small">
                  {t("reveal.button")}
                </button>
              }
              title={t("reveal.title")}
              description={<p>{t("reveal.description")}</p>}
              confirmLabel={t("reveal.confirm")}
              cancelLabel={t("actions.cancel")}
              isDestructive={false}
              // The server tells every open board (lessons:changed), this one included.
              onConfirm={() => api.reveal()}
            />
          )}
        </div>
      )}
      {notices.map(({ lessonId }) => (
        <div key={lessonId} className="notice notice-warning merge-notice" role="status">
          <p>{t("notice.merged")}</p>
          <div className="button-row">
            <a className="button button-small" href={`#lesson-${lessonId}`}>
              {t("notice.show")}
            </a>
            <button type="button" className="button button-small" onClick={() => void dismiss(lessonId)}>
              {t("notice.dismiss")}
            </button>
          </div>
        </div>
      ))}
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
    </>
  );
}
