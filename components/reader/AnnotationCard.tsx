"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import type { PresentedTheme } from "@/lib/themes/present";
import { THEME_COLORS } from "@/lib/themes/palette";
import { useWhen } from "./use-when";
import { ReplyItem } from "./ReplyItem";
import { AnnotationForm } from "./AnnotationForm";
import { CopyLinkButton } from "./CopyLinkButton";
import { DeferredConfirm } from "./DeferredConfirm";
import type { CardActions } from "./card-actions";
import { useAttempt } from "@/components/ui/use-attempt";

interface AnnotationCardProps {
  annotation: PresentedAnnotation;
  themes: PresentedTheme[];
  isActive: boolean;
  canContribute: boolean;
  canModerate: boolean;
  /** The reader's address of this annotation, without the origin. */
  linkPath: string;
  /** The new-lesson form, pre-filled with this annotation's passage and themes. */
  lessonPath: string;
  /** The meeting note, offering to cite this annotation's passage. */
  citePath: string;
  onSelect: () => void;
  actions: CardActions;
}

export function AnnotationCard({ annotation, themes, isActive, canContribute, canModerate, linkPath, lessonPath, citePath, onSelect, actions }: AnnotationCardProps) {
  const t = useTranslations("reader");
  const tLessons = useTranslations("lessons.fromReader");
  const tCite = useTranslations("note.cite");
  const when = useWhen();
  const [isEditing, setIsEditing] = useState(false);
  const [reply, setReply] = useState("");
  const { error, setError, attempt } = useAttempt();
  const { exact } = annotation.passage.quote;
  const quote = exact.length > 160 ? `${exact.slice(0, 160)}…` : exact;
  const tagged = themes.filter((theme) => annotation.themeIds.includes(theme.id));

  async function handleReply(event: FormEvent) {
    event.preventDefault();
    await attempt(async () => {
      await actions.reply(reply);
      setReply("");
    });
  }

  return (
    // Focusable from script only: a link to this annotation moves the focus here.
    <article className={`annotation-card card stack-small${isActive ? " annotation-card-active" : ""}`} aria-current={isActive || undefined} data-card={annotation.id} tabIndex={-1}>
      {annotation.passage.isOrphan ? (
        // An orphan has no passage to go to: its quote is all that is left of where it was.
        <p className="pending-quote">
          <q>{quote}</q>
        </p>
      ) : (
        <button type="button" className="quote-button" onClick={onSelect}>
          <span className="visually-hidden">{t("goToPassage")} </span>
          <q>{quote}</q>
        </button>
      )}
      <p className="meta">
        {annotation.mine && <span className="badge">{t("mine")}</span>}
        <span>{when(annotation.when)}</span>
        {annotation.isEdited && <span className="badge">{t("edited")}</span>}
        {annotation.passage.isOrphan && <span className="badge">{t("orphan")}</span>}
        {annotation.isHidden && <span className="badge badge-warning">{t("hiddenBadge")}</span>}
      </p>
      {isEditing ? (
        <AnnotationForm
          themes={themes}
          initial={{ comment: annotation.comment, themeIds: annotation.themeIds }}
          submitLabel={t("save")}
          onSubmit={async (values) => {
            await actions.update(values);
            setIsEditing(false);
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <>
          {annotation.comment && <p className="annotation-comment">{annotation.comment}</p>}
          {tagged.length > 0 && (
            <ul className="chips" aria-label={t("themes")}>
              {tagged.map((theme) => (
                <li key={theme.id} style={{ background: THEME_COLORS[theme.color].highlight, borderColor: THEME_COLORS[theme.color].strong }}>
                  {theme.name}
                </li>
              ))}
            </ul>
          )}
          <div className="button-row">
            {annotation.mine && canContribute && (
              <>
                <button type="button" className="button button-small" onClick={() => setIsEditing(true)}>
                  {t("edit")}
                </button>
                <DeferredConfirm
                  label={t("delete")}
                  className="button button-small button-danger"
                  title={t("deleteTitle")}
                  description={t("deleteDescription", { count: annotation.replies.length })}
                  confirmLabel={t("deleteConfirm")}
                  cancelLabel={t("cancel")}
                  onConfirm={actions.remove}
                />
              </>
            )}
            {canModerate && (
              <button type="button" className="button button-small" onClick={() => void attempt(() => actions.setHidden(!annotation.isHidden))}>
                {annotation.isHidden ? t("unhide") : t("hide")}
              </button>
            )}
            <CopyLinkButton path={linkPath} />
            {canContribute && !annotation.passage.isOrphan && (
              <Link className="button button-small" href={lessonPath}>
                {tLessons("turnInto")}
              </Link>
            )}
            {canContribute && !annotation.passage.isOrphan && (
              <Link className="button button-small" href={citePath}>
                {tCite("citeInNote")}
              </Link>
            )}
          </div>
        </>
      )}
      {annotation.replies.length > 0 && (
        <ol className="replies" aria-label={t("replies")}>
          {annotation.replies.map((item) => (
            <ReplyItem
              key={item.id}
              reply={item}
              canEdit={item.mine && canContribute}
              onUpdate={(body) => actions.updateReply(item.id, body)}
              onDelete={() => actions.removeReply(item.id)}
              canModerate={canModerate}
              onSetHidden={(hidden) => actions.setReplyHidden(item.id, hidden)}
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
