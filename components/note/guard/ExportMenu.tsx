"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { GuardConfirmDialog } from "./GuardConfirmDialog";

const FORMATS = [
  { format: "md", label: "markdown" },
  { format: "html", label: "html" },
  { format: "docx", label: "docx" },
  { format: "pdf", label: "pdf" },
] as const;

type Format = (typeof FORMATS)[number]["format"];

/**
 * The note's downloads, each through the guard's checklist (GuardConfirmDialog): open warnings
 * are listed and the person confirms before the file is fetched.
 */
export function ExportMenu({ workshopId }: { workshopId: string }) {
  const t = useTranslations("note.export");
  const [format, setFormat] = useState<Format | null>(null);
  const [withMethods, setWithMethods] = useState(false);

  function handleConfirm() {
    if (!format) return;
    const link = document.createElement("a");
    link.href = `/api/workshops/${encodeURIComponent(workshopId)}/note/export?format=${format}${withMethods ? "&methods=1" : ""}`;
    link.download = "";
    document.body.append(link);
    link.click();
    link.remove();
    setFormat(null);
  }

  return (
    <p className="export-links">
      <span>{t("label")}</span>{" "}
      {FORMATS.map(({ format: value, label }) => (
        <span key={value}>
          <button type="button" className="button button-small button-quiet" onClick={() => setFormat(value)}>
            {t(label)}
          </button>{" "}
        </span>
      ))}
      <label>
        <input type="checkbox" checked={withMethods} onChange={(event) => setWithMethods(event.target.checked)} /> {t("withMethods")}
      </label>
      <GuardConfirmDialog workshopId={workshopId} action="export" open={format !== null} onConfirm={handleConfirm} onCancel={() => setFormat(null)} />
    </p>
  );
}
