"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";

interface ReviseSourceFormProps {
  workshopId: string;
  sourceId: string;
  markup: string;
  revision: number;
}

type Result = { revision: number; placed: number; moved: number; orphaned: number };

/** The source's markup in a textarea; saving re-anchors the annotations and says how it went. */
export function ReviseSourceForm({ workshopId, sourceId, markup, revision }: ReviseSourceFormProps) {
  const t = useTranslations("revise");
  const [baseRevision, setBaseRevision] = useState(revision);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = new FormData(event.currentTarget).get("markup");
    setError(null);
    setResult(null);
    setIsSaving(true);
    try {
      const response = await fetch(`/api/workshops/${workshopId}/sources/${sourceId}/text`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ markup: text, baseRevision }),
      });
      const payload = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(payload?.error?.message ?? t("networkError"));
      setResult(payload as Result);
      setBaseRevision((payload as Result).revision);
    } catch (failure) {
      setError(failure instanceof TypeError ? t("networkError") : (failure as Error).message);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="stack">
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      <div role="status">
        {isSaving && <p>{t("saving")}</p>}
        {result && (
          <div className="notice notice-success stack-small">
            <p>{t("saved", { revision: result.revision })}</p>
            <p>
              {t("placed", { count: result.placed })}, {t("moved", { count: result.moved })}, {t("orphaned", { count: result.orphaned })}.
            </p>
            <p>
              <Link href={`/workshops/${workshopId}/sources/${sourceId}`}>{t("back")}</Link>
            </p>
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor="markup">{t("markup")}</label>
        <p id="markup-hint" className="hint">
          {t("markupHint")}
        </p>
        <textarea id="markup" name="markup" rows={24} required defaultValue={markup} aria-describedby="markup-hint" className="markup-editor" />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={isSaving}>
          {t("submit")}
        </button>
        <Link href={`/workshops/${workshopId}/sources/${sourceId}`}>{t("back")}</Link>
      </div>
    </form>
  );
}
