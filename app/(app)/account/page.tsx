import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewerOrRedirect } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/users/update-profile";
import { findMyApiTokens } from "@/lib/api-tokens/find-my-api-tokens";
import { ProfileForm } from "./ProfileForm";
import { ApiTokens } from "./ApiTokens";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const viewer = await requireViewerOrRedirect("/account");
  const [t, profile, { tokens, canCreate }] = await Promise.all([getTranslations("account"), getMyProfile({ viewer }), findMyApiTokens({ viewer })]);
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      <p className="hint">{t("privacy")}</p>
      <ProfileForm profile={profile} />
      {canCreate || tokens.length > 0 ? <ApiTokens tokens={tokens} /> : <p className="hint">{t("tokens.organizersOnly")}</p>}
      <p>
        <Link href="/docs/api">{t("tokens.reference")}</Link>
      </p>
    </div>
  );
}
