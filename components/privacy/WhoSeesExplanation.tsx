import { useTranslations } from "next-intl";

/**
 * Who will ever see a person's name and organization, and what others see of their
 * contributions: the same words on the profile step and behind "Who can see what".
 */
export function WhoSeesExplanation({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useTranslations("whoSees");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="who-sees stack-small">
      <Heading className="who-sees-heading">{t("profileHeading")}</Heading>
      <p>{t("profileBody")}</p>
      <p>{t("emailBody")}</p>
      <Heading className="who-sees-heading">{t("contributionsHeading")}</Heading>
      <p>{t("contributionsBody")}</p>
    </div>
  );
}
