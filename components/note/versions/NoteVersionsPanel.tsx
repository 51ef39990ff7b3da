"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { subscribeToWorkshop } from "@/components/realtime/connect";
import { useNoteVersionsApi, type NoteVersionsPanel as PanelData } from "./api";
import { SaveVersionForm } from "./SaveVersionForm";
import { SignOffControls } from "./SignOffControls";
import { VersionList } from "./VersionList";

/**
 * The note's versions and sign-off: the state (draft or signed off), sign off / reopen, save a
 * named version, the list (read, restore). Fetched again whenever the note's status changes.
 */
export function NoteVersionsPanel({ workshopId }: { workshopId: string }) {
  const t = useTranslations("note.versions");
  const id = useId();
  const api = useNoteVersionsApi(workshopId);
  const [data, setData] = useState<PanelData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** Bumped to fetch the panel again (after an action, a status change, a reconnection). */
  const [generation, setGeneration] = useState(0);
  const refresh = () => setGeneration((current) => current + 1);

  useEffect(() => {
    // Overlapping fetches: only the latest answer counts.
    let isLatest = true;
    api.panel().then(
      (next) => {
        if (!isLatest) return;
        setData(next);
        setError(null);
      },
      (failure: Error) => isLatest && setError(failure.message),
    );
    return () => {
      isLatest = false;
    };
  }, [api, generation]);

  useEffect(
    () =>
      subscribeToWorkshop(workshopId, {
        "note:status": (payload) => {
          if (payload.workshopId === workshopId) refresh();
        },
        connect: refresh,
      }),
    [workshopId],
  );

  /** Runs an action, then shows its outcome and the panel anew; failures reach the dialog or form. */
  const run = (work: () => Promise<unknown>, done?: string) => async () => {
    await work();
    setNotice(done ?? null);
    refresh();
  };

  return (
    <section className="card stack-small note-versions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("panel.title")}</h2>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="notice notice-success">
          {notice}
        </p>
      )}
      {!data ? (
        !error && <p className="hint">{t("panel.loading")}</p>
      ) : (
        <>
          <SignOffControls workshopId={workshopId} access={data.access} onSignOff={run(api.signOff, t("signOff.done"))} onReopen={run(api.reopen, t("signOff.reopened"))} />
          <p className="hint">{t("panel.intro")}</p>
          {data.access.can["note.versions.save"] && <SaveVersionForm onSave={(name) => run(() => api.save(name))()} />}
          <VersionList
            workshopId={workshopId}
            versions={data.versions}
            onRestore={data.access.can["note.versions.restore"] ? (versionId) => run(() => api.restore(versionId), t("panel.restored"))() : undefined}
          />
        </>
      )}
    </section>
  );
}
