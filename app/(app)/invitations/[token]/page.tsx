import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { getInvitationPreview } from "@/lib/invitations/accept-invitation";
import { isAppError } from "@/lib/errors";
import { AcceptInvitationForm } from "./AcceptInvitationForm";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitation"))("title") };
}

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const [t, tErrors, tRoles] = await Promise.all([getTranslations("invitation"), getTranslations("errors"), getTranslations("roles")]);
  let preview;
  try {
    preview = await getInvitationPreview({ token });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <div className="narrow stack">
        <h1>{t("title")}</h1>
        <p role="alert" className="notice notice-error">
          {tErrors(error.messageKey as "generic")}
        </p>
      </div>
    );
  }
  const viewer = await getViewer();
  const returnTo = `/invitations/${token}`;
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      <p>{t("body", { title: preview.workshopTitle, role: tRoles(preview.role) })}</p>
      {viewer ? (
        <AcceptInvitationForm token={token} />
      ) : (
        <p>
          <Link className="button button-primary" href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}&email=${encodeURIComponent(preview.email)}`}>
            {t("signInToAccept")}
          </Link>
        </p>
      )}
    </div>
  );
}
