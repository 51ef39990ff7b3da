"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { PresentedReply } from "@/lib/annotations/present";
import { DeferredConfirm } from "./DeferredConfirm";
import { useWhen } from "./use-when";

interface ReplyItemProps {
  reply: PresentedReply;
  canEdit: boolean;
  onUpdate: (body: string) => Promise<void>;
  onDelete: () => Promise<void>;
  onError: (message: string) => void;
  canModerate: boolean;
  onSetHidden: (hidden: boolean) => Promise<void>;
}

/** One reply of a thread; its author may edit or delete it. */
export function ReplyItem({ reply, canEdit, onUpdate, onDelete, onError, canModerate, onSetHidden }: ReplyItemProps) {
  const t = useTranslations("reader");
  const when = useWhen();
  const [draft, setDraft] = useState<string | null>(null);

  async function attempt(work: () => Promise<void>) {
    try {
      await work();
    } catch (failure) {
      onError((failure as Error).message);
    }
  }

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    await attempt(async () => {
      await onUpdate(draft ?? "");
      setDraft(null);
    });
  }

  return (
    <li className="reply">
      {draft === null ? (
        <p>{reply.body}</p>
      ) : (
        <form onSubmit={handleSave} className="reply-form">
          <label className="visually-hidden" htmlFor={`edit-reply-${reply.id}`}>
            {t("editReplyLabel")}
          </label>
          <input id={`edit-reply-${reply.id}`} value={draft} maxLength={5000} onChange={(event) => setDraft(event.target.value)} />
          <button type="submit" className="button button-small" disabled={!draft.trim()}>
            {t("save")}
          </button>
          <button type="button" className="button button-small" onClick={() => setDraft(null)}>
            {t("cancel")}
          </button>
        </form>
      )}
      <p className="meta">
        {reply.mine && <span className="badge">{t("mine")}</span>}
        <span>{when(reply.when)}</span>
        {reply.isEdited && <span className="badge">{t("edited")}</span>}
        {reply.isHidden && <span className="badge badge-warning">{t("hiddenBadge")}</span>}
        {canModerate && (
          <button type="button" className="button button-small button-quiet" onClick={() => void attempt(() => onSetHidden(!reply.isHidden))}>
            {reply.isHidden ? t("unhideReply") : t("hideReply")}
          </button>
        )}
        {canEdit && draft === null && (
          <>
            <button type="button" className="button button-small button-quiet" onClick={() => setDraft(reply.body)}>
              {t("editReply")}
            </button>
            <DeferredConfirm
              label={t("deleteReply")}
              className="button button-small button-quiet"
              title={t("deleteReplyTitle")}
              description={t("deleteReplyDescription")}
              confirmLabel={t("deleteReplyConfirm")}
              cancelLabel={t("cancel")}
              onConfirm={onDelete}
            />
          </>
        )}
      </p>
    </li>
  );
}
