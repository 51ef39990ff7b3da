import type { InlineMark } from "./markup";

/**
 * What a piece of markup may contain: `legacy` is what plain-text sources (and the insides of
 * bold and footnote markers before links existed) have always been read with, so that the text
 * of markup without links stays what it was; `all` adds links; `links` is links alone.
 */
export type InlineMode = "legacy" | "all" | "links";

const SUP = String.raw`<sup>(?<sup>.*?)<\/sup>`;
const STRONG = String.raw`\*\*(?<strong>.+?)\*\*`;
// [label](url "title"): the label holds no brackets and stays on one line; the URL may hold
// one level of balanced parentheses (Wikipedia's do). An image (![alt](src)) is left as it is.
const LINK = String.raw`(?<!!)\[(?<label>[^\[\]\n]+)\]\(\s*<?(?<url>[^()\s<>]*(?:\([^()\s<>]*\)[^()\s<>]*)*)>?(?:\s+"[^"\n]*")?\s*\)`;

const PATTERNS: Record<InlineMode, RegExp> = {
  legacy: new RegExp(`${SUP}|${STRONG}`, "g"),
  all: new RegExp(`${SUP}|${STRONG}|${LINK}`, "g"),
  links: new RegExp(LINK, "g"),
};

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The URL normalized, when it is one a reader may follow; null for javascript:, data:, relative links... */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Strips inline markup from one block, recording where marks land in the plain text (`offset`
 * is where `raw` starts in it). Marks are pushed outer first, so they stay in document order.
 * A link whose URL is not http:, https: or mailto: keeps its label as plain text, without a mark.
 */
export function stripInline(raw: string, offset: number, marks: InlineMark[], mode: InlineMode): string {
  let plain = "";
  let last = 0;
  for (const match of raw.matchAll(PATTERNS[mode])) {
    plain += raw.slice(last, match.index);
    last = match.index + match[0].length;
    const start = offset + plain.length;
    const { sup, strong, label, url } = match.groups!;
    if (label !== undefined) {
      const href = safeHref(url ?? "");
      const mark: InlineMark | null = href ? { kind: "link", href, start, end: start } : null;
      if (mark) marks.push(mark);
      plain += stripInline(label, start, marks, "legacy");
      if (mark) mark.end = offset + plain.length;
      continue;
    }
    const mark: InlineMark = { kind: sup !== undefined ? "sup" : "strong", start, end: start };
    marks.push(mark);
    const inner = sup ?? strong ?? "";
    // Only links are looked for inside bold and footnote markers: before links, their insides
    // were kept verbatim, and stored texts must not change for markup without links.
    plain += mode === "all" ? stripInline(inner, start, marks, "links") : inner;
    mark.end = offset + plain.length;
  }
  return plain + raw.slice(last);
}
