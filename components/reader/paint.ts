import { THEME_COLORS, THEME_COLOR_KEYS, UNTAGGED_HIGHLIGHT, type ThemeColor } from "@/lib/themes/palette";
import type { Highlight } from "./segments";

/** Underline of untagged highlights: the reader's yellow, darker. */
const UNTAGGED_EDGE = "#a87e00";

/** The colours a highlight can show: the palette's, then the untagged yellow. */
const PAINTS = [
  ...THEME_COLOR_KEYS.map((key) => ({ key: key as string, fill: THEME_COLORS[key].highlight, edge: THEME_COLORS[key].strong })),
  { key: "untagged", fill: UNTAGGED_HIGHLIGHT, edge: UNTAGGED_EDGE },
];
const UNTAGGED_BIT = 1 << THEME_COLOR_KEYS.length;
const BIT_OF = new Map<string, number>(THEME_COLOR_KEYS.map((key, index) => [key, 1 << index]));

/**
 * Stripes drawn at most: beyond four, bands get too thin to tell apart; every theme's name
 * is still in the highlight's title and the card's chips.
 */
export const MAX_STRIPES = 4;

/** A highlight with the colours of its annotation's themes as a bit set (see `colorBits`). */
export interface PaintedHighlight extends Highlight {
  /** One bit per palette colour (palette order), plus one for "untagged". */
  colors: number;
}

/** The bit set of the colours of these themes (themes sharing a colour count once). */
export function colorBits(themeColors: readonly string[]): number {
  let bits = 0;
  for (const color of themeColors) bits |= BIT_OF.get(color) ?? 0;
  return bits === 0 ? UNTAGGED_BIT : bits;
}

/**
 * Highlights of placed annotations, each with the colours of its themes. Theme ids unknown to
 * the codebook (a theme deleted a moment ago) are ignored; no theme left means untagged.
 */
export function paintHighlights(
  annotations: readonly { id: string; passage: { start: number | null; end: number | null }; themeIds: readonly string[] }[],
  themes: readonly { id: string; color: ThemeColor }[],
): PaintedHighlight[] {
  const colorOf = new Map(themes.map((theme) => [theme.id, theme.color]));
  return annotations.map((annotation) => ({
    id: annotation.id,
    start: annotation.passage.start!,
    end: annotation.passage.end!,
    colors: colorBits(annotation.themeIds.flatMap((id) => colorOf.get(id) ?? [])),
  }));
}

const classCache = new Map<number, string>();

/** Class names for a bit set of colours: `hl-cN` (N stripes) and `hl-<position>-<colour>`. */
function colorClasses(bits: number): string {
  let cached = classCache.get(bits);
  if (cached === undefined) {
    const keys = PAINTS.filter((_, index) => bits & (1 << index)).slice(0, MAX_STRIPES).map((paint) => paint.key);
    cached = [`hl-c${keys.length}`, ...keys.map((key, index) => `hl-${index + 1}-${key}`)].join(" ");
    classCache.set(bits, cached);
  }
  return cached;
}

/**
 * The class of one highlighted piece of text, from the highlights covering it: the union of
 * their colours (striped when several), `highlight-overlap` when two or more annotations cover
 * it, and the states of the selected, pending and linked passages. Pseudo-highlights ("pending",
 * "linked") are not in `byId` and add no colour.
 */
export function segmentClass(
  highlightIds: readonly string[],
  byId: ReadonlyMap<string, PaintedHighlight>,
  state: { activeId: string | null },
): string {
  let bits = 0;
  let count = 0;
  let isActive = false;
  let isPending = false;
  let isLinked = false;
  for (const id of highlightIds) {
    const highlight = byId.get(id);
    if (highlight) {
      bits |= highlight.colors;
      count += 1;
      if (id === state.activeId) isActive = true;
    } else if (id === PENDING_ID) isPending = true;
    else if (id === LINKED_ID) isLinked = true;
  }
  let name = count > 0 ? `highlight ${colorClasses(bits)}` : "highlight";
  if (count > 1) name += " highlight-overlap";
  if (isActive) name += " highlight-active";
  if (isPending) name += " highlight-pending";
  if (isLinked) name += " highlight-linked";
  return name;
}

/** Ids of the two pseudo-highlights: the passage being annotated and the one a link opened. */
export const PENDING_ID = "pending";
export const LINKED_ID = "linked";
/** The notice that says which passage a link opened; the linked pieces point to it. */
export const LINKED_NOTICE_ID = "linked-passage-notice";

/** The stylesheet that carries the highlight colours, between these two lines. */
export const HIGHLIGHT_CSS_FILE = "app/globals.css";
const BEGIN = "/* Highlight colours: generated from lib/themes/palette.ts by scripts/write-highlight-css.ts, do not edit. */";
const END = "/* End of the generated highlight colours. */";

/**
 * The stylesheet with its generated section replaced by the palette's colours. One stylesheet
 * for the whole app: a second one would be one more request that holds up the first paint.
 */
export function withHighlightCss(stylesheet: string): string {
  const start = stylesheet.indexOf(BEGIN);
  const end = stylesheet.indexOf(END);
  const section = `${BEGIN}\n${highlightCss()}\n${END}`;
  if (start < 0 || end < start) return `${stylesheet.trimEnd()}\n\n${section}\n`;
  return stylesheet.slice(0, start) + section + stylesheet.slice(end + END.length);
}

/**
 * The highlight colours as CSS, from the palette (its single source). A piece of one colour
 * gets it directly (`hl-c1 hl-1-<colour>`); a piece of several sets its stripes' colours in
 * custom properties, and `hl-cN` paints N of them as diagonal bands. Only those pieces declare
 * custom properties: a style without them can be shared between the thousands of pieces of one
 * colour, which keeps restyling a long source cheap. Every background is a palette `highlight`
 * colour, so the text keeps the contrast palette.test.ts checks; the underline is the first
 * colour's `strong` tone.
 */
export function highlightCss(): string {
  const rules: string[] = [];
  for (const paint of PAINTS) {
    rules.push(`mark.hl-1-${paint.key}{border-bottom-color:${paint.edge}}`);
    rules.push(`mark.hl-c1.hl-1-${paint.key}{background:${paint.fill}}`);
    rules.push(`mark:not(.hl-c1).hl-1-${paint.key}{--hl-1:${paint.fill}}`);
    for (let position = 2; position <= MAX_STRIPES; position += 1) rules.push(`mark.hl-${position}-${paint.key}{--hl-${position}:${paint.fill}}`);
  }
  const band = 0.35;
  for (let count = 2; count <= MAX_STRIPES; count += 1) {
    const stops = Array.from({ length: count }, (_, index) => `var(--hl-${index + 1}) ${(index * band).toFixed(2)}em ${((index + 1) * band).toFixed(2)}em`);
    rules.push(`mark.hl-c${count}{background:repeating-linear-gradient(135deg,${stops.join(",")})}`);
  }
  return rules.join("\n");
}
