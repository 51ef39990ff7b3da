"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/page-helpers";
import { FormStatus } from "@/components/ui/FormStatus";
import { useActionToast } from "@/components/ui/toast/use-action-toast";

interface NoteSettingsFormProps {
  participantsEditNote: boolean;
  onSave: (input: { participantsEditNote: boolean }) => Promise<ActionState>;
}

/** "Meeting note": whether participants write the note or only read it. */
export function NoteSettingsForm({ participantsEditNote, onSave }: NoteSettingsFormProps) {
  const t = useTranslations("note.versions.settings");
  const tToast = useTranslations("toast");
  const id = useId();
  const [value, setValue] = useState(participantsEditNote);
  const [state, setState] = useState<ActionState>({});
  useActionToast(state, { success: t("saved"), failure: tToast("saveFailed") });
  const [isBusy, setIsBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setState(await onSave({ participantsEditNote: value }));
    setIsBusy(false);
  }

  return (
    <section className="card stack-small" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("title")}</h2>
      <form className="stack-small" onSubmit={handleSubmit}>
        <fieldset className="field stack-small">
          <legend>{t("whoWrites")}</legend>
          <label className="choice">
            <input type="radio" name={`${id}-writers`} checked={value} onChange={() => setValue(true)} />
            <span>{t("everyone")}</span>
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-writers`} checked={!value} onChange={() => setValue(false)} />
            <span>{t("organizersAndRapporteurs")}</span>
          </label>
          <p className="hint">{t("hint")}</p>
        </fieldset>
        <FormStatus state={state} />
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {t("save")}
        </button>
      </form>
    </section>
  );
}
