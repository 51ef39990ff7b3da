/**
 * A theme name folded for comparison: Unicode-normalized, case-folded, inner whitespace
 * collapsed. "Security  Council" and "security council" are the same theme.
 */
export function themeNameKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("und");
}
