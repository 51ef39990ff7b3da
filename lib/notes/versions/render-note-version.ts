import "server-only";
import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer";
import type { Viewer } from "@/lib/auth/session";
import type { Locale } from "@/i18n/config";
import { audienceIn } from "@/lib/annotations/audience";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { noteContentExtensions } from "../editor-extensions";
import { loadNoteReferences } from "../load-note-references";
import type { NoteReferences, ResolvedFootnote } from "../references";
import { referencedIds, resolveNote } from "../resolve-note";
import { findVersionRow } from "./get-note-version";
import { presentNoteVersion, type PresentedNoteVersion } from "./present";

export interface RenderedNoteVersion {
  version: PresentedNoteVersion;
  /** The body as HTML: the note's schema only, lesson phrases and footnote numbers resolved, every text escaped. */
  html: string;
  footnotes: ResolvedFootnote[];
}

/**
 * A version for its read-only page, through the note's one resolver: a signed-off version with
 * the phrases and citations frozen in it, any other with the references as they read now.
 */
export async function renderNoteVersion({ viewer, workshopId, versionId, locale }: { viewer: Viewer; workshopId: string; versionId: string; locale: Locale }): Promise<RenderedNoteVersion> {
  const { membership } = await requireWorkshopPermission(viewer, workshopId, "note.versions.view");
  const row = await findVersionRow(workshopId, versionId);
  const references =
    row.kind === "SIGN_OFF" && row.references
      ? (row.references as unknown as NoteReferences)
      : await loadNoteReferences({ workshopId, locale, ids: referencedIds(row.content), audience: await audienceIn(workshopId, viewer.id, membership.role) });
  const resolved = resolveNote(row.content, references, { locale });
  const html = renderToHTMLString({ extensions: noteContentExtensions({ resolved: true }), content: resolved.doc as JSONContent });
  return { version: presentNoteVersion(row), html, footnotes: resolved.footnotes };
}
