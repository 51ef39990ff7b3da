"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { UserMinus } from "lucide-react";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { PresentedMember } from "@/lib/members/present";
import { changeMemberRoleAction, removeMemberAction } from "../actions";
import { ROLES } from "../../_components/roles";

export function MemberRow({ workshopId, member, canEdit }: { workshopId: string; member: PresentedMember; canEdit: boolean }) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const [roleState, roleAction, isChangingRole] = useActionState(changeMemberRoleAction.bind(null, workshopId, member.membershipId), {});
  const tConfirm = useTranslations("confirm");
  const error = roleState.error;
  const selectId = `role-${member.membershipId}`;

  return (
    <tr>
      <td>
        <span className="member-name">{member.displayName}</span>
        {member.isMe && <span className="badge">{t("you")}</span>}
        <br />
        <span className="hint">
          {member.email}
          {member.organization && ` · ${member.organization}`}
        </span>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </td>
      <td>
        {canEdit ? (
          <form action={roleAction} className="inline-form">
            <label htmlFor={selectId} className="visually-hidden">
              {t("roleOf", { name: member.displayName })}
            </label>
            <select id={selectId} name="role" defaultValue={member.role}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button-small" disabled={isChangingRole}>
              {t("changeRole")}
              <span className="visually-hidden"> {member.displayName}</span>
            </button>
          </form>
        ) : (
          tRoles(member.role)
        )}
      </td>
      <td>
        {canEdit && (
          <ConfirmDialog
            trigger={
              <button type="button" className="button button-small button-danger">
                <UserMinus aria-hidden="true" className="icon" />
                {t("remove")}
                <span className="visually-hidden"> {member.displayName}</span>
              </button>
            }
            title={tConfirm("removeMember.title", { name: member.displayName })}
            description={<p>{tConfirm("removeMember.body")}</p>}
            confirmLabel={tConfirm("removeMember.confirm", { name: member.displayName })}
            cancelLabel={tConfirm("cancel")}
            onConfirm={async () => {
              const result = await removeMemberAction(workshopId, member.membershipId);
              if (result.error) throw new Error(result.error);
            }}
          />
        )}
      </td>
    </tr>
  );
}
