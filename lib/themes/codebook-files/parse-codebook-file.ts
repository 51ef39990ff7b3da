import { AppError } from "@/lib/errors";
import { findNulCharacter } from "@/lib/validation";
import { THEMES_PER_WORKSHOP_MAX, ZThemeDescription, ZThemeName } from "../schemas";
import type { ThemeColor } from "../palette";
import { readCodebookJson } from "./codebook-json";
import { readCodebookQdc } from "./codebook-qdc";
import { CODEBOOK_FILE_MAX_BYTES, type ImportedEntry } from "./types";

export const codebookFileErrors = {
  tooLarge: () => new AppError("PAYLOAD_TOO_LARGE", "codebookFileTooLarge", "The file is too large: a codebook file can be at most 1 MB.", { field: "file" }),
  unreadable: () =>
    new AppError("BAD_REQUEST", "codebookFileUnreadable", "This file is not a codebook Rapporteur can read. Import a Rapporteur codebook (.json) or a REFI-QDA codebook (.qdc).", { field: "file" }),
  empty: () => new AppError("BAD_REQUEST", "codebookFileEmpty", "The file holds no themes.", { field: "file" }),
  tooManyThemes: () =>
    new AppError("BAD_REQUEST", "codebookFileTooManyThemes", `The file holds more than ${THEMES_PER_WORKSHOP_MAX} themes; a codebook holds at most ${THEMES_PER_WORKSHOP_MAX}.`, { field: "file" }),
  invalidTheme: (index: number) =>
    new AppError(
      "BAD_REQUEST",
      "codebookFileInvalidTheme",
      `Theme ${index + 1} of the file has an empty name, a name over 80 characters, a description over 1,000 characters or a NUL character. Correct the file and import it again.`,
      { field: "file" },
    ),
};

export interface ParsedCodebookEntry {
  name: string;
  description: string;
  /** Null when the file gives no colour we can map: the importer picks one. */
  color: ThemeColor | null;
}

/**
 * Reads a codebook file (Rapporteur JSON or REFI-QDA .qdc, told apart by their first character)
 * into themes, validated as the codebook's own inputs are. Any problem is an AppError (4xx) that
 * says what to do; nothing here touches the database.
 */
export function parseCodebookFile(bytes: Uint8Array): ParsedCodebookEntry[] {
  if (bytes.byteLength > CODEBOOK_FILE_MAX_BYTES) throw codebookFileErrors.tooLarge();
  let text: string;
  try {
    // The BOM is dropped by the decoder; invalid UTF-8 is refused rather than guessed at.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).trimStart();
  } catch {
    throw codebookFileErrors.unreadable();
  }
  const entries: ImportedEntry[] | null = text.startsWith("{") ? readCodebookJson(text) : text.startsWith("<") ? readCodebookQdc(text) : null;
  if (!entries) throw codebookFileErrors.unreadable();
  if (entries.length === 0) throw codebookFileErrors.empty();
  if (entries.length > THEMES_PER_WORKSHOP_MAX) throw codebookFileErrors.tooManyThemes();
  return entries.map((entry, index) => {
    const name = ZThemeName.safeParse(entry.name);
    const description = ZThemeDescription.safeParse(entry.description ?? "");
    // PostgreSQL cannot store NUL; parseInput refuses it elsewhere, this path is checked here.
    if (!name.success || !description.success || findNulCharacter([entry.name, entry.description])) throw codebookFileErrors.invalidTheme(index);
    return { name: name.data, description: description.data, color: entry.color };
  });
}
