"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { ThemeSwatch } from "@/components/themes/ThemeSwatch";
import type { PresentedTheme } from "@/lib/themes/present";
import { useWhen } from "@/components/reader/use-when";
import { ConsensusPhrase } from "./ConsensusPhrase";
import { EvidenceChips } from "./EvidenceChips";
import { MergeLessonControl } from "./MergeLessonControl";
import { StanceButtons } from "./StanceButtons";
import type { Lesson, Stance } from "./types";
import { useAttempt } from "@/components/ui/use-attempt";

/** What the viewer may do on the board (from the workshop's permissions). */
export interface BoardPermissions {
  canWrite: boolean;
  canStance: boolean;
  canMerge: boolean;
  canModerate: boolean;
  canReveal: boolean;
}

export interface LessonCardActions {
  setStance: (stance: Stance | null) => Promise<void>;
  remove: () => Promise<void>;
  setHidden: (hidden: boolean) => Promise<void>;
  merge: (fromLessonId: string) => Promise<void>;
}

interface LessonCardProps {
  workshopId: string;
  lesson: Lesson;
  /** The theme it is listed under; its other themes show as chips. */
  groupThemeId: string;
  themes: PresentedTheme[];
  /** The board's lessons, among which a duplicate to merge into this one is chosen. */
  lessons: Lesson[];
  can: BoardPermissions;
  actions: LessonCardActions;
}

export function LessonCard({ workshopId, lesson, groupThemeId, themes, lessons, can, actions }: LessonCardProps) {
  const t = useTranslations("lessons");
  const tRefs = useTranslations("note.refs");
  const when = useWhen();
  const { error, attempt } = useAttempt();
  const otherThemes = themes.filter((theme) => theme.id !== groupThemeId && lesson.themeIds.includes(theme.id));
  const ids = { statement: `lesson-${lesson.id}-statement`, consensus: `lesson-${lesson.id}-consensus` };

  return (
    <article className="card lesson-card stack-small" id={`lesson-${lesson.id}`} aria-labelledby={ids.statement} tabIndex={-1}>
      <h3 className="lesson-statement" id={ids.statement}>
        {lesson.statement}
      </h3>
      <p className="meta">
        {lesson.mine && <span className="badge">{t("yours")}</span>}
        <span>{when(lesson.when)}</span>
        {lesson.isEdited && <span className="badge">{t("edited")}</span>}
        {lesson.isHidden && <span className="badge badge-warning">{t("hiddenBadge")}</span>}
        {lesson.inNote && (
          <span className="badge" title={tRefs("inNoteHint")}>
            {tRefs("inNoteBadge")}
          </span>
        )}
      </p>
      {lesson.elaboration && (
        <details className="lesson-elaboration">
          <summary>{t("elaboration")}</summary>
          {lesson.elaboration.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </details>
      )}
      <ConsensusPhrase lesson={lesson} id={ids.consensus} />
      {can.canStance && !lesson.isHidden && <StanceButtons stance={lesson.myStance} onChange={actions.setStance} describedBy={ids.statement} />}
      <p className="lesson-strength">{t("evidence.strength", lesson.strength)}</p>
      <EvidenceChips workshopId={workshopId} evidence={lesson.evidence} />
      {otherThemes.length > 0 && (
        <p className="lesson-other-themes">
          <span>{t("otherThemes")}</span>{" "}
          {otherThemes.map((theme) => (
            <span key={theme.id} className="chip">
              <ThemeSwatch color={theme.color} /> {theme.name}
            </span>
          ))}
        </p>
      )}
      <div className="button-row">
        {lesson.mine && can.canWrite && (
          <>
            <Link className="button button-small" href={`/workshops/${workshopId}/lessons/${lesson.id}/edit`}>
              {t("actions.edit")}
            </Link>
            <ConfirmDialog
              trigger={
                <button type="button" className="button button-small button-danger">
                  {t("actions.delete")}
                </button>
              }
              title={t("actions.deleteTitle")}
              description={<p>{t("actions.deleteDescription")}</p>}
              confirmLabel={t("actions.deleteConfirm")}
              cancelLabel={t("actions.cancel")}
              onConfirm={actions.remove}
            />
          </>
        )}
        {can.canModerate && (
          <button type="button" className="button button-small" onClick={() => void attempt(() => actions.setHidden(!lesson.isHidden))}>
            {lesson.isHidden ? t("actions.unhide") : t("actions.hide")}
          </button>
        )}
        {can.canMerge && <MergeLessonControl lesson={lesson} lessons={lessons} onMerge={actions.merge} />}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </article>
  );
}
