import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyNoteStatus } from "@/lib/realtime/hub";
import type { Locale } from "@/i18n/config";
import { replaceNoteContent } from "./apply-note-change";
import { freezeNoteReferences, loadNoteReferences } from "./load-note-references";
import { requireNotePermission } from "./note-access";
import { referencedIds } from "./resolve-note";
import { keepNoteVersion, readNoteSnapshot } from "./versions/keep-note-version";
import { presentNoteVersion, type PresentedNoteVersion } from "./versions/present";

const ALREADY_SIGNED_OFF = () => new AppError("CONFLICT", "noteAccess.signedOff", "The note is signed off, so it is read-only. An organizer can reopen it.");

/**
 * Signs the note off (organizers and rapporteurs): in one transaction, a SIGN_OFF version keeps
 * the text with its lesson phrases and citations frozen as they read now, and the note becomes
 * read-only for everyone. Open editors are told, join again and become read-only; the socket
 * layer refuses their updates from now on whatever they do.
 */
export async function signOffNote({ viewer, workshopId, locale }: { viewer: Viewer; workshopId: string; locale: Locale }): Promise<PresentedNoteVersion> {
  await requireNotePermission(viewer, workshopId, "note.signOff");
  const snapshot = await readNoteSnapshot(workshopId);
  const references = freezeNoteReferences(await loadNoteReferences({ workshopId, locale, ids: referencedIds(snapshot.content) }));
  const db = await getPrisma();
  const version = await db.$transaction(async (tx) => {
    // Conditional: of two people signing off at once, one does; the other is told it is done.
    const { count } = await tx.meetingNote.updateMany({ where: { id: snapshot.noteId, signedOffAt: null }, data: { signedOffAt: new Date() } });
    if (count === 0) throw ALREADY_SIGNED_OFF();
    return keepNoteVersion(tx, snapshot, { kind: "SIGN_OFF", name: "", references: references as unknown as Prisma.InputJsonValue });
  });
  notifyNoteStatus(workshopId);
  return presentNoteVersion(version);
}

/**
 * Reopens a signed-off note (organizers): it becomes a draft again, starting from the signed-off
 * version's text, whose phrases follow the counts again. Open editors are told.
 */
export async function reopenNote({ viewer, workshopId }: { viewer: Viewer; workshopId: string }): Promise<void> {
  const { noteId } = await requireNotePermission(viewer, workshopId, "note.reopen");
  const db = await getPrisma();
  const frozen = await db.meetingNoteVersion.findFirst({ where: { noteId: noteId!, kind: "SIGN_OFF" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const { count } = await db.meetingNote.updateMany({ where: { id: noteId!, signedOffAt: { not: null } }, data: { signedOffAt: null } });
  if (count === 0) throw new AppError("CONFLICT", "noteAccess.notSignedOff", "The note is not signed off: there is nothing to reopen.");
  if (frozen) await replaceNoteContent(workshopId, frozen.content as JSONContent);
  notifyNoteStatus(workshopId);
}
