import { z } from "zod";
import { nearestThemeColor } from "./nearest-color";
import type { CodebookEntry, ImportedEntry } from "./types";

/**
 * Rapporteur's own codebook file, documented in docs/CODEBOOK-FORMATS.md:
 * { "format": "rapporteur-codebook", "version": 1, "themes": [{ "name", "description", "color" }] }
 * in codebook order; `color` is a palette key ("teal"), or "#RRGGBB" from elsewhere.
 */
export const CODEBOOK_JSON_FORMAT = "rapporteur-codebook";
export const CODEBOOK_JSON_VERSION = 1;

export function writeCodebookJson(entries: readonly CodebookEntry[]): string {
  const file = {
    format: CODEBOOK_JSON_FORMAT,
    version: CODEBOOK_JSON_VERSION,
    themes: entries.map(({ name, description, color }) => ({ name, description, color })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const ZCodebookJson = z.object({
  format: z.literal(CODEBOOK_JSON_FORMAT),
  version: z.literal(CODEBOOK_JSON_VERSION),
  themes: z.array(z.object({ name: z.unknown(), description: z.unknown().optional(), color: z.unknown().optional() })),
});

/** The themes of a Rapporteur codebook file, or null when the text is not one. */
export function readCodebookJson(text: string): ImportedEntry[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ZCodebookJson.safeParse(data);
  if (!parsed.success) return null;
  return parsed.data.themes.map((theme) => ({ name: theme.name, description: theme.description ?? "", color: nearestThemeColor(theme.color) }));
}
