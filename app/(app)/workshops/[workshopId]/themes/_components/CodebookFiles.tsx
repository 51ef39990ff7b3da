"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { CodebookApi } from "./codebook-api";

const MAX_BYTES = 1024 * 1024;

/** Export links for every member; importing a file for organizers. */
export function CodebookFiles({ workshopId, api, canImport, onImported }: { workshopId: string; api: CodebookApi; canImport: boolean; onImported: () => void }) {
  const t = useTranslations("themes.files");
  const tErrors = useTranslations("errors");
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const base = `/api/workshops/${encodeURIComponent(workshopId)}/themes/export`;

  async function handleImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    setError(null);
    setResult(null);
    if (!file) return setError(t("chooseFile"));
    if (file.size > MAX_BYTES) return setError(tErrors("codebookFileTooLarge"));
    setIsBusy(true);
    try {
      const counts = await api.importFile(file);
      const message = t("imported", counts);
      setResult(message);
      form.reset();
      onImported();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card stack-small">
      <h2 id={`${id}-heading`}>{t("title")}</h2>
      <p className="export-links">
        <span>{t("export")}</span>
        <a href={`${base}?format=json`} download>
          {t("exportJson")}
        </a>
        <a href={`${base}?format=qdc`} download>
          {t("exportQdc")}
        </a>
      </p>
      {canImport && (
        <form onSubmit={handleImport} className="stack-small">
          <div className="field">
            <label htmlFor={`${id}-file`}>{t("import")}</label>
            <input
              id={`${id}-file`}
              name="file"
              type="file"
              accept=".json,.qdc,.xml,application/json,application/xml,text/xml"
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
              aria-invalid={!!error || undefined}
            />
            <p id={`${id}-hint`} className="hint">
              {t("importHint")}
            </p>
            {error && (
              <p id={`${id}-error`} role="alert" className="field-error">
                {error}
              </p>
            )}
          </div>
          <div>
            <button type="submit" className="button" disabled={isBusy}>
              {t("importSubmit")}
            </button>
          </div>
          {result && (
            <p role="status" className="notice notice-success">
              {result}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
