"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { MAX_SOURCE_BYTES } from "@/lib/sources/import/import-errors";
import { CitationFields, Field } from "./CitationFields";
import { uploadSource, type UploadFailure } from "./upload-source";

type Mode = "paste" | "upload";
type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "importing" };

const MB = 1024 * 1024;
const LIMIT_MB = MAX_SOURCE_BYTES / MB;
const CITATION_FIELDS = ["title", "authors", "publisher", "publishedOn", "url", "shortCitation"];

/** Adds a source by pasting text or uploading a file, with a real upload progress bar. */
export function NewSourceForm({ workshopId }: { workshopId: string }) {
  const t = useTranslations("sourceForm");
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("paste");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const errorFor = (field: string) => (error?.field === field ? error.message : null);
  const isBusy = phase.kind !== "idle";

  function describeFailure(failure: UploadFailure) {
    if (failure.field && CITATION_FIELDS.includes(failure.field)) return { message: t(`fields.${failure.field}` as "fields.title"), field: failure.field };
    return { message: failure.message ?? t("networkError") };
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    if (mode === "upload") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return setError({ message: t("chooseFile"), field: "file" });
      if (file.size > MAX_SOURCE_BYTES) return setError({ message: t("tooLarge", { sizeMb: (file.size / MB).toFixed(1), limitMb: LIMIT_MB }), field: "file" });
      form.delete("text");
      form.delete("format");
    } else {
      form.delete("file");
    }
    setPhase({ kind: "uploading", percent: 0 });
    try {
      const source = await uploadSource(workshopId, form, {
        onUploadProgress: (fraction) => setPhase({ kind: "uploading", percent: Math.round(fraction * 100) }),
        onUploaded: () => setPhase({ kind: "importing" }),
      });
      router.push(`/workshops/${workshopId}/sources/${source.id}`);
    } catch (failure) {
      setPhase({ kind: "idle" });
      setError(describeFailure(failure as UploadFailure));
    }
  }

  return (
    <form onSubmit={handleSubmit} className="stack">
      {error && !error.field && (
        <p role="alert" className="notice notice-error">
          {error.message}
        </p>
      )}
      <fieldset className="field">
        <legend>{t("mode")}</legend>
        {(["paste", "upload"] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} disabled={isBusy} />
            <span>{t(value === "paste" ? "modePaste" : "modeUpload")}</span>
          </label>
        ))}
      </fieldset>
      {mode === "paste" ? (
        <>
          <div className="field">
            <label htmlFor="format">{t("format")}</label>
            <select id="format" name="format" defaultValue="MARKDOWN">
              {(["TEXT", "MARKDOWN", "HTML"] as const).map((format) => (
                <option key={format} value={format}>
                  {t(`format${format}`)}
                </option>
              ))}
            </select>
          </div>
          <Field id="text" label={t("text")} hint={t("textHint")} error={errorFor("text")}>
            {(describedBy) => <textarea id="text" name="text" rows={12} required aria-describedby={describedBy} />}
          </Field>
        </>
      ) : (
        <Field id="file" label={t("file")} hint={t("fileHint", { limitMb: LIMIT_MB })} error={errorFor("file")}>
          {(describedBy) => (
            <input id="file" name="file" type="file" accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf" aria-describedby={describedBy} aria-invalid={!!errorFor("file") || undefined} />
          )}
        </Field>
      )}
      <CitationFields errorFor={errorFor} />
      {phase.kind !== "idle" && (
        <div role="status" className="stack-small">
          {phase.kind === "uploading" ? (
            <>
              <progress value={phase.percent} max={100} aria-label={t("uploadProgress")} />
              <span>{t("uploading", { percent: phase.percent })}</span>
            </>
          ) : (
            <>
              <progress aria-label={t("importing")} />
              <span>{t("importing")}</span>
            </>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {t("submit")}
        </button>
        <Link href={`/workshops/${workshopId}`}>{t("cancel")}</Link>
      </div>
    </form>
  );
}
