import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./config";

export type Messages = typeof en;

const CATALOGS: Record<Locale, Messages> = { en, fr };

export function loadMessages(locale: Locale): Messages {
  return CATALOGS[locale];
}
