"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { PresentedTheme } from "@/lib/themes/present";
import { useWhen } from "./use-when";
import { ReplyItem } from "./ReplyItem";
import { AnnotationForm } from "./AnnotationForm";

interface AnnotationCardProps {
  annotation: PresentedAnnotation;
  themes: PresentedTheme[];
  isActive: boolean;
  canContribute: boolean;
  onSelect: () => void;
  onUpdate: (values: { comment: string; themeIds: string[] }) => Promise<void>;
  onDelete: () => Promise<void>;
  onReply: (body: string) => Promise<void>;
  onUpdateReply: (replyId: string, body: string) => Promise<void>;
  onDeleteReply: (replyId: string) => Promise<void>;
  /** Organizers only: moderation acts on the contribution, never reveals its author. */
  canModerate: boolean;
  onSetHidden: (hidden: boolean) => Promise<void>;
  onSetReplyHidden: (replyId: string, hidden: boolean) => Promise<void>;
}

export function AnnotationCard(props: AnnotationCardProps) {
  const { annotation, themes, isActive, canContribute } = props;
  const t = useTranslations("reader");
  const when = useWhen();
  const [isEditing, setIsEditing] = useState(false);
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { exact } = annotation.passage.quote;
  const quote = exact.length > 160 ? `${exact.slice(0, 160)}…` : exact;
  const themeNames = annotation.themeIds.map((id) => themes.find((theme) => theme.id === id)?.name).filter(Boolean);

  async function attempt(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  async function handleReply(event: FormEvent) {
    event.preventDefault();
    await attempt(async () => {
      await props.onReply(reply);
      setReply("");
    });
  }

  return (
    <article className={`annotation-card card stack-small${isActive ? " annotation-card-active" : ""}`} aria-current={isActive || undefined}>
      {annotation.passage.isOrphan ? (
        // An orphan has no passage to go to: its quote is all that is left of where it was.
        <p className="pending-quote">
          <q>{quote}</q>
        </p>
      ) : (
        <button type="button" className="quote-button" onClick={props.onSelect}>
          <span className="visually-hidden">{t("goToPassage")} </span>
          <q>{quote}</q>
        </button>
      )}
      <p className="meta">
        {annotation.mine && <span className="badge">{t("mine")}</span>}
        <span>{when(annotation.when)}</span>
        {annotation.passage.isOrphan && <span className="badge">{t("orphan")}</span>}
        {annotation.isHidden && <span className="badge badge-warning">{t("hiddenBadge")}</span>}
      </p>
      {isEditing ? (
        <AnnotationForm
          themes={themes}
          initial={{ comment: annotation.comment, themeIds: annotation.themeIds }}
          submitLabel={t("save")}
          onSubmit={async (values) => {
            await props.onUpdate(values);
            setIsEditing(false);
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <>
          {annotation.comment && <p className="annotation-comment">{annotation.comment}</p>}
          {themeNames.length > 0 && (
            <ul className="chips" aria-label={t("themes")}>
              {themeNames.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          )}
          {props.canModerate && (
            <button type="button" className="button button-small" onClick={() => void attempt(() => props.onSetHidden(!annotation.isHidden))}>
              {annotation.isHidden ? t("unhide") : t("hide")}
            </button>
          )}
          {annotation.mine && canContribute && (
            <div className="button-row">
              <button type="button" className="button button-small" onClick={() => setIsEditing(true)}>
                {t("edit")}
              </button>
              <button type="button" className="button button-small button-danger" onClick={() => void attempt(props.onDelete)}>
                {t("delete")}
              </button>
            </div>
          )}
        </>
      )}
      {annotation.replies.length > 0 && (
        <ol className="replies" aria-label={t("replies")}>
          {annotation.replies.map((item) => (
            <ReplyItem
              key={item.id}
              reply={item}
              canEdit={item.mine && canContribute}
              onUpdate={(body) => props.onUpdateReply(item.id, body)}
              onDelete={() => props.onDeleteReply(item.id)}
              canModerate={props.canModerate}
              onSetHidden={(hidden) => props.onSetReplyHidden(item.id, hidden)}
              onError={setError}
            />
          ))}
        </ol>
      )}
      {canContribute && (
        <form onSubmit={handleReply} className="reply-form">
          <label className="visually-hidden" htmlFor={`reply-${annotation.id}`}>
            {t("replyLabel")}
          </label>
          <input id={`reply-${annotation.id}`} value={reply} maxLength={5000} placeholder={t("replyPlaceholder")} onChange={(event) => setReply(event.target.value)} />
          <button type="submit" className="button button-small" disabled={!reply.trim()}>
            {t("reply")}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </article>
  );
}
