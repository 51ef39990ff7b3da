import { THEME_COLORS, THEME_COLOR_KEYS, isThemeColor, type ThemeColor } from "../palette";

/**
 * OKLab (Björn Ottosson, 2020) of an sRGB "#rrggbb": its hue angle follows what people call a
 * colour ("blue", "green") far better than RGB or CIELAB distances, which send pure blue to
 * purple and greens to lime.
 */
function toOklab(hex: string): readonly [number, number, number] {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}

/** Below this OKLab chroma a colour reads as grey, whatever its hue: it maps to stone. */
const GREY_CHROMA = 0.04;
const NEUTRAL: ThemeColor = "stone";

const PALETTE_HUES = THEME_COLOR_KEYS.filter((key) => key !== NEUTRAL).map((key) => {
  const [, a, b] = toOklab(THEME_COLORS[key].strong);
  return [key, Math.atan2(b, a)] as const;
});

/** A theme colour as other tools write it: the palette's strong tone, "#RRGGBB". */
export function hexOfThemeColor(color: ThemeColor): string {
  return THEME_COLORS[color].strong.toUpperCase();
}

/**
 * The palette colour closest to a colour from another tool: a palette key is taken as it is,
 * "#RGB"/"#RRGGBB" (with or without "#", alpha ignored) goes to the palette colour of the
 * nearest hue, or to stone when it is greyish.
 * Anything else, or nothing, gives null: the importer then hands out the next unused colour.
 */
export function nearestThemeColor(value: unknown): ThemeColor | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim().toLowerCase();
  if (isThemeColor(trimmed)) return trimmed;
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(trimmed);
  if (!match) return null;
  let digits = match[1]!;
  if (digits.length === 3) digits = [...digits].map((digit) => digit + digit).join("");
  const [, a, b] = toOklab(`#${digits.slice(0, 6)}`);
  if (Math.hypot(a, b) < GREY_CHROMA) return NEUTRAL;
  const hue = Math.atan2(b, a);
  let best: { key: ThemeColor; distance: number } | null = null;
  for (const [key, candidate] of PALETTE_HUES) {
    const turn = Math.abs(hue - candidate);
    const distance = Math.min(turn, 2 * Math.PI - turn);
    if (!best || distance < best.distance) best = { key, distance };
  }
  return best!.key;
}
