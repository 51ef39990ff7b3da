import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createAnnotationRow, createLessonRow, createMember, createSource, createTheme, createWorkshop, viewerOf } from "@/test/factories";
import { expectAppError } from "@/test/expect-app-error";
import { searchWorkshop } from "./search-workshop";
import type { SearchKind, SearchResponse } from "./schemas";

const prisma = registerTestDatabase();

type Viewer = ReturnType<typeof viewerOf>;
let workshopId: string;
let sourceId: string;
let otherSourceId: string;
let themeId: string;
let organizer: Viewer;
let author: Viewer;
let participant: Viewer;
let observer: Viewer;
let outsider: Viewer;
const ids: Record<string, string> = {};

const SOURCE_TEXT = [
  "The mission deployed to northern Mali in 2013.",
  "Restrictions on freedom of movement hampered patrols for years.",
  "<script>alert(1)</script> Peacekeepers patrolled the <b>markets</b> at dawn.",
].join("\n\n");

beforeAll(async () => {
  workshopId = (await createWorkshop()).id;
  themeId = (await createTheme(workshopId, "Mandate")).id;
  const otherTheme = await createTheme(workshopId, "Logistics");
  organizer = viewerOf((await createMember(workshopId, "ORGANIZER")).user);
  author = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  participant = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  observer = viewerOf((await createMember(workshopId, "OBSERVER")).user);
  outsider = viewerOf((await createMember((await createWorkshop()).id, "ORGANIZER")).user);

  const source = await createSource(workshopId, { title: "Mission report", text: SOURCE_TEXT });
  sourceId = source.id;
  const other = await createSource(workshopId, { title: "Council brief", text: "The council renewed the mandate of the mission.", position: 1 });
  otherSourceId = other.id;

  const french = await createLessonRow(workshopId, author.id, [themeId], "L'accord de paix n'a jamais été appliqué dans le nord.");
  ids.french = french.id;
  ids.english = (await createLessonRow(workshopId, author.id, [otherTheme.id], "Patrols were restricted for years.")).id;
  await prisma().lesson.update({ where: { id: ids.english }, data: { elaboration: "Restrictions grew after each attack on the convoys." } });
  ids.hiddenLesson = (await createLessonRow(workshopId, author.id, [themeId], "Hidden accords were signed in secret.")).id;
  await prisma().lesson.update({ where: { id: ids.hiddenLesson }, data: { hiddenAt: new Date() } });
  ids.mergedLesson = (await createLessonRow(workshopId, author.id, [themeId], "The accord was never applied.")).id;
  await prisma().lesson.update({ where: { id: ids.mergedLesson }, data: { mergedIntoId: ids.french, mergedAt: new Date() } });

  const annotation = await createAnnotationRow(source, author.id, { comment: "Convoys were ambushed on this road." });
  ids.annotation = annotation.id;
  await prisma().annotationTheme.create({ data: { annotationId: annotation.id, themeId } });
  ids.hiddenAnnotation = (await createAnnotationRow(other, author.id, { comment: "Convoys of the council, hidden." })).id;
  await prisma().annotation.update({ where: { id: ids.hiddenAnnotation }, data: { hiddenAt: new Date() } });
  ids.reply = (await prisma().annotationReply.create({ data: { annotationId: annotation.id, body: "The convoys changed their routes afterwards." } })).id;
  await prisma().meetingNote.create({ data: { workshopId, plainText: "The room agreed that convoys needed air cover." } });
});

function idsOf(response: SearchResponse, kind: SearchKind): string[] {
  return response.groups.find((group) => group.kind === kind)?.results.map((result) => result.id) ?? [];
}

describe("searchWorkshop", () => {
  it("finds a French lesson by another inflection of its words (French stemming)", async () => {
    const response = await searchWorkshop({ viewer: participant, workshopId, query: { q: "accords" } });
    expect(idsOf(response, "lesson")).toEqual([ids.french]);
    const [result] = response.groups.find((group) => group.kind === "lesson")!.results;
    expect(result!.title).toContainEqual({ text: "accord", marked: true });
    expect(result!.href).toBe(`/workshops/${workshopId}/lessons#lesson-${ids.french}`);
    expect(result!.mine).toBe(false);
  });

  it("finds English text by an inflection (English stemming), in every kind, with links to where it lives", async () => {
    const response = await searchWorkshop({ viewer: participant, workshopId, query: { q: "convoy" } });
    expect(idsOf(response, "annotation")).toEqual([ids.annotation]);
    expect(idsOf(response, "reply")).toEqual([ids.reply]);
    expect(idsOf(response, "lesson")).toEqual([ids.english]);
    expect(idsOf(response, "note")).toHaveLength(1);
    const reply = response.groups.find((group) => group.kind === "reply")!.results[0]!;
    expect(reply.href).toBe(`/workshops/${workshopId}/sources/${sourceId}#annotation-${ids.annotation}`);
    const restricted = await searchWorkshop({ viewer: participant, workshopId, query: { q: "restriction", kind: "source" } });
    const [paragraph] = restricted.groups[0]!.results;
    expect(paragraph).toMatchObject({ kind: "source", href: `/workshops/${workshopId}/sources/${sourceId}#p2`, title: [{ text: "Mission report", marked: false }] });
    expect(paragraph!.snippet).toContainEqual({ text: "Restrictions", marked: true });
  });

  it("marks only the matches in snippets, with no marker left in the text", async () => {
    const response = await searchWorkshop({ viewer: participant, workshopId, query: { q: "markets", kind: "source" } });
    const snippet = response.groups[0]!.results[0]!.snippet;
    expect(snippet.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual(["markets"]);
    // The headline parser drops tags of the text; whatever remains is text, and no marker is left in it.
    const text = snippet.map((segment) => segment.text).join("");
    expect(text).toContain("Peacekeepers patrolled the");
    expect(text).not.toMatch(/[\u27E6\u27E7]/);
  });

  it("shows hidden items only to their author and the organizers, and merged lessons to nobody", async () => {
    const hiddenIds = async (viewer: Viewer) => {
      const lessons = await searchWorkshop({ viewer, workshopId, query: { q: "accord" } });
      const annotations = await searchWorkshop({ viewer, workshopId, query: { q: "convoys council" } });
      return [...idsOf(lessons, "lesson"), ...idsOf(annotations, "annotation")].filter((id) => id !== ids.french);
    };
    expect(await hiddenIds(participant)).toEqual([]);
    expect(await hiddenIds(observer)).toEqual([]);
    expect((await hiddenIds(author)).sort()).toEqual([ids.hiddenLesson, ids.hiddenAnnotation].sort());
    expect((await hiddenIds(organizer)).sort()).toEqual([ids.hiddenLesson, ids.hiddenAnnotation].sort());
    const mine = await searchWorkshop({ viewer: author, workshopId, query: { q: "accord", kind: "lesson" } });
    expect(mine.groups[0]!.results.find((result) => result.id === ids.hiddenLesson)).toMatchObject({ mine: true, isHidden: true });
  });

  it("answers a non-member of the workshop 'not found'", async () => {
    await expectAppError(searchWorkshop({ viewer: outsider, workshopId, query: { q: "convoy" } }), "NOT_FOUND");
  });

  it("filters by kind, theme and source", async () => {
    const lessonsOnly = await searchWorkshop({ viewer: participant, workshopId, query: { q: "convoy", kind: "lesson" } });
    expect(lessonsOnly.groups.map((group) => group.kind)).toEqual(["lesson"]);
    const byTheme = await searchWorkshop({ viewer: participant, workshopId, query: { q: "convoy", themeId } });
    expect(idsOf(byTheme, "annotation")).toEqual([ids.annotation]);
    expect(idsOf(byTheme, "lesson")).toEqual([]);
    expect(byTheme.groups.map((group) => group.kind)).not.toContain("note");
    const bySource = await searchWorkshop({ viewer: organizer, workshopId, query: { q: "convoys", sourceId: otherSourceId } });
    expect(idsOf(bySource, "annotation")).toEqual([ids.hiddenAnnotation]);
    expect(idsOf(bySource, "reply")).toEqual([]);
    const mandate = await searchWorkshop({ viewer: participant, workshopId, query: { q: "mandate", sourceId: otherSourceId, kind: "source" } });
    expect(mandate.groups[0]!.results.map((result) => result.href)).toEqual([`/workshops/${workshopId}/sources/${otherSourceId}#p1`]);
  });

  it("finds a revised source's new words, not its old ones", async () => {
    const text = "Drones watched the river crossings.";
    await prisma().source.update({ where: { id: otherSourceId }, data: { text, originalText: text, revision: { increment: 1 } } });
    const drones = await searchWorkshop({ viewer: participant, workshopId, query: { q: "drone", kind: "source" } });
    expect(drones.groups[0]!.results.map((result) => result.href)).toEqual([`/workshops/${workshopId}/sources/${otherSourceId}#p1`]);
    const council = await searchWorkshop({ viewer: participant, workshopId, query: { q: "renewed", kind: "source" } });
    expect(council.groups[0]!.results).toEqual([]);
  });

  it("refuses bad queries with a 400 that says what to fix", async () => {
    await expectAppError(searchWorkshop({ viewer: participant, workshopId, query: {} }), "BAD_REQUEST", "fields.searchQueryEmpty");
    await expectAppError(searchWorkshop({ viewer: participant, workshopId, query: { q: "   " } }), "BAD_REQUEST", "fields.searchQueryEmpty");
    await expectAppError(searchWorkshop({ viewer: participant, workshopId, query: { q: "x".repeat(201) } }), "BAD_REQUEST", "fields.searchQueryTooLong");
    await expectAppError(searchWorkshop({ viewer: participant, workshopId, query: { q: "a", kind: "people" } }), "BAD_REQUEST", "fields.searchKindUnknown");
    await expectAppError(searchWorkshop({ viewer: participant, workshopId, query: { q: "a", themeId: "bad id!" } }), "BAD_REQUEST");
    // websearch syntax never fails: stray quotes and operators are read as words.
    const odd = await searchWorkshop({ viewer: participant, workshopId, query: { q: `"convoy -- OR ' & | !(` } });
    expect(odd.groups.length).toBeGreaterThan(0);
  });
});
