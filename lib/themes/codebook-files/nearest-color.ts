import { THEME_COLORS, THEME_COLOR_KEYS, isThemeColor, type ThemeColor } from "../palette";

type Lab = readonly [number, number, number];

/** sRGB "#rrggbb" to CIE L*a*b* (D65), where straight-line distance approximates what eyes see. */
function toLab(hex: string): Lab {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29)) as [number, number, number];
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
}

const PALETTE_LAB = THEME_COLOR_KEYS.map((key) => [key, toLab(THEME_COLORS[key].strong)] as const);

/** A theme colour as other tools write it: the palette's strong tone, "#RRGGBB". */
export function hexOfThemeColor(color: ThemeColor): string {
  return THEME_COLORS[color].strong.toUpperCase();
}

/**
 * The palette colour closest to a colour from another tool: a palette key is taken as it is,
 * "#RGB"/"#RRGGBB" (with or without "#", alpha ignored) goes to the nearest strong tone.
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
  const lab = toLab(`#${digits.slice(0, 6)}`);
  let best: { key: ThemeColor; distance: number } | null = null;
  for (const [key, candidate] of PALETTE_LAB) {
    const distance = Math.hypot(lab[0] - candidate[0], lab[1] - candidate[1], lab[2] - candidate[2]);
    if (!best || distance < best.distance) best = { key, distance };
  }
  return best!.key;
}
