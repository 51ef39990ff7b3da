import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadWorkshop } from "../_data";
import { findMembers } from "@/lib/members/find-members";
import { findPendingInvitations } from "@/lib/invitations/find-pending-invitations";
import { InviteForm } from "./_components/InviteForm";
import { MemberRow } from "./_components/MemberRow";
import { PendingInvitationRow } from "./_components/PendingInvitationRow";

type Props = { params: Promise<{ workshopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

export default async function MembersPage({ params }: Props) {
  const { viewer, workshop } = await loadWorkshop((await params).workshopId);
  if (!workshop.can["members.view"]) notFound();
  const [t, members, invitations] = await Promise.all([
    getTranslations("members"),
    findMembers({ viewer, workshopId: workshop.id }),
    findPendingInvitations({ viewer, workshopId: workshop.id }),
  ]);
  const canEdit = workshop.can["members.changeRole"];
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p className="hint">{t("privacyNote")}</p>
      {workshop.can["members.invite"] && <InviteForm workshopId={workshop.id} />}
      <section aria-labelledby="members-heading" className="stack-small">
        <h2 id="members-heading">{t("current", { count: members.length })}</h2>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("columns.person")}</th>
                <th scope="col">{t("columns.role")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <MemberRow key={member.membershipId} workshopId={workshop.id} member={member} canEdit={canEdit} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {invitations.length > 0 && (
        <section aria-labelledby="invitations-heading" className="stack-small">
          <h2 id="invitations-heading">{t("pending")}</h2>
          <ul className="card-list">
            {invitations.map((invitation) => (
              <PendingInvitationRow key={invitation.id} workshopId={workshop.id} invitation={invitation} canRevoke={workshop.can["members.invite"]} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
