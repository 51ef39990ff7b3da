import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import type { Lesson, Passage, Source, StanceKind } from "@/lib/generated/prisma/client";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createAnnotationRow, createLessonRow, createMember, createPassage, createSource, createTheme, createWorkshop, viewerOf } from "@/test/factories";
import { lessonWorkshop } from "@/lib/lessons/testing";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";
import { findLessons } from "@/lib/lessons/find-lessons";
import { findLessonSummaries } from "@/lib/lessons/lesson-summaries";
import { getReview } from "./get-review";
import { getSourceCoverage } from "./get-source-coverage";
import { ZReview, type Review } from "./schemas";

const prisma = registerTestDatabase();

const PARAGRAPHS = ["Consent of the host state faded over the years.", "Partners stepped in late and left early.", "The mandate outgrew the means."];

/** A source whose reader markup is three paragraphs (the factory leaves markup empty). */
async function threeParagraphSource(workshopId: string, title: string, position: number): Promise<Source> {
  const text = PARAGRAPHS.join("\n\n");
  const source = await createSource(workshopId, { text, title, position });
  return prisma().source.update({ where: { id: source.id }, data: { markup: text } });
}

const offsetOf = (paragraph: number) => PARAGRAPHS.slice(0, paragraph).reduce((sum, text) => sum + text.length + 2, 0);

async function takeStances(lesson: Lesson, kind: StanceKind, userIds: readonly string[]) {
  const key = await findWorkshopKey(prisma(), lesson.workshopId);
  for (const userId of userIds) {
    await prisma().stance.create({ data: { lessonId: lesson.id, kind, ownerTag: ownershipOf(key, userId).tagFor({ kind: "stance", lessonId: lesson.id }) } });
  }
}

async function cite(lesson: Lesson, passage: Passage) {
  await prisma().lessonEvidence.create({ data: { lessonId: lesson.id, passageId: passage.id } });
}

const noteWith = (...content: JSONContent[]): JSONContent => ({ type: "doc", content: [{ type: "paragraph", content }] });

const coverageOf = (review: Review, source: Pick<Source, "id">) => review.coverage.sources.find((item) => item.id === source.id)!;

const lessonsOf = (review: Review, themeName: string | null) => review.themes.find((theme) => theme.name === themeName)?.lessons ?? [];

/**
 * The workshop under review: four members who may take a stance (organizer, rapporteur, author,
 * other) and an observer; two sources of three paragraphs; lessons on both themes.
 */
async function reviewedWorkshop() {
  const base = await lessonWorkshop();
  const { workshopId, organizer, rapporteur, author, other, themes } = base;
  const first = await threeParagraphSource(workshopId, "First report", 1);
  const second = await threeParagraphSource(workshopId, "Second report", 2);
  const opening = await createPassage(first, 0, 7);
  const late = await createPassage(second, offsetOf(1), offsetOf(1) + 8);
  const shared = await createLessonRow(workshopId, author.id, [themes[0].id], "Consent must be renewed.");
  await takeStances(shared, "ENDORSE", [organizer.id, rapporteur.id, author.id]);
  await cite(shared, opening);
  await cite(shared, late);
  const lone = await createLessonRow(workshopId, other.id, [themes[1].id], "Partners came late.");
  await takeStances(lone, "ENDORSE", [organizer.id]);
  await cite(lone, late);
  const hidden = await createLessonRow(workshopId, author.id, [themes[0].id], "A hidden point.");
  await prisma().lesson.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
  await createAnnotationRow(first, other.id, { start: 0, end: 7 });
  await createAnnotationRow(first, rapporteur.id, { start: 9, end: 11 });
  const hiddenAnnotation = await createAnnotationRow(first, author.id, { start: offsetOf(2), end: offsetOf(2) + 3 });
  await prisma().annotation.update({ where: { id: hiddenAnnotation.id }, data: { hiddenAt: new Date() } });
  await prisma().meetingNote.create({
    data: { workshopId, content: noteWith({ type: "lessonRef", attrs: { lessonId: shared.id } }, { type: "citation", attrs: { passageId: opening.id, note: null, quote: false } }) },
  });
  return { ...base, first, second, opening, late, shared, lone, hidden };
}

describe("getReview", () => {
  it("gives each theme its lessons with their class, evidence strength and place in the note, parsed by its own schema", async () => {
    const { workshopId, other, themes, shared, lone } = await reviewedWorkshop();
    const review = ZReview.parse(await getReview({ viewer: other, workshopId }));
    expect(review.held).toBe(false);
    expect(review.themes.map((theme) => theme.name)).toEqual([themes[0].name, themes[1].name]);
    expect(lessonsOf(review, themes[0].name)).toEqual([
      expect.objectContaining({ id: shared.id, consensus: { consensus: "general", counts: null }, strength: { passages: 2, sources: 2, bucket: "sources" }, inNote: true, mine: false }),
    ]);
    expect(lessonsOf(review, themes[1].name)).toEqual([
      expect.objectContaining({ id: lone.id, consensus: { consensus: "one", counts: null }, strength: { passages: 1, sources: 1, bucket: "onePassage" }, inNote: false, mine: true }),
    ]);
    expect(review.themes[0]).toMatchObject({ spread: { general: 1, one: 0 }, inNote: 1, notInNote: 0 });
    expect(review.themes[1]).toMatchObject({ spread: { one: 1, general: 0 }, inNote: 0, notInNote: 1 });
    expect(review.strength.find((row) => row.consensus === "general")!.counts).toEqual({ none: 0, onePassage: 0, passages: 0, sources: 1 });
    expect(review.strength.find((row) => row.consensus === "one")!.counts).toEqual({ none: 0, onePassage: 1, passages: 0, sources: 0 });
    expect(review.note).toEqual({ inNote: 1, notInNote: 1 });
  });

  it("shows hidden lessons and annotations only to their author and the organizers, and never names anyone", async () => {
    const { workshopId, organizer, author, other, observer, themes, hidden, first } = await reviewedWorkshop();
    for (const viewer of [organizer, author]) {
      const review = await getReview({ viewer, workshopId });
      expect(lessonsOf(review, themes[0].name).find((lesson) => lesson.id === hidden.id)).toMatchObject({ isHidden: true, mine: viewer === author });
      expect(coverageOf(review, first).paragraphs[2]!.level).toBeGreaterThan(0);
    }
    for (const viewer of [other, observer]) {
      const review = await getReview({ viewer, workshopId });
      expect(lessonsOf(review, themes[0].name).map((lesson) => lesson.id)).not.toContain(hidden.id);
      expect(coverageOf(review, first).paragraphs[2]).toMatchObject({ level: 0, kinds: { annotations: false } });
      const json = JSON.stringify(review);
      for (const person of [organizer, author, other, observer]) {
        expect(json).not.toContain(person.id);
        expect(json).not.toContain(person.email);
      }
      expect(json).not.toContain("Author Canary");
    }
  });

  it("ranks the most-cited passages with ranges and marks the paragraphs that drew annotations, evidence and footnotes", async () => {
    const { workshopId, other, first, second, opening, late } = await reviewedWorkshop();
    const review = await getReview({ viewer: other, workshopId });
    // The opening: one annotation on its own passage, plus evidence and a footnote on `opening`; `late`: evidence twice.
    expect(review.mostCited.map((passage) => passage.passageId).slice(0, 2).sort()).toEqual([opening.id, late.id].sort());
    expect(review.mostCited.find((passage) => passage.passageId === opening.id)).toMatchObject({
      sourceId: first.id,
      sourceTitle: "First report",
      quote: "Consent",
      cited: { min: 1, max: 2 },
      kinds: { annotations: false, evidence: true, footnotes: true },
    });
    expect(review.mostCited.find((passage) => passage.passageId === late.id)).toMatchObject({ sourceId: second.id, cited: { min: 1, max: 2 }, kinds: { evidence: true } });
    const [firstCoverage, secondCoverage] = [coverageOf(review, first), coverageOf(review, second)];
    expect(firstCoverage!.paragraphs.map((paragraph) => paragraph.text)).toEqual(PARAGRAPHS);
    expect(firstCoverage!.paragraphs.map((paragraph) => paragraph.level > 0)).toEqual([true, false, false]);
    expect(firstCoverage!.paragraphs[0]!.kinds).toEqual({ annotations: true, evidence: true, footnotes: true });
    expect(secondCoverage!.paragraphs.map((paragraph) => paragraph.level > 0)).toEqual([false, true, false]);
    // Every figure is a level or a range: the review never says "1 annotation".
    expect(JSON.stringify(review)).not.toMatch(/"(annotations|evidence|footnotes)":\d/);
  });

  it("narrows coverage to one theme: annotations by their themes, evidence by its lesson's, footnotes left out", async () => {
    const { workshopId, other, first, second, themes } = await reviewedWorkshop();
    const tagged = await createAnnotationRow(first, other.id, { start: offsetOf(1), end: offsetOf(1) + 8 });
    await prisma().annotationTheme.create({ data: { annotationId: tagged.id, themeId: themes[1].id } });
    const review = await getReview({ viewer: other, workshopId, query: { themeId: themes[1].id } });
    expect(review.coverage.themeId).toBe(themes[1].id);
    expect(coverageOf(review, first).paragraphs.map((paragraph) => paragraph.level > 0)).toEqual([false, true, false]);
    expect(coverageOf(review, second).paragraphs.map((paragraph) => paragraph.level > 0)).toEqual([false, true, false]);
    expect(review.coverage.sources.flatMap((source) => source.paragraphs).some((paragraph) => paragraph.kinds.footnotes)).toBe(false);
    await expectAppError(getReview({ viewer: other, workshopId, query: { themeId: "not a theme id!" } }), "BAD_REQUEST", "fields.idInvalid");
    const elsewhere = await createTheme((await createWorkshop()).id, "Elsewhere");
    await expectAppError(getReview({ viewer: other, workshopId, query: { themeId: elsewhere.id } }), "NOT_FOUND");
  });

  it("gives no class while stances are held, and nothing to outsiders", async () => {
    const { workshopId, other, outsider, themes } = await reviewedWorkshop();
    await prisma().workshop.update({ where: { id: workshopId }, data: { holdStances: true } });
    const review = await getReview({ viewer: other, workshopId });
    expect(review.held).toBe(true);
    expect(review.themes.flatMap((theme) => theme.lessons).every((lesson) => lesson.consensus === null)).toBe(true);
    expect(review.themes.every((theme) => Object.values(theme.spread).every((count) => count === 0))).toBe(true);
    expect(review.strength.every((row) => Object.values(row.counts).every((count) => count === 0))).toBe(true);
    expect(lessonsOf(review, themes[0].name)).toHaveLength(1);
    await expectAppError(getReview({ viewer: outsider, workshopId }), "NOT_FOUND");
    const stranger = viewerOf((await createMember((await createWorkshop()).id, "PARTICIPANT")).user);
    await expectAppError(getReview({ viewer: stranger, workshopId }), "NOT_FOUND");
  });

  it("gives the reader's minimap the review's levels for one source, hidden lessons' evidence only to those who see them", async () => {
    const { workshopId, organizer, author, other, second, hidden } = await reviewedWorkshop();
    for (const viewer of [organizer, other]) {
      const review = await getReview({ viewer, workshopId });
      expect(await getSourceCoverage({ viewer, workshopId, sourceId: second.id })).toEqual(coverageOf(review, second).paragraphs.map(({ level, kinds }) => ({ level, kinds })));
    }
    const third = await threeParagraphSource(workshopId, "Third report", 3);
    await cite(hidden, await createPassage(third, 0, 7));
    expect((await getSourceCoverage({ viewer: author, workshopId, sourceId: third.id }))[0]).toMatchObject({ kinds: { evidence: true } });
    expect((await getSourceCoverage({ viewer: other, workshopId, sourceId: third.id }))[0]).toMatchObject({ level: 0 });
    await expectAppError(getSourceCoverage({ viewer: other, workshopId, sourceId: "missing" }), "NOT_FOUND");
  });

  it("summarizes each viewer's board lesson for lesson (order, phrase, strength, note, hidden, mine), with merged lessons and orphaned evidence", async () => {
    const { workshopId, organizer, author, other, observer, themes, first, second, shared, lone } = await reviewedWorkshop();
    // A passage a revision orphaned counts for nothing in strength; a merged lesson is on no board.
    const orphaned = await createPassage(second, 0, 5);
    await prisma().passage.update({ where: { id: orphaned.id }, data: { state: "ORPHANED" } });
    const both = await createLessonRow(workshopId, other.id, [themes[1].id, themes[0].id], "Both themes, orphaned evidence.");
    await cite(both, orphaned);
    await cite(both, await createPassage(first, 12, 20));
    await takeStances(both, "DISPUTE", [author.id, other.id]);
    const merged = await createLessonRow(workshopId, author.id, [themes[0].id], "Merged away.");
    await prisma().lesson.update({ where: { id: merged.id }, data: { mergedAt: new Date(), mergedIntoId: shared.id } });
    await createLessonRow(workshopId, author.id, [], "No theme.");
    for (const viewer of [organizer, author, other, observer]) {
      const board = await findLessons({ viewer, workshopId });
      const summaries = await findLessonSummaries({ viewer, workshopId });
      expect(summaries.held).toBe(board.held);
      expect(summaries.lessons).toEqual(
        board.lessons.map((lesson) => ({
          id: lesson.id,
          statement: lesson.statement,
          themeIds: lesson.themeIds,
          consensus: lesson.consensus,
          agreement: lesson.agreement,
          strength: lesson.strength,
          inNote: lesson.inNote,
          isHidden: lesson.isHidden,
          mine: lesson.mine,
          evidencePassageIds: lesson.evidence.map((item) => item.passage.id).sort(),
        })),
      );
    }
    const { lessons } = await findLessonSummaries({ viewer: other, workshopId });
    expect(lessons.find((lesson) => lesson.id === both.id)?.strength).toEqual({ passages: 1, sources: 1 });
    expect(lessons.map((lesson) => lesson.id)).not.toContain(merged.id);
    expect(lessons.find((lesson) => lesson.id === lone.id)?.mine).toBe(true);
  });
});
