import { themeNameKey } from "@/lib/themes/name-key";

/**
 * A theme name folded for matching across workshops: as within a workshop (case, Unicode form,
 * whitespace; lib/themes/name-key.ts), and accents too, since one workshop may write "Médiation"
 * and another "Mediation".
 */
export function themeMatchKey(name: string): string {
  return themeNameKey(name).normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}
