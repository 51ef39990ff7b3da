import "server-only";
import type { Tx } from "@/lib/db";

export interface ThemeUsage {
  /** Annotations tagged with the theme (hidden ones included: they are still tagged). */
  annotations: number;
  /** Of those, the ones tagged with nothing else: deleting the theme leaves them untagged. */
  annotationsOnlyThisTheme: number;
  lessons: number;
  lessonsOnlyThisTheme: number;
}

/** How much of the workshop is tagged with a theme; counts only, never whose. */
export async function countThemeUsage(tx: Tx, themeId: string): Promise<ThemeUsage> {
  // One after the other: a transaction has one connection, which runs one query at a time.
  const annotations = await tx.annotation.count({ where: { themes: { some: { themeId } } } });
  const annotationsOnlyThisTheme = await tx.annotation.count({ where: { themes: { some: { themeId }, every: { themeId } } } });
  const lessons = await tx.lesson.count({ where: { themes: { some: { themeId } } } });
  const lessonsOnlyThisTheme = await tx.lesson.count({ where: { themes: { some: { themeId }, every: { themeId } } } });
  return { annotations, annotationsOnlyThisTheme, lessons, lessonsOnlyThisTheme };
}
