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
  const [annotations, annotationsOnlyThisTheme, lessons, lessonsOnlyThisTheme] = await Promise.all([
    tx.annotation.count({ where: { themes: { some: { themeId } } } }),
    tx.annotation.count({ where: { themes: { some: { themeId }, every: { themeId } } } }),
    tx.lesson.count({ where: { themes: { some: { themeId } } } }),
    tx.lesson.count({ where: { themes: { some: { themeId }, every: { themeId } } } }),
  ]);
  return { annotations, annotationsOnlyThisTheme, lessons, lessonsOnlyThisTheme };
}
