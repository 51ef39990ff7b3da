import { themeNameKey } from "@/lib/themes/name-key";

/**
 * The workshop themes that have no section (a heading with their name, compared as theme
 * names are) in the note yet, in codebook order.
 */
export function missingThemeSections(headings: readonly string[], themes: readonly string[]): string[] {
  const present = new Set(headings.map(themeNameKey));
  return themes.filter((theme) => !present.has(themeNameKey(theme)));
}
