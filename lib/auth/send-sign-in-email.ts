import "server-only";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/config";
import { sendMail } from "@/lib/mail/send-mail";

export interface SignInEmail {
  to: string;
  url: string;
  locale: Locale;
}

/** Renders the sign-in email in the person's language. */
export function renderSignInEmail({ url, locale }: Omit<SignInEmail, "to">) {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "email.signIn" });
  const host = new URL(url).host;
  return {
    subject: t("subject"),
    text: `${t("greeting")}\n\n${t("instruction", { host })}\n\n${url}\n\n${t("ignore")}\n`,
  };
}

/** Sends the magic link that signs a person in. */
export async function sendSignInEmail(email: SignInEmail): Promise<void> {
  await sendMail({ to: email.to, url: email.url, ...renderSignInEmail(email) });
}
