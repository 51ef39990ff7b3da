import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getMyProfile } from "@/lib/users/update-profile";
import { WhoSeesExplanation } from "@/components/privacy/WhoSeesExplanation";
import { WelcomeForm } from "./WelcomeForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

/** The first sign-in's profile step: a display name (required) and an organization (optional). */
export default async function WelcomePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  const viewer = await requireViewerOrRedirect(`/welcome?callbackUrl=${encodeURIComponent(returnTo)}`);
  const [t, profile] = await Promise.all([getTranslations("profile"), getMyProfile({ viewer })]);
  if (profile.name) redirect(returnTo);
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <WelcomeForm returnTo={returnTo} organization={profile.organization} />
      <WhoSeesExplanation />
    </div>
  );
}
