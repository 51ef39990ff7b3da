import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from "./config";
import { loadMessages } from "./messages";

/** The viewer's language: the switch's cookie first, then the browser's preference. */
export async function getRequestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return { locale, messages: loadMessages(locale), timeZone: "UTC" };
});
