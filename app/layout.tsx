import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { Toaster } from "@/components/ui/toast/Toaster";
import "./globals.css";
import "./narrow.css";
import "./print.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: "Rapporteur", template: "%s · Rapporteur" }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={messages}>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          <Toaster>
            <SiteHeader />
            <main id="main" className="page">
              {children}
            </main>
          </Toaster>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
