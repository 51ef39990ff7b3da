/**
 * The text that annotations anchor into: Unicode NFC, LF line endings, no trailing spaces,
 * at most one blank line between blocks, no leading or trailing blank lines. Curly quotes and
 * accents are kept as they are.
 */
export function normalizeSourceText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}
