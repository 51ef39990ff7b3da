"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/ui/FormStatus";
import type { ActionState } from "@/lib/page-helpers";

/** "Save a version": a name (1–120 characters), kept with the note as it is now. */
export function SaveVersionForm({ onSave }: { onSave: (name: string) => Promise<void> }) {
  const t = useTranslations("note.versions.panel");
  const id = useId();
  const [name, setName] = useState("");
  const [state, setState] = useState<ActionState>({});
  const [isBusy, setIsBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    try {
      await onSave(name);
      setName("");
      setState({ ok: true });
    } catch (failure) {
      setState({ error: (failure as Error).message });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="stack-small" onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("nameLabel")}</label>
        <input id={`${id}-name`} value={name} maxLength={120} required aria-describedby={`${id}-hint`} onChange={(event) => setName(event.target.value)} />
        <p className="hint" id={`${id}-hint`}>
          {t("nameHint")}
        </p>
      </div>
      <FormStatus state={state} success={t("saved")} />
      <button type="submit" className="button" disabled={isBusy || !name.trim()}>
        {t("save")}
      </button>
    </form>
  );
}
