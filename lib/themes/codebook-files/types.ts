import type { ThemeColor } from "../palette";

/** One theme as a codebook file carries it: nothing about people, no ids, no counts. */
export interface CodebookEntry {
  name: string;
  description: string;
  color: ThemeColor;
}

/** A theme read from a file, before validation; colour null when the file gives none we can map. */
export interface ImportedEntry {
  name: unknown;
  description: unknown;
  color: ThemeColor | null;
}

export const CODEBOOK_FILE_MAX_BYTES = 1024 * 1024;
