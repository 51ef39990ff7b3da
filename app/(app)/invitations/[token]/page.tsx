import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { getInvitationPreview } from "@/lib/invitations/accept-invitation";
import { isAppError } from "@/lib/errors";
import { abilityMessageKey } from "@/lib/workshops/role-abilities";
import { WhoSeesDialog } from "@/components/privacy/WhoSeesDialog";
import { AcceptInvitationForm } from "./AcceptInvitationForm";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitation"))("title") };
}

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const [t, tErrors, tRoles, tJoin, tRule, format] = await Promise.all([
    getTranslations("invitation"),
    getTranslations("errors"),
    getTranslations("roles"),
    getTranslations("join"),
    getTranslations("rule"),
    getFormatter(),
  ]);
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
      <section aria-label={tJoin("detailsLabel")} className="stack-small">
        <dl className="facts">
          <dt>{tJoin("date")}</dt>
          <dd>{preview.date ? format.dateTime(new Date(preview.date), { dateStyle: "long", timeZone: "UTC" }) : tJoin("notSet")}</dd>
          <dt>{tJoin("place")}</dt>
          <dd>{preview.place || tJoin("notSet")}</dd>
          <dt>{tJoin("rule")}</dt>
          <dd>
            <strong>{tRule(`${preview.attribution}.name`)}:</strong> {tRule(`${preview.attribution}.explanation`)}
          </dd>
          <dt>{tJoin("role")}</dt>
          <dd>{tRoles(preview.role)}</dd>
        </dl>
        <h2 className="h3">{tJoin("canHeading", { role: tRoles(preview.role) })}</h2>
        <ul className="ability-list">
          {preview.abilities.map((action) => (
            <li key={action}>{tJoin(`abilities.${abilityMessageKey(action)}` as "abilities.workshop_view")}</li>
          ))}
        </ul>
        <WhoSeesDialog />
      </section>
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
