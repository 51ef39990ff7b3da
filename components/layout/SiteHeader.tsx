import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { LanguageSwitch } from "./LanguageSwitch";
import { SignOutButton } from "./SignOutButton";

export async function SiteHeader() {
  const [t, viewer, locale] = await Promise.all([getTranslations("nav"), getViewer(), getLocale()]);
  return (
    <header className="site-header">
      <Link href={viewer ? "/workshops" : "/"} className="brand">
        Rapporteur
      </Link>
      <nav aria-label={t("label")} className="site-nav">
        {viewer && <Link href="/workshops">{t("myWorkshops")}</Link>}
        {viewer && <Link href="/account">{t("account")}</Link>}
        <LanguageSwitch current={locale} />
        {viewer ? (
          <span className="signed-in">
            <span className="visually-hidden">{t("signedInAs")}</span>
            {/* The name people chose; the address only until they have given one. */}
            <span className="viewer-name" title={viewer.name ? viewer.email : undefined}>
              {viewer.name ?? viewer.email}
            </span>
            <SignOutButton />
          </span>
        ) : (
          <Link href="/sign-in">{t("signIn")}</Link>
        )}
      </nav>
    </header>
  );
}
