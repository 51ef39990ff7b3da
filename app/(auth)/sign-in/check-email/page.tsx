import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("checkEmail.title") };
}

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const t = await getTranslations("signIn.checkEmail");
  const hasOutbox = getEnv().isDemo && !getEnv().SMTP_URL;
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      <p>{email ? t("sentTo", { email }) : t("sent")}</p>
      <p className="hint">{t("expiry")}</p>
      {hasOutbox && (
        <p>
          <Link href="/outbox">{t("openOutbox")}</Link>
        </p>
      )}
    </div>
  );
}
