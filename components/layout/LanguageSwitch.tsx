"use client";

import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { setLocaleAction } from "@/app/actions/set-locale";
import { LOCALES } from "@/i18n/config";

export function LanguageSwitch({ current }: { current: string }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function handleChange(locale: string) {
    startTransition(async () => {
      await setLocaleAction(locale);
      router.refresh();
    });
  }

  return (
    <label className="language-switch">
      <span className="visually-hidden">{t("language")}</span>
      <select value={current} disabled={isPending} onChange={(event) => handleChange(event.target.value)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
