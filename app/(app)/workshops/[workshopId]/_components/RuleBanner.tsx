import { getTranslations } from "next-intl/server";

/** The rule that applies, in plain words, on every page of the workshop. */
export async function RuleBanner({ attribution }: { attribution: "CHATHAM_HOUSE" | "ATTRIBUTED" }) {
  const t = await getTranslations("rule");
  return (
    <aside className={`rule-banner rule-${attribution.toLowerCase()}`} aria-label={t("label")}>
      <strong>{t(`${attribution}.name`)}:</strong> {t(`${attribution}.explanation`)}
    </aside>
  );
}
