"use client";

import { useTranslations } from "next-intl";
import type { GuardWarning } from "@/lib/notes/guard/types";

/**
 * What a warning is about, in words: the excerpt from the note, what kind of slip it may be, and
 * (organizers and rapporteurs only: the server sends the detail to nobody else) whom it matches.
 */
export function WarningDescription({ warning }: { warning: GuardWarning }) {
  const t = useTranslations("note.guard");
  const fields = warning.detail?.fields.map((field) => t(`field.${field}`)).join(", ");
  return (
    <>
      <q className="guard-excerpt">{warning.excerpt}</q> <span>{t(`kind.${warning.kind}`)}</span>
      {warning.detail && <span className="hint"> {t("rosterDetail", { fields: fields ?? "", members: warning.detail.members.join(", ") })}</span>}
    </>
  );
}
