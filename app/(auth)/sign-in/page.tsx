import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { listDemoPeople } from "@/lib/auth/demo-sign-in";
import { getEnv } from "@/lib/env";
import { safeReturnPath } from "@/lib/auth/return-path";
import { EmailSignInForm } from "./_components/EmailSignInForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const [t, tRoles] = await Promise.all([getTranslations("signIn"), getTranslations("roles")]);
  const demoPeople = listDemoPeople();
  const hasOutbox = getEnv().isDemo && !getEnv().SMTP_URL;

  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {params.error && (
        <p role="alert" className="notice notice-error">
          {params.error === "Verification" ? t("errors.linkInvalid") : t("errors.generic")}
        </p>
      )}
      <EmailSignInForm callbackUrl={callbackUrl} defaultEmail={params.email ?? ""} />
      {hasOutbox && <p className="hint">{t("outboxHint")}</p>}
      {demoPeople.length > 0 && (
        <section aria-labelledby="demo-heading" className="card stack">
          <h2 id="demo-heading">{t("demo.title")}</h2>
          <p className="hint">{t("demo.intro")}</p>
          <ul className="demo-people">
            {demoPeople.map((person) => (
              <li key={person.key}>
                <form method="post" action="/api/demo/sign-in">
                  <input type="hidden" name="person" value={person.key} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button type="submit" className="button">
                    {t("demo.signInAs", { name: person.name, role: tRoles(person.role) })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
