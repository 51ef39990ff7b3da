"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { nextThemeColor } from "@/lib/themes/palette";
import type { PresentedTheme } from "@/lib/themes/present";
import { CodebookRequestError, type CodebookApi, type ThemeValues } from "./codebook-api";
import { ThemeFields } from "./ThemeFields";

/** Adds a theme at the end of the codebook; the colour starts on the next unused one. */
export function CreateThemeForm({ api, themes, onCreated }: { api: CodebookApi; themes: PresentedTheme[]; onCreated: (announcement: string) => void }) {
  const t = useTranslations("themes");
  const suggested = nextThemeColor(themes.map((theme) => theme.color));
  const [values, setValues] = useState<ThemeValues>({ name: "", description: "", color: suggested });
  const [hasPickedColor, setHasPickedColor] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  // Until a colour is picked, follow the codebook's next unused colour as it changes.
  const shown = hasPickedColor ? values : { ...values, color: suggested };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    try {
      const { theme } = await api.create(shown);
      setValues({ name: "", description: "", color: suggested });
      setHasPickedColor(false);
      onCreated(t("create.done", { name: theme.name }));
    } catch (failure) {
      setError({ message: (failure as Error).message, field: failure instanceof CodebookRequestError ? failure.field : undefined });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section aria-labelledby="create-theme-heading" className="card stack-small">
      <h2 id="create-theme-heading">{t("create.title")}</h2>
      <form onSubmit={handleSubmit} className="stack-small">
        <ThemeFields
          values={shown}
          onChange={(next) => {
            if (next.color !== shown.color) setHasPickedColor(true);
            setValues(next);
          }}
          error={error}
        />
        <div>
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {t("create.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
