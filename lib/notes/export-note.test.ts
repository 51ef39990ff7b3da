import { getSchema, type JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createMember, createPassage, createUser, createWorkshop, viewerOf } from "@/test/factories";
import { expectAppError } from "@/test/expect-app-error";
import { fileInZip } from "@/test/zip";
import { createLesson } from "@/lib/lessons/create-lesson";
import { setStance } from "@/lib/lessons/set-stance";
import { lessonWorkshop } from "@/lib/lessons/testing";
import { docxToSourceText } from "@/lib/sources/import/docx-to-text";
import { pdfToSourceText } from "@/lib/sources/import/pdf-to-text";
import { methodsSentence } from "@/lib/consensus/wording";
import { exportNote } from "./export-note";
import { noteContentExtensions } from "./editor-extensions";
import { NoteRoom } from "./note-room";
import { noteWording } from "./note-wording";
import { noteTemplate } from "./note-template";
import { docxHtml, readPdf } from "./export/read-back";
import { ARABIC, CYRILLIC, GREEK, heading, paragraph, sampleNote, text } from "./export/test-notes";

const prisma = registerTestDatabase();

const silent = { update: () => {}, awareness: () => {} };

/**
 * Makes the note `content` the way editors do: a Yjs update through a room (which stores its JSON
 * on close) replacing whatever the note held (a new note may start from the template).
 */
async function writeNote(workshopId: string, content: JSONContent): Promise<void> {
  const room = await NoteRoom.open(workshopId, silent);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, room.syncFor(new Uint8Array([0])).update);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment("default");
  doc.transact(() => fragment.delete(0, fragment.length));
  prosemirrorJSONToYXmlFragment(getSchema(noteContentExtensions()), content, fragment);
  expect(await room.receive(Y.encodeStateAsUpdate(doc, before))).toEqual({ ok: true });
  await room.close();
}

/**
 * A workshop (June 13, 2024, New York, Chatham House) whose note holds two lesson references,
 * a passage cited twice, a free-text footnote and an orphaned passage: the corpus note in small.
 */
async function workshopWithNote() {
  const fixture = await lessonWorkshop();
  const { workshopId, author, other, organizer, rapporteur, source, themes } = fixture;
  await prisma().workshop.update({ where: { id: workshopId }, data: { title: "Lessons from Mali", date: new Date("2024-06-13T00:00:00Z"), place: "New York" } });
  const agreed = await createLesson({ viewer: author, workshopId, input: { statement: "The mission lacked a peace to keep.", themeIds: [themes[0].id] } });
  const suggested = await createLesson({ viewer: other, workshopId, input: { statement: "Consent eroded.", themeIds: [themes[1].id] } });
  for (const viewer of [author, other, organizer, rapporteur]) await setStance({ viewer, workshopId, lessonId: agreed.id, input: { stance: "ENDORSE" } });
  // Stances reach the shared phrase at the end of their batching window: settle them now.
  await prisma().stance.updateMany({ where: { lessonId: agreed.id }, data: { settlesAt: new Date(0) } });
  const cited = await createPassage(source, 0, 25);
  const orphaned = await createPassage(source, 27, 47);
  await prisma().passage.update({ where: { id: orphaned.id }, data: { state: "ORPHANED" } });
  await writeNote(workshopId, sampleNote({ lessons: [agreed.id, suggested.id], passages: [cited.id, orphaned.id] }));
  const members = await prisma().membership.findMany({ where: { workshopId }, include: { user: true } });
  return { ...fixture, members, cited, agreed, suggested };
}

/** Whatever could say who took part: no export may contain any of it. */
function identities(members: Awaited<ReturnType<typeof workshopWithNote>>["members"]): string[] {
  return members.flatMap((member) => [member.user.id, member.user.email, member.user.name ?? "", member.id, member.user.organization ?? ""]).filter((value) => value.length > 2);
}

const PHRASE_AGREED = "Participants generally agreed that the mission lacked a peace to keep.";
const PHRASE_SUGGESTED = "It was suggested that consent eroded after 2021.";
const FREE_TEXT = "UN Security Council Resolution 2100 (April 25, 2013), UN Doc. S/RES/2100.";
const FLAG = "[passage no longer in the source]";

describe("exportNote", () => {
  it("exports Markdown laid out like the corpus note, footnotes defined in order, nobody named", async () => {
    const { workshopId, observer, members } = await workshopWithNote();
    const file = await exportNote({ viewer: observer, workshopId, format: "md", locale: "en" });
    expect(file).toMatchObject({ filename: "lessons-from-mali-meeting-note.md", contentType: "text/markdown; charset=utf-8" });
    const body = file.body as string;
    expect(body.split("\n\n").slice(0, 4)).toEqual(["# Lessons from Mali: meeting note", "June 13, 2024, New York", `*${noteWording("en").chathamHouse}*`, "## Introduction"]);
    expect(body).toContain(`In April 2013, the Council authorized the mission.[^1]`);
    expect(body).toContain(`${PHRASE_AGREED}[^2]`);
    expect(body).toContain(`${PHRASE_SUGGESTED}[^3] See also the review.[^2]`);
    const definitions = body.slice(body.indexOf("[^1]:")).trim().split("\n");
    expect(definitions).toHaveLength(3);
    expect(definitions[0]).toBe(`[^1]: ${FREE_TEXT}`);
    expect(definitions[1]).toBe("[^2]: “Field report”. “Consent of the host state”");
    expect(definitions[2]).toContain("*\\[passage no longer in the source\\]*");
    for (const value of identities(members)) expect(body).not.toContain(value);
  });

  it("exports HTML with linked footnotes and a Notes list, and a methods paragraph when asked for", async () => {
    const { workshopId, other, members } = await workshopWithNote();
    const file = await exportNote({ viewer: other, workshopId, format: "html", methods: "1", locale: "fr" });
    const body = file.body as string;
    expect(body).toContain('<html lang="fr">');
    expect(body).toContain("<title>Lessons from Mali : note de réunion</title>");
    expect(body).toContain('<p class="dateline">13 juin 2024, New York</p>');
    expect(body).toContain("Les participants se sont généralement accordés sur le fait que the mission lacked a peace to keep.");
    expect(body).toContain(`<h2>Méthode</h2>\n<p>${methodsSentence("fr")}</p>`);
    expect([...body.matchAll(/<li id="fn-(\d+)"/g)].map((match) => match[1])).toEqual(["1", "2", "3"]);
    expect(body).toContain('<span class="flagged">[passage qui ne figure plus dans la source]</span>');
    for (const value of identities(members)) expect(body).not.toContain(value);
  });

  it("exports Word with real footnotes in order and PDF with endnotes, page numbers and non-Latin text; no person in any metadata", async () => {
    const { workshopId, rapporteur, members } = await workshopWithNote();
    const docx = await exportNote({ viewer: rapporteur, workshopId, format: "docx", locale: "en" });
    const pdf = await exportNote({ viewer: rapporteur, workshopId, format: "pdf", locale: "en" });
    expect(docx).toMatchObject({ filename: "lessons-from-mali-meeting-note.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect(pdf).toMatchObject({ filename: "lessons-from-mali-meeting-note.pdf", contentType: "application/pdf" });
    const docxBytes = docx.body as Uint8Array;
    const pdfBytes = pdf.body as Uint8Array;

    // Word: mammoth reads the footnotes back, in order, and the phrases in words.
    const html = await docxHtml(docxBytes);
    expect(html).toContain(PHRASE_AGREED);
    expect(html).toContain("It was suggested that consent eroded after 2021.");
    const footnotes = [...html.matchAll(/<li id="footnote-(\d+)">(.*?)<\/li>/g)].map((match) => [match[1], match[2]!]);
    expect(footnotes.map(([id]) => id)).toEqual(["1", "2", "3"]);
    expect(footnotes[0]![1]).toContain(FREE_TEXT);
    expect(footnotes[1]![1]).toContain("“Consent of the host state”");
    expect(footnotes[2]![1]).toContain(FLAG);
    expect(await docxToSourceText(docxBytes)).toContain("June 13, 2024, New York");
    const core = fileInZip(docxBytes, "docProps/core.xml");
    expect(core).toContain("<dc:creator>Rapporteur</dc:creator>");
    expect(core).toContain("<cp:lastModifiedBy>Rapporteur</cp:lastModifiedBy>");
    expect(core).toContain("<dc:title>Lessons from Mali: meeting note</dc:title>");

    // PDF: the notes at the end in order, every page numbered, Greek, Cyrillic and Arabic kept.
    const text = await pdfToSourceText(pdfBytes);
    expect(text).toContain(`${PHRASE_AGREED}<sup>2</sup>`);
    const notes = text.slice(text.indexOf("## Notes"));
    const order = [`1. ${FREE_TEXT}`, "2. “Field report”. “Consent of the host state”", `3. `];
    expect(order.map((line) => notes.indexOf(line)).every((index, i, all) => index >= 0 && (i === 0 || index > all[i - 1]!))).toBe(true);
    expect(notes).toContain(FLAG);
    const { pages, info } = await readPdf(pdfBytes);
    pages.forEach((page, index) => expect(page).toMatch(new RegExp(`${index + 1} / ${pages.length}$`)));
    for (const words of [GREEK, CYRILLIC, ARABIC]) expect(pages.join(" ")).toContain(words);
    expect(info).toMatchObject({ Title: "Lessons from Mali: meeting note", Author: "Rapporteur", Creator: "Rapporteur", Producer: "Rapporteur" });

    const raw = Buffer.from(pdfBytes).toString("latin1");
    for (const value of identities(members)) {
      for (const readBack of [core, html, text, raw, JSON.stringify(info)]) expect(readBack).not.toContain(value);
    }
  });

  it("exports a signed-off note with the phrases frozen at sign-off, not the live ones", async () => {
    const { workshopId, observer, agreed } = await workshopWithNote();
    const note = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId } });
    const frozen = { lessonId: agreed.id, state: "frozen", consensus: "many", phrase: "Many participants noted that", statement: "The mission lacked a peace to keep.", themeIds: [], mergedIntoId: null };
    await prisma().meetingNoteVersion.create({
      data: { noteId: note.id, name: "Signed off", kind: "SIGN_OFF", yState: note.yState ?? new Uint8Array(), content: note.content ?? {}, references: { lessons: { [agreed.id]: frozen }, passages: {} } },
    });
    await prisma().meetingNote.update({ where: { id: note.id }, data: { signedOffAt: new Date() } });
    const body = (await exportNote({ viewer: observer, workshopId, format: "md", locale: "en" })).body as string;
    expect(body).toContain("Many participants noted that the mission lacked a peace to keep.[^2]");
    expect(body).not.toContain("Participants generally agreed");
  });

  it("leaves the date-and-place line and rule statement to a note started from the template, in either language", async () => {
    const workshop = await createWorkshop({ title: "Bamako", date: new Date("2024-06-13T00:00:00Z"), place: "New York" });
    const { user } = await createMember(workshop.id, "RAPPORTEUR");
    await writeNote(workshop.id, noteTemplate({ date: workshop.date, place: workshop.place, attribution: workshop.attribution, themes: ["Consent"] }, "en"));
    for (const locale of ["en", "fr"] as const) {
      const body = (await exportNote({ viewer: viewerOf(user), workshopId: workshop.id, format: "md", locale })).body as string;
      expect(body.split("June 13, 2024, New York")).toHaveLength(2);
      expect(body.split(noteWording("en").chathamHouse)).toHaveLength(2);
      expect(body).not.toContain("13 juin 2024");
      expect(body).not.toContain(noteWording("fr").chathamHouse);
    }
  });

  it("gives the header alone for a note nobody has written in; an attributed workshop gets its own rule statement", async () => {
    const workshop = await createWorkshop({ title: "Empty", attribution: "ATTRIBUTED" });
    const { user } = await createMember(workshop.id, "PARTICIPANT");
    const file = await exportNote({ viewer: viewerOf(user), workshopId: workshop.id, format: "md", locale: "en" });
    expect(file.body).toBe(`# Empty: meeting note\n\n*${noteWording("en").attributed}*\n`);
    expect(await prisma().meetingNote.count({ where: { workshopId: workshop.id } })).toBe(0);
  });

  it("stays available once the workshop is closed; outsiders get not found; a bad format or methods value is a 400", async () => {
    const workshop = await createWorkshop({ title: "Closed" });
    const { user: observer } = await createMember(workshop.id, "OBSERVER");
    await writeNote(workshop.id, { type: "doc", content: [heading("Introduction"), paragraph(text("Text."))] });
    await prisma().workshop.update({ where: { id: workshop.id }, data: { status: "CLOSED" } });
    await expect(exportNote({ viewer: viewerOf(observer), workshopId: workshop.id, format: "html", locale: "en" })).resolves.toBeTruthy();

    const outsider = await createUser();
    const elsewhere = await createWorkshop();
    const { user: otherMember } = await createMember(elsewhere.id, "ORGANIZER");
    for (const viewer of [outsider, otherMember]) {
      await expectAppError(exportNote({ viewer: viewerOf(viewer), workshopId: workshop.id, format: "md", locale: "en" }), "NOT_FOUND");
    }
    await expectAppError(exportNote({ viewer: viewerOf(observer), workshopId: workshop.id, format: "odt", locale: "en" }), "BAD_REQUEST");
    await expectAppError(exportNote({ viewer: viewerOf(observer), workshopId: workshop.id, format: "md", methods: "yes", locale: "en" }), "BAD_REQUEST");
  });
});
