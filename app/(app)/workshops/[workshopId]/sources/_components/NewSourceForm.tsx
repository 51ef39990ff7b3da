"use client";

import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { MAX_SOURCE_BYTES } from "@/lib/sources/import/import-errors";
import { CitationFields, Field } from "./CitationFields";
import { proposeFileTitle, proposePastedTitle, type TitleProposal } from "./propose-title";
import { uploadSource, type UploadFailure } from "./upload-source";

type Mode = "paste" | "upload";
type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "importing" };
/** The title field, and the last title the form proposed for it. */
type TitleState = { value: string; proposal: TitleProposal | null };

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
  const [titleState, setTitleState] = useState<TitleState>({ value: "", proposal: null });
  const textRef = useRef<HTMLTextAreaElement>(null);
  const formatRef = useRef<HTMLSelectElement>(null);
  const fileTicket = useRef(0);
  const errorFor = (field: string) => (error?.field === field ? error.message : null);
  const isBusy = phase.kind !== "idle";
  const isTitleProposed = titleState.proposal !== null && titleState.value === titleState.proposal.title;

  // A new proposal fills the field only while it is empty or still holds the previous proposal:
  // a title the person typed is never overwritten.
  function propose(proposal: TitleProposal | null) {
    setTitleState(({ value, proposal: previous }) => ({
      value: value === "" || value === previous?.title ? (proposal?.title ?? "") : value,
      proposal,
    }));
  }

  async function handleFileChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    // Files are read asynchronously: only the last one chosen may propose.
    const ticket = ++fileTicket.current;
    const proposal = file ? await proposeFileTitle(file) : null;
    if (ticket === fileTicket.current) propose(proposal);
  }

  function handlePastedChange() {
    propose(proposePastedTitle(formatRef.current?.value ?? "MARKDOWN", textRef.current?.value ?? ""));
  }

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
    if (isTitleProposed) form.set("titleProposed", "true");
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
            <select id="format" name="format" defaultValue="MARKDOWN" ref={formatRef} onChange={handlePastedChange}>
              {(["TEXT", "MARKDOWN", "HTML"] as const).map((format) => (
                <option key={format} value={format}>
                  {t(`format${format}`)}
                </option>
              ))}
            </select>
          </div>
          <Field id="text" label={t("text")} hint={t("textHint")} error={errorFor("text")}>
            {(describedBy) => <textarea id="text" name="text" rows={12} required aria-describedby={describedBy} ref={textRef} onChange={handlePastedChange} />}
          </Field>
        </>
      ) : (
        <Field id="file" label={t("file")} hint={t("fileHint", { limitMb: LIMIT_MB })} error={errorFor("file")}>
          {(describedBy) => (
            <input
              id="file"
              name="file"
              type="file"
              accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf"
              aria-describedby={describedBy}
              aria-invalid={!!errorFor("file") || undefined}
              onChange={handleFileChange}
            />
          )}
        </Field>
      )}
      <CitationFields
        errorFor={errorFor}
        title={{
          value: titleState.value,
          onChange: (value) => setTitleState((state) => ({ ...state, value })),
          hint: isTitleProposed ? t(titleState.proposal!.isProvisional ? "titleFromFileName" : "titleFromDocument") : undefined,
        }}
      />
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
