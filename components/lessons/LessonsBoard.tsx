"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { PenLine } from "lucide-react";
import { EmptyState } from "@/components/ui/EmptyState";
import { ThemeSwatch } from "@/components/themes/ThemeSwatch";
import type { PresentedTheme } from "@/lib/themes/present";
import { useLessonsApi } from "./api";
import { BoardFilters } from "./BoardFilters";
import { BoardNotices } from "./BoardNotices";
import { LessonCard, type BoardPermissions, type LessonCardActions } from "./LessonCard";
import { BOARD_BATCH, NO_FILTER, firstOfGroups, orderBoard, type BoardFilter } from "./board-order";
import type { Lesson, LessonBoard } from "./types";
import { useLiveLessons } from "./use-live-lessons";
import "./lessons.css";
import "./lessons-print.css";
import { useLessonTarget } from "./use-lesson-target";

interface LessonsBoardProps {
  workshopId: string;
  initialBoard: LessonBoard;
  /** False when the server rendered only the first lessons: the rest is fetched at once. */
  isComplete: boolean;
  initialThemes: PresentedTheme[];
  can: BoardPermissions;
}

/** The board: lessons grouped by theme in codebook order, filtered, live. */
export function LessonsBoard({ workshopId, initialBoard, isComplete, initialThemes, can }: LessonsBoardProps) {
  const t = useTranslations("lessons");
  const tEmpty = useTranslations("empty.lessons");
  const locale = useLocale();
  const api = useLessonsApi(workshopId);
  const { board, themes, isLoading, upsert, remove, dropNotice } = useLiveLessons({ workshopId, api, initialBoard, isComplete, initialThemes });
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const [limit, setLimit] = useState(BOARD_BATCH);

  const themeOrder = useMemo(() => themes.map((theme) => theme.id), [themes]);
  const groups = useMemo(() => orderBoard(board.lessons, themeOrder, filter, locale), [board.lessons, themeOrder, filter, locale]);
  const total = groups.reduce((sum, group) => sum + group.lessons.length, 0);
  const needLimit = useCallback((index: number) => setLimit((current) => Math.max(current, index + 1)), []);
  useLessonTarget({ groups, limit, onNeedLimit: needLimit });
  const shown = firstOfGroups(groups, limit);
  const themeById = new Map(themes.map((theme) => [theme.id, theme]));

  function changeFilter(next: BoardFilter) {
    setFilter(next);
    setLimit(BOARD_BATCH);
  }

  function actionsFor(lesson: Lesson): LessonCardActions {
    return {
      setStance: async (stance) => {
        upsert((await api.setStance(lesson.id, stance)).lesson);
        dropNotice(lesson.id);
      },
      remove: async () => {
        await api.remove(lesson.id);
        remove(lesson.id);
      },
      setHidden: async (hidden) => upsert((await api.setHidden(lesson.id, hidden)).lesson),
      merge: async (fromLessonId) => {
        upsert((await api.merge(lesson.id, fromLessonId)).lesson);
        remove(fromLessonId);
      },
    };
  }

  return (
    <div className="stack lessons-board">
      <BoardNotices workshopId={workshopId} notices={board.notices} isHeld={board.held} canReveal={can.canReveal} api={api} onDismissed={dropNotice} />
      {board.lessons.length === 0 && !isLoading ? (
        <EmptyState
          title={tEmpty("title")}
          testId="empty-lessons"
          action={
            can.canWrite && (
              <Link className="button button-primary" href={`/workshops/${workshopId}/lessons/new`}>
                <PenLine aria-hidden="true" className="icon" />
                {t("write")}
              </Link>
            )
          }
        >
          {can.canWrite ? tEmpty("write") : tEmpty("others")}
        </EmptyState>
      ) : (
        <>
          <BoardFilters themes={themes} filter={filter} onChange={changeFilter} isHeld={board.held} />
          <p className="hint" role="status">
            {isLoading ? t("loading") : t("count", { count: total })}
          </p>
          {total === 0 && !isLoading && <p>{t("noMatch")}</p>}
          {shown.map((group) => {
            const theme = themeById.get(group.themeId);
            return (
              <section key={group.themeId || "none"} className="lesson-group stack-small" aria-labelledby={`group-${group.themeId || "none"}`}>
                <h2 id={`group-${group.themeId || "none"}`} className="lesson-group-title">
                  {theme && <ThemeSwatch color={theme.color} />} {theme?.name ?? t("noTheme")}
                </h2>
                <ol className="lesson-list">
                  {group.lessons.map((lesson) => (
                    <li key={lesson.id}>
                      <LessonCard
                        workshopId={workshopId}
                        lesson={lesson}
                        groupThemeId={group.themeId}
                        themes={themes}
                        lessons={can.canMerge ? board.lessons : []}
                        can={can}
                        actions={actionsFor(lesson)}
                      />
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
          {total > limit && (
            <button type="button" className="button" onClick={() => setLimit((current) => current + BOARD_BATCH)}>
              {t("showMore", { count: Math.min(BOARD_BATCH, total - limit) })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
