/**
 * The fixed palette of theme colours. `highlight` is the background of a highlighted passage
 * behind body text (it must keep WCAG AA contrast with the ink and with links, which
 * palette.test.ts checks); `strong` marks the theme in chips, swatches and stripes' edges.
 * No yellow: untagged highlights keep the reader's yellow, so they stay distinguishable.
 */
export const THEME_COLORS = {
  orange: { highlight: "#fed7aa", strong: "#c2410c" },
  red: { highlight: "#fecaca", strong: "#b91c1c" },
  pink: { highlight: "#fbcfe8", strong: "#be185d" },
  fuchsia: { highlight: "#f5d0fe", strong: "#a21caf" },
  purple: { highlight: "#e9d5ff", strong: "#7e22ce" },
  indigo: { highlight: "#c7d2fe", strong: "#4338ca" },
  blue: { highlight: "#bfdbfe", strong: "#1d4ed8" },
  cyan: { highlight: "#a5f3fc", strong: "#0e7490" },
  teal: { highlight: "#99f6e4", strong: "#0f766e" },
  green: { highlight: "#bbf7d0", strong: "#15803d" },
  lime: { highlight: "#d9f99d", strong: "#4d7c0f" },
  stone: { highlight: "#e7e5e4", strong: "#57534e" },
} as const satisfies Record<string, { highlight: string; strong: string }>;

export type ThemeColor = keyof typeof THEME_COLORS;

/** Palette keys in the order they are offered and handed out to new themes. */
export const THEME_COLOR_KEYS = Object.keys(THEME_COLORS) as ThemeColor[];

/** Highlight of a passage whose annotations carry no theme. */
export const UNTAGGED_HIGHLIGHT = "#ffe9a8";

export function isThemeColor(value: unknown): value is ThemeColor {
  return typeof value === "string" && Object.hasOwn(THEME_COLORS, value);
}

/** The colour a new theme gets: the first one no theme uses yet, else round the palette. */
export function nextThemeColor(used: readonly string[]): ThemeColor {
  return THEME_COLOR_KEYS.find((key) => !used.includes(key)) ?? THEME_COLOR_KEYS[used.length % THEME_COLOR_KEYS.length]!;
}
