import * as Y from "yjs";
import { getPrisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createReply } from "@/lib/annotations/replies";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { ensureWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";
import { appendNoteUpdate, loadNote } from "@/lib/notes/note-store";
import { NOTE_FRAGMENT } from "@/lib/notes/schema";
import { signOffNote } from "@/lib/notes/sign-off";
import { saveNoteVersion } from "@/lib/notes/versions/save-note-version";
import { addBlock, writeNote } from "@/test/notes";
import { createLessonRow, createMember, createPassage, createSource, createTheme, createWorkshopWithBlankNote, viewerOf } from "@/test/factories";

export const RECORDED_TEXT = "The mandate was too broad. Consent faded in the north. Protection of civilians came first.";

/** A stance straight into the database, tagged as the app tags it (counted at once: settled now). */
async function addStance(workshopId: string, lessonId: string, userId: string, kind: "ENDORSE" | "DISPUTE") {
  const db = await getPrisma();
  const ownerTag = ownershipOf(await ensureWorkshopKey(db, workshopId), userId).tagFor({ kind: "stance", lessonId });
  await db.stance.create({ data: { lessonId, ownerTag, kind, shownKind: kind, settlesAt: new Date(Date.now() - 1000) } });
}

/**
 * A workshop with a record to export and to trim: nine members who may take a stance (one
 * organizer, one rapporteur, seven participants, each with a canary name and organization) and an
 * observer; two themes; a source; a lesson whose views diverged (3 endorse, 3 dispute of 9:
 * counts may be shown) with evidence, one endorsed once (counts may not), a hidden one; an
 * annotation with a comment, a theme and a reply, and a hidden annotation; a note with a named
 * version, signed off (a SIGN_OFF version), then one more row in its edit log.
 */
export async function createRecordedWorkshop() {
  const db = await getPrisma();
  const workshop = await createWorkshopWithBlankNote({ title: "Recorded roundtable" });
  const roles: Role[] = ["ORGANIZER", "RAPPORTEUR", ...Array<Role>(7).fill("PARTICIPANT"), "OBSERVER"];
  const members = [];
  for (const [index, role] of roles.entries()) {
    members.push((await createMember(workshop.id, role, { name: `Canaryname Person${index}`, organization: `Canaryorg${index}` })).user);
  }
  const [organizer, rapporteur, ...rest] = members;
  const participants = rest.slice(0, 7);
  const source = await createSource(workshop.id, { title: "Field report", shortCitation: "Field report 2024", text: RECORDED_TEXT });
  const mandate = await createTheme(workshop.id, "Mandate");
  const consent = await createTheme(workshop.id, "Consent");

  const diverged = await createLessonRow(workshop.id, participants[0]!.id, [consent.id], "Consent must be renewed locally");
  for (const member of [organizer!, participants[0]!, participants[1]!]) await addStance(workshop.id, diverged.id, member.id, "ENDORSE");
  for (const member of [participants[2]!, participants[3]!, participants[4]!]) await addStance(workshop.id, diverged.id, member.id, "DISPUTE");
  const consentStart = RECORDED_TEXT.indexOf("Consent faded");
  const evidencePassage = await createPassage(source, consentStart, consentStart + "Consent faded".length);
  await db.lessonEvidence.create({ data: { lessonId: diverged.id, passageId: evidencePassage.id, note: "As seen in the north" } });
  const single = await createLessonRow(workshop.id, participants[1]!.id, [mandate.id], "Mandates should be narrower");
  await addStance(workshop.id, single.id, participants[5]!.id, "ENDORSE");
  const hidden = await createLessonRow(workshop.id, participants[2]!.id, [mandate.id], "A hidden lesson");
  await db.lesson.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });

  const mandateStart = RECORDED_TEXT.indexOf("mandate was too broad");
  const annotation = await createAnnotation({
    viewer: viewerOf(participants[0]!),
    workshopId: workshop.id,
    sourceId: source.id,
    input: { start: mandateStart, end: mandateStart + "mandate was too broad".length, comment: "Too broad for the troops", themeIds: [mandate.id] },
  });
  await createReply({ viewer: viewerOf(participants[1]!), workshopId: workshop.id, annotationId: annotation.id, input: { body: "And for the budget" } });
  const civiliansStart = RECORDED_TEXT.indexOf("Protection");
  const hiddenAnnotation = await createAnnotation({
    viewer: viewerOf(participants[2]!),
    workshopId: workshop.id,
    sourceId: source.id,
    input: { start: civiliansStart, end: civiliansStart + "Protection".length, comment: "A hidden remark" },
  });
  await db.annotation.update({ where: { id: hiddenAnnotation.id }, data: { hiddenAt: new Date() } });

  await writeNote(workshop.id, (fragment) => addBlock(fragment, "paragraph", "The room discussed the mandate."));
  await saveNoteVersion({ viewer: viewerOf(organizer!), workshopId: workshop.id, input: { name: "Before lunch" } });
  await signOffNote({ viewer: viewerOf(rapporteur!), workshopId: workshop.id, locale: "en" });
  await appendLogRow(workshop.id);

  return { workshop, organizer: organizer!, rapporteur: rapporteur!, participants, observer: members.at(-1)!, members, source, themes: { mandate, consent }, lessons: { diverged, single, hidden }, evidencePassage, annotation };
}

/** One more Yjs update in the note's edit log (as a room appends them), adding a paragraph. */
async function appendLogRow(workshopId: string): Promise<void> {
  const stored = await loadNote(workshopId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored.state);
  const before = Y.encodeStateVector(doc);
  addBlock(doc.getXmlFragment(NOTE_FRAGMENT), "paragraph", "A later edit.");
  await appendNoteUpdate(stored.noteId, Y.encodeStateAsUpdate(doc, before));
}

/** Everything in a file that could name or tell apart a member: names, organizations, emails, user ids. */
export function identitiesOf(members: readonly { id: string; name: string | null; email: string; organization: string | null }[]): string[] {
  return members.flatMap((member) => [member.id, member.email, member.name ?? "", member.organization ?? ""]).filter(Boolean);
}
