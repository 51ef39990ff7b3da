import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/users/update-profile";
import { ProfileForm } from "./ProfileForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const viewer = await requireViewerOrRedirect("/account");
  const [t, profile] = await Promise.all([getTranslations("account"), getMyProfile({ viewer })]);
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      <p className="hint">{t("privacy")}</p>
      <ProfileForm profile={profile} />
    </div>
  );
}
