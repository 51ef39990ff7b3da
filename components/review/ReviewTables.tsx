import { getLocale, getTranslations } from "next-intl/server";
import { consensusWording } from "@/lib/consensus/wording";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { REVIEW_CLASS_ORDER } from "@/lib/review/summarize-lessons";
import { STRENGTH_BUCKETS, type Review, type ReviewTheme } from "@/lib/review/schemas";

async function classLabels() {
  const locale = await getLocale();
  const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return (name: (typeof REVIEW_CLASS_ORDER)[number]) => consensusWording(name, language).label;
}

/** The spread chart's figures: lessons per theme and class. */
export async function SpreadTable({ themes }: { themes: readonly ReviewTheme[] }) {
  const [t, label] = await Promise.all([getTranslations("review"), classLabels()]);
  return (
    <div className="table-scroll">
      <table className="review-data" data-testid="spread-table">
        <caption className="visually-hidden">{t("spreadTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("theme")}</th>
            {REVIEW_CLASS_ORDER.map((name) => (
              <th scope="col" key={name}>
                {label(name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {themes.map((theme) => (
            <tr key={theme.id ?? "none"}>
              <th scope="row">{theme.name ?? t("unthemed")}</th>
              {REVIEW_CLASS_ORDER.map((name) => (
                <td key={name} data-class={name}>
                  {theme.spread[name]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The strength chart's figures: lessons per class and evidence strength. */
export async function StrengthTable({ strength }: { strength: Review["strength"] }) {
  const [t, label] = await Promise.all([getTranslations("review"), classLabels()]);
  return (
    <div className="table-scroll">
      <table className="review-data">
        <caption className="visually-hidden">{t("strengthTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("consensus")}</th>
            {STRENGTH_BUCKETS.map((bucket) => (
              <th scope="col" key={bucket}>
                {t(`strength.${bucket}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {strength.map((row) => (
            <tr key={row.consensus}>
              <th scope="row">{label(row.consensus)}</th>
              {STRENGTH_BUCKETS.map((bucket) => (
                <td key={bucket}>{row.counts[bucket]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Lessons shown per theme before "Show all": a roundtable's themes hold a few dozen, and a
 * workshop of thousands stays a page a person can read (and print) rather than one long table.
 */
export const LESSONS_SHOWN_PER_THEME = 50;

/**
 * One theme's lessons: phrase, evidence, whether the note refers to them yet; the first
 * LESSONS_SHOWN_PER_THEME in board order, or all of them once `showAllHref` was followed.
 */
export async function ThemeLessons({
  theme,
  workshopId,
  headingId,
  expanded,
  showAllHref,
}: {
  theme: ReviewTheme;
  workshopId: string;
  headingId: string;
  expanded: boolean;
  showAllHref: string;
}) {
  const [t, label] = await Promise.all([getTranslations("review"), classLabels()]);
  const shown = expanded ? theme.lessons : theme.lessons.slice(0, LESSONS_SHOWN_PER_THEME);
  return (
    <section className="review-theme stack-small" aria-labelledby={headingId} data-testid="review-theme">
      <h3 id={headingId}>{theme.name ?? t("unthemed")}</h3>
      <p className="hint">{t("themeNote", { inNote: theme.inNote, notInNote: theme.notInNote })}</p>
      {theme.lessons.length === 0 ? (
        <p className="hint">{t("noLessons")}</p>
      ) : (
        <div className="table-scroll">
          <table className="review-data review-lessons">
            <thead>
              <tr>
                <th scope="col">{t("lesson")}</th>
                <th scope="col">{t("consensus")}</th>
                <th scope="col">{t("evidence")}</th>
                <th scope="col">{t("inNote")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((lesson) => (
                <tr key={lesson.id} data-lesson-id={lesson.id}>
                  <th scope="row">
                    <a href={`/workshops/${workshopId}/lessons#lesson-${lesson.id}`}>{lesson.statement}</a>
                    {lesson.isHidden && <span className="badge">{t("hidden")}</span>}
                  </th>
                  <td data-testid="review-class" data-class={lesson.consensus?.consensus ?? "held"}>
                    {lesson.consensus ? label(lesson.consensus.consensus) : t("held")}
                  </td>
                  <td>{t("strengthOf", lesson.strength)}</td>
                  <td>{lesson.inNote ? t("yes") : t("notYet")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length < theme.lessons.length && (
        <p className="hint">
          <a href={showAllHref}>{t("showAllLessons", { count: theme.lessons.length, shown: shown.length })}</a>
        </p>
      )}
    </section>
  );
}
