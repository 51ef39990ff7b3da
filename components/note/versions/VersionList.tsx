"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { PresentedNoteVersion } from "@/lib/notes/versions/present";
import { useVersionLabel } from "./use-version-label";

interface VersionListProps {
  workshopId: string;
  versions: PresentedNoteVersion[];
  /** Given when this person may restore now. */
  onRestore?: (versionId: string) => Promise<void>;
}

/** The kept versions, newest first: a title, a coarse time, a link to read and a restore button. */
export function VersionList({ workshopId, versions, onRestore }: VersionListProps) {
  const t = useTranslations("note.versions.panel");
  const label = useVersionLabel();
  if (!versions.length) return <p className="hint">{t("empty")}</p>;
  return (
    <ul className="stack-small note-versions-list" aria-label={t("listLabel")}>
      {versions.map((version) => {
        const title = label.title(version);
        return (
          <li key={version.id} className="note-version">
            <span className="note-version-name">{title}</span> <span className="hint">{label.savedAt(version)}</span>{" "}
            <a href={`/workshops/${encodeURIComponent(workshopId)}/note/versions/${encodeURIComponent(version.id)}`} aria-label={t("viewLabel", { name: title })}>
              {t("view")}
            </a>{" "}
            {onRestore && (
              <ConfirmDialog
                trigger={
                  <button type="button" className="button button-small" aria-label={t("restoreLabel", { name: title })}>
                    {t("restore")}
                  </button>
                }
                title={t("restoreTitle")}
                description={<p>{t("restoreBody")}</p>}
                confirmLabel={t("restoreConfirm")}
                cancelLabel={t("cancel")}
                isDestructive={false}
                onConfirm={() => onRestore(version.id)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
