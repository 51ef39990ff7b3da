import { useFormatter, useTranslations } from "next-intl";
import type { PresentedRetention } from "@/lib/retention/schedule";

/**
 * What retention deletes, what it keeps and when, in words: the same on the settings page and on
 * the page of a closed workshop, so that nobody is surprised by what disappears.
 */
export function RetentionSummary({ retention }: { retention: Pick<PresentedRetention, "days" | "dueOn" | "appliedOn"> }) {
  const t = useTranslations("retention");
  const format = useFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  if (retention.appliedOn) return <p>{t("whenDone", { date: day(retention.appliedOn) })}</p>;
  if (retention.days === null) return <p>{t("whenOff")}</p>;
  return (
    <div className="stack-small">
      <p>
        <strong>{retention.dueOn ? t("whenDue", { date: day(retention.dueOn) }) : t("whenOpen", { days: retention.days })}</strong>
      </p>
      <p>{t("deleted")}</p>
      <p>{t("kept")}</p>
      <p className="hint">{t("irreversible")}</p>
    </div>
  );
}
