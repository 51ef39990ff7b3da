import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createPassage, createSource, createTheme, createWorkshop } from "@/test/factories";
import { audienceIn } from "@/lib/annotations/audience";
import { findLessons } from "@/lib/lessons/find-lessons";
import { createLesson } from "@/lib/lessons/create-lesson";
import { lessonWorkshop } from "@/lib/lessons/testing";
import { freezeNoteReferences, loadNoteReferences } from "./load-note-references";
import { getNoteReferences } from "./get-note-references";
import { initialNoteState } from "./note-template";
import { resolveNote } from "./resolve-note";
import { checkNoteUpdate } from "./validate-update";

const prisma = registerTestDatabase();

/** Stances that have settled (visible to everyone), straight into the database. */
async function endorse(lessonId: string, count: number) {
  const settled = new Date(Date.now() - 60_000);
  for (let index = 0; index < count; index += 1) {
    await prisma().stance.create({ data: { lessonId, ownerTag: `tag-${lessonId}-${index}-${Math.random()}`, kind: "ENDORSE", shownKind: "ENDORSE", settlesAt: settled } });
  }
}

const noteWith = (...content: JSONContent[]): JSONContent => ({ type: "doc", content: [{ type: "paragraph", content }] });

describe("loadNoteReferences", () => {
  it("gives lessons their live phrase, and the phrase follows the counts", async () => {
    const { workshopId, author, themes } = await lessonWorkshop();
    const lesson = await createLesson({ viewer: author, workshopId, input: { statement: "Mandates were too broad.", themeIds: [themes[1].id] } });
    await endorse(lesson.id, 1);
    const ids = { lessonIds: [lesson.id], passageIds: [] };
    const first = await loadNoteReferences({ workshopId, locale: "en", ids });
    expect(first.lessons[lesson.id]).toEqual({
      lessonId: lesson.id,
      state: "live",
      consensus: "one",
      phrase: "One participant noted that",
      statement: "Mandates were too broad.",
      themeIds: [themes[1].id],
      mergedIntoId: null,
    });
    await endorse(lesson.id, 2);
    const later = await loadNoteReferences({ workshopId, locale: "fr", ids });
    // Three of the four members who may take a stance.
    expect(later.lessons[lesson.id]).toMatchObject({ consensus: "general", phrase: "Les participants se sont généralement accordés sur le fait que" });
    const note = noteWith({ type: "lessonRef", attrs: { lessonId: lesson.id } }, { type: "text", text: " mandates were too broad." });
    expect(resolveNote(note, later, { locale: "fr" }).doc.content![0]!.content![0]!.attrs).toMatchObject({ state: "live", phrase: "Les participants se sont généralement accordés sur le fait que" });
  });

  it("says missing for hidden lessons the reader may not see, merged, deleted or foreign ones, and held while stances are held", async () => {
    const { workshopId, author, organizer, other, themes, elsewhereId } = await lessonWorkshop();
    const input = (statement: string) => ({ statement, themeIds: [themes[0].id] });
    const hidden = await createLesson({ viewer: author, workshopId, input: input("Hidden one") });
    const merged = await createLesson({ viewer: author, workshopId, input: input("Merged one") });
    const kept = await createLesson({ viewer: author, workshopId, input: input("Kept one") });
    const foreignAuthor = (await createMember(elsewhereId, "PARTICIPANT")).user;
    const foreign = await prisma().lesson.create({ data: { workshopId: elsewhereId, statement: "Elsewhere", ownerTag: foreignAuthor.id } });
    await prisma().lesson.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    await prisma().lesson.update({ where: { id: merged.id }, data: { mergedAt: new Date(), mergedIntoId: kept.id } });
    const ids = { lessonIds: [hidden.id, merged.id, kept.id, foreign.id, "nolessonhere"], passageIds: [] };

    const forOther = await loadNoteReferences({ workshopId, locale: "en", ids, audience: await audienceIn(workshopId, other.id, "PARTICIPANT") });
    expect(Object.values(forOther.lessons).map((lesson) => [lesson.statement, lesson.state, lesson.mergedIntoId])).toEqual([
      [null, "missing", null],
      [null, "missing", kept.id],
      ["Kept one", "live", null],
      [null, "missing", null],
      [null, "missing", null],
    ]);
    expect(forOther.lessons[hidden.id]!.phrase).toBe("[lesson no longer available]");
    const forOrganizer = await loadNoteReferences({ workshopId, locale: "en", ids, audience: await audienceIn(workshopId, organizer.id, "ORGANIZER") });
    expect(forOrganizer.lessons[hidden.id]).toMatchObject({ state: "live", statement: "Hidden one" });
    expect((await loadNoteReferences({ workshopId, locale: "en", ids })).lessons[hidden.id]!.state).toBe("missing");

    await prisma().workshop.update({ where: { id: workshopId }, data: { holdStances: true } });
    const held = await loadNoteReferences({ workshopId, locale: "en", ids });
    expect(held.lessons[kept.id]).toMatchObject({ state: "held", consensus: null, phrase: "[consensus held until stances are revealed]", statement: "Kept one" });
  });

  it("gives passages their source's citation and quote, flags orphaned ones, and ignores other workshops' passages", async () => {
    const { workshopId, source, elsewhereId } = await lessonWorkshop();
    await prisma().source.update({
      where: { id: source.id },
      data: { authors: ["Jane Doe", "John Roe"], publisher: "IPI", publishedOn: "July 2024", url: "https://example.org/report" },
    });
    const placed = await createPassage(source, 0, 7);
    const orphan = await createPassage(source, 8, 15);
    await prisma().passage.update({ where: { id: orphan.id }, data: { state: "ORPHANED", start: null, end: null } });
    const foreignSource = await createSource(elsewhereId, { text: "Foreign text here." });
    const foreign = await createPassage(foreignSource, 0, 7);
    const references = await loadNoteReferences({ workshopId, locale: "en", ids: { lessonIds: [], passageIds: [placed.id, orphan.id, foreign.id] } });
    expect(references.passages[placed.id]).toEqual({
      passageId: placed.id,
      citation: "Jane Doe and John Roe, “Field report” (IPI, July 2024), https://example.org/report.",
      sourceId: source.id,
      sourceTitle: "Field report",
      quote: "Consent",
      orphaned: false,
    });
    expect(references.passages[orphan.id]).toMatchObject({ orphaned: true });
    expect(references.passages[foreign.id]).toBeUndefined();
    const fr = await loadNoteReferences({ workshopId, locale: "fr", ids: { lessonIds: [], passageIds: [placed.id] } });
    expect(fr.passages[placed.id]!.citation).toBe("Jane Doe et John Roe, « Field report » (IPI, July 2024), https://example.org/report.");
  });

  it("takes a signed-off note's phrases from its SIGN_OFF version, whatever the counts become", async () => {
    const { workshopId, author, themes } = await lessonWorkshop();
    const lesson = await createLesson({ viewer: author, workshopId, input: { statement: "Frozen", themeIds: [themes[0].id] } });
    await endorse(lesson.id, 1);
    const ids = { lessonIds: [lesson.id], passageIds: [] };
    const live = await loadNoteReferences({ workshopId, locale: "en", ids });
    const note = await prisma().meetingNote.create({ data: { workshopId, signedOffAt: new Date() } });
    await prisma().meetingNoteVersion.create({
      data: { noteId: note.id, name: "Signed off", kind: "SIGN_OFF", yState: new Uint8Array(), content: {}, references: JSON.parse(JSON.stringify(freezeNoteReferences(live))) },
    });
    await endorse(lesson.id, 3);
    const signed = await loadNoteReferences({ workshopId, locale: "en", ids });
    expect(signed.lessons[lesson.id]).toMatchObject({ state: "frozen", consensus: "one", phrase: "One participant noted that" });
    await prisma().meetingNote.update({ where: { id: note.id }, data: { signedOffAt: null } });
    expect((await loadNoteReferences({ workshopId, locale: "en", ids })).lessons[lesson.id]).toMatchObject({ state: "live", consensus: "general" });
  });
});

describe("getNoteReferences and the board", () => {
  it("returns the note's references and the lessons panel in codebook order; the board marks lessons in the note", async () => {
    const { workshopId, author, observer, outsider, themes } = await lessonWorkshop();
    const inNote = await createLesson({ viewer: author, workshopId, input: { statement: "In the note", themeIds: [themes[1].id, themes[0].id] } });
    const notYet = await createLesson({ viewer: author, workshopId, input: { statement: "Not yet", themeIds: [themes[1].id] } });
    await prisma().meetingNote.create({ data: { workshopId, content: noteWith({ type: "lessonRef", attrs: { lessonId: inNote.id } }, { type: "text", text: " it was." }) } });

    const view = await getNoteReferences({ viewer: observer, workshopId, locale: "en" });
    expect(Object.keys(view.references.lessons)).toEqual([inNote.id]);
    expect(view.panel.themes.map((theme) => [theme.name, theme.lessons.map((lesson) => [lesson.statement, lesson.inNote, lesson.phrase])])).toEqual([
      ["Consent", [["In the note", true, "It was suggested that"]]],
      ["Partnerships", [["Not yet", false, "It was suggested that"]]],
    ]);
    expect(view.panel.unthemed).toEqual([]);
    expect(JSON.stringify(view)).not.toContain(author.id);

    const board = await findLessons({ viewer: author, workshopId });
    expect(Object.fromEntries(board.lessons.map((lesson) => [lesson.id, lesson.inNote]))).toEqual({ [inNote.id]: true, [notYet.id]: false });
    await expectAppError(getNoteReferences({ viewer: outsider, workshopId, locale: "en" }), "NOT_FOUND");
  });

  it("adds references the editor has just inserted, before the note's copy is saved, within limits", async () => {
    const { workshopId, author, observer, source, themes } = await lessonWorkshop();
    const lesson = await createLesson({ viewer: author, workshopId, input: { statement: "Just inserted", themeIds: [themes[0].id] } });
    const passage = await createPassage(source, 0, 7);
    const view = await getNoteReferences({ viewer: observer, workshopId, locale: "en", extra: { lessonIds: [lesson.id], passageIds: [passage.id] } });
    expect(view.references.lessons[lesson.id]).toMatchObject({ state: "live", statement: "Just inserted" });
    expect(view.references.passages[passage.id]).toMatchObject({ quote: "Consent", orphaned: false });
    await expectAppError(getNoteReferences({ viewer: observer, workshopId, locale: "en", extra: { lessonIds: ["not an id!"] } }), "BAD_REQUEST", "fields.idInvalid");
    const many = Array.from({ length: 201 }, (_, index) => `lesson${index}`);
    await expectAppError(getNoteReferences({ viewer: observer, workshopId, locale: "en", extra: { lessonIds: many } }), "BAD_REQUEST", "fields.tooManyReferences");
  });
});

describe("initialNoteState", () => {
  function templateOf(state: Uint8Array) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment("default")) as JSONContent;
  }
  const texts = (doc: JSONContent) => doc.content!.map((node) => [node.type, node.content?.map((child) => child.text).join("") ?? ""]);

  it("opens a new workshop's note with the date and place, the rule statement, and a section per theme in codebook order", async () => {
    const workshop = await createWorkshop({ date: new Date("2024-06-13T00:00:00Z"), place: "New York" });
    await createTheme(workshop.id, "Security Council dynamics");
    await createTheme(workshop.id, "Host state");
    const state = await initialNoteState(workshop.id);
    expect(checkNoteUpdate(state)).toEqual({ ok: true });
    expect(texts(templateOf(state))).toEqual([
      ["paragraph", "June 13, 2024, New York"],
      ["paragraph", expect.stringContaining("Chatham House Rule of non-attribution")],
      ["heading", "Introduction"],
      ["paragraph", ""],
      ["heading", "Security Council dynamics"],
      ["paragraph", ""],
      ["heading", "Host state"],
      ["paragraph", ""],
      ["heading", "Conclusion"],
      ["paragraph", ""],
    ]);
  });

  it("is written in the organizers' language unless told, and states an attributed meeting's rule", async () => {
    const workshop = await createWorkshop({ attribution: "ATTRIBUTED" });
    const { user } = await createMember(workshop.id, "ORGANIZER");
    await prisma().user.update({ where: { id: user.id }, data: { locale: "fr" } });
    const french = texts(templateOf(await initialNoteState(workshop.id)));
    expect(french[0]).toEqual(["paragraph", expect.stringContaining("ne reflète pas nécessairement")]);
    expect(french[0]![1]).not.toContain("Chatham");
    expect(french.slice(1).map(([, text]) => text)).toEqual(["Introduction", "", "Conclusion", ""]);
    const english = texts(templateOf(await initialNoteState(workshop.id, { locale: "en" })));
    expect(english[0]![1]).toContain("does not necessarily represent");
  });
});
