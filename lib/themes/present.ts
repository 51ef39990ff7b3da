import type { Theme } from "@/lib/generated/prisma/client";
import { THEME_COLOR_KEYS, isThemeColor, type ThemeColor } from "./palette";

/** A codebook entry as every member sees it: name, description, palette colour, place. */
export function presentTheme(theme: Theme) {
  // A colour outside the palette cannot be stored through lib/themes; the fallback guards old rows.
  const color: ThemeColor = isThemeColor(theme.color) ? theme.color : THEME_COLOR_KEYS[0]!;
  return { id: theme.id, name: theme.name, description: theme.description, color, position: theme.position };
}

export type PresentedTheme = ReturnType<typeof presentTheme>;
