import { describe, expect, it } from "vitest";
import { registerTestDatabase, testDatabaseServerUrl } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createAnnotationRow, createMember, createSource, createWorkshop, viewerOf } from "@/test/factories";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { findSourceAnnotations } from "@/lib/annotations/find-source-annotations";
import { reviseSource } from "@/lib/sources/revise-source";
import { getPassage } from "./get-passage";
import { pickPassage } from "./pick-passage";

const prisma = registerTestDatabase();

const TEXT = [
  "The mission was asked to protect civilians.",
  "Consent of the host state faded over the years.",
  "Regional partners stepped in late.",
].join("\n\n");

function rangeOf(text: string, quote: string) {
  const start = text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  return { start, end: start + quote.length };
}

async function setup(text = TEXT) {
  const workshop = await createWorkshop();
  const organizer = viewerOf((await createMember(workshop.id, "ORGANIZER")).user);
  const amina = viewerOf((await createMember(workshop.id, "PARTICIPANT")).user);
  const bruno = viewerOf((await createMember(workshop.id, "PARTICIPANT")).user);
  const source = await createSource(workshop.id, { text, format: "TEXT" });
  return { workshopId: workshop.id, source, organizer, amina, bruno };
}

describe("passages", () => {
  it("reuses the passage when the same words are picked again, by anyone", async () => {
    const { workshopId, source, amina, bruno } = await setup();
    const range = rangeOf(TEXT, "Consent of the host state");
    const first = await createAnnotation({ viewer: amina, workshopId, sourceId: source.id, input: { ...range, revision: 1 } });
    const second = await createAnnotation({ viewer: bruno, workshopId, sourceId: source.id, input: { ...range, comment: "Same words" } });
    const other = await createAnnotation({ viewer: bruno, workshopId, sourceId: source.id, input: rangeOf(TEXT, "Consent of the host") });
    expect(second.passage.id).toBe(first.passage.id);
    expect(other.passage.id).not.toBe(first.passage.id);
    expect(await prisma().passage.count({ where: { sourceId: source.id } })).toBe(2);
  });

  it("makes one passage when many people pick the same words at once", async () => {
    const { workshopId, source, amina, bruno } = await setup();
    const range = rangeOf(TEXT, "Regional partners stepped in late");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createAnnotation({ viewer: i % 2 ? amina : bruno, workshopId, sourceId: source.id, input: range })),
    );
    expect(new Set(results.map((annotation) => annotation.passage.id)).size).toBe(1);
    expect(await prisma().passage.count({ where: { sourceId: source.id } })).toBe(1);
  });

  it("refuses offsets outside the text, an empty span, or offsets from an older revision, storing nothing", async () => {
    const { workshopId, source, organizer, amina } = await setup();
    const before = await prisma().passage.count();
    await expectAppError(createAnnotation({ viewer: amina, workshopId, sourceId: source.id, input: { start: 5, end: TEXT.length + 1 } }), "BAD_REQUEST", "fields.selectionInvalid");
    await expectAppError(createAnnotation({ viewer: amina, workshopId, sourceId: source.id, input: { start: -1, end: 4 } }), "BAD_REQUEST", "fields.selectionInvalid");
    await expectAppError(createAnnotation({ viewer: amina, workshopId, sourceId: source.id, input: { start: 43, end: 45 } }), "BAD_REQUEST", "fields.selectionInvalid");
    await reviseSource({ viewer: organizer, workshopId, sourceId: source.id, input: { markup: `Foreword.\n\n${TEXT}` } });
    await expectAppError(
      createAnnotation({ viewer: amina, workshopId, sourceId: source.id, input: { ...rangeOf(TEXT, "civilians"), revision: 1 } }),
      "CONFLICT",
      "sourceRevisedMeanwhile",
    );
    expect(await prisma().passage.count()).toBe(before);
  });

  it("moves every passage once per revision, through several revisions, and all annotations follow", async () => {
    const { workshopId, source, organizer, amina, bruno } = await setup();
    const consent = rangeOf(TEXT, "Consent of the host state faded");
    const a = await createAnnotation({ viewer: amina, workshopId, sourceId: source.id, input: consent });
    const b = await createAnnotation({ viewer: bruno, workshopId, sourceId: source.id, input: consent });
    const partners = await createAnnotation({ viewer: bruno, workshopId, sourceId: source.id, input: rangeOf(TEXT, "Regional partners stepped in late") });

    // 1: a foreword moves everything; 2: a word changes inside a passage; 3: a paragraph goes; 4: it comes back.
    const revisions = [
      `Foreword.\n\n${TEXT}`,
      `Foreword.\n\n${TEXT.replace("faded", "eroded")}`,
      `Foreword.\n\n${TEXT.replace("faded", "eroded").replace("\n\nRegional partners stepped in late.", "")}`,
      `Foreword.\n\n${TEXT.replace("faded", "eroded")}`,
    ];
    const results = [];
    for (const markup of revisions) results.push(await reviseSource({ viewer: organizer, workshopId, sourceId: source.id, input: { markup } }));
    expect(results).toEqual([
      { revision: 2, placed: 2, moved: 0, orphaned: 0 },
      { revision: 3, placed: 1, moved: 1, orphaned: 0 },
      { revision: 4, placed: 1, moved: 0, orphaned: 1 },
      { revision: 5, placed: 2, moved: 0, orphaned: 0 },
    ]);
    const { text } = await prisma().source.findUniqueOrThrow({ where: { id: source.id } });
    const shown = await findSourceAnnotations({ viewer: amina, workshopId, sourceId: source.id });
    const byId = new Map(shown.map((annotation) => [annotation.id, annotation.passage]));
    expect(byId.get(a.id)).toEqual(byId.get(b.id));
    expect(byId.get(a.id)).toMatchObject({ state: "PLACED", quote: { exact: "Consent of the host state eroded" } });
    expect(text.slice(byId.get(a.id)!.start!, byId.get(a.id)!.end!)).toBe("Consent of the host state eroded");
    expect(byId.get(partners.id)).toMatchObject({ state: "PLACED", quote: { exact: "Regional partners stepped in late" } });
    expect(text.slice(byId.get(partners.id)!.start!, byId.get(partners.id)!.end!)).toBe("Regional partners stepped in late");
  });

  it("keeps two passages that a revision brings onto the same words, both resolvable by id", async () => {
    // Quotes of 32 characters or more are placed wherever they are found verbatim.
    const sentence = "Alpha beta gamma delta epsilon zeta eta";
    const { workshopId, source, organizer, amina } = await setup(`${sentence}.\n\n${sentence}.`);
    const first = await createAnnotationRow(source, amina.id, { start: 0, end: sentence.length });
    const second = await createAnnotationRow(source, amina.id, { start: sentence.length + 3, end: 2 * sentence.length + 3 });
    await reviseSource({ viewer: organizer, workshopId, sourceId: source.id, input: { markup: `${sentence}.` } });
    const passages = await prisma().passage.findMany({ where: { sourceId: source.id } });
    expect(passages).toHaveLength(2);
    for (const passage of passages) expect(passage).toMatchObject({ start: 0, end: sentence.length, exact: sentence, state: "PLACED" });
    for (const annotation of [first, second]) {
      await expect(getPassage({ viewer: amina, workshopId, passageId: annotation.passageId })).resolves.toMatchObject({ start: 0, end: sentence.length });
    }
  });

  it("presents a cited passage with its source and the reader link; other workshops get 'not found'", async () => {
    const { workshopId, source, amina } = await setup();
    const row = await createAnnotationRow(source, amina.id, { start: 4, end: 11 });
    await prisma().source.update({ where: { id: source.id }, data: { title: "Mali report", shortCitation: "UN, Mali report (2024)" } });
    const cited = await getPassage({ viewer: amina, workshopId, passageId: row.passageId });
    expect(cited).toEqual({
      id: row.passageId,
      sourceId: source.id,
      quote: { exact: "mission", prefix: "The ", suffix: TEXT.slice(11, 43) },
      start: 4,
      end: 11,
      state: "PLACED",
      isOrphan: false,
      source: { id: source.id, title: "Mali report", shortCitation: "UN, Mali report (2024)" },
      href: `/workshops/${workshopId}/sources/${source.id}#passage-${row.passageId}`,
    });
    const other = await setup();
    await expectAppError(getPassage({ viewer: other.amina, workshopId: other.workshopId, passageId: row.passageId }), "NOT_FOUND");
    await expectAppError(getPassage({ viewer: other.amina, workshopId, passageId: row.passageId }), "NOT_FOUND");
  });

  it("re-anchors a thousand passages in one revision", async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const text = words.join(" ");
    const { workshopId, source, organizer } = await setup(text);
    const data = Array.from({ length: 1000 }, (_, i) => {
      const start = text.indexOf(`word${i * 3} `);
      const end = start + `word${i * 3} word${i * 3 + 1}`.length;
      return { workshopId, sourceId: source.id, revision: 1, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end };
    });
    await prisma().passage.createMany({ data });
    const result = await reviseSource({ viewer: organizer, workshopId, sourceId: source.id, input: { markup: `Preface. ${text}` } });
    expect(result).toEqual({ revision: 2, placed: 1000, moved: 0, orphaned: 0 });
    const moved = await prisma().passage.findMany({ where: { sourceId: source.id } });
    expect(moved.every((passage) => passage.start === data.find((row) => row.exact === passage.exact)!.start + "Preface. ".length)).toBe(true);
  }, 60_000);

  it("picks inside the caller's transaction, so a failure after it leaves no passage behind", async () => {
    const { workshopId, source } = await setup();
    const before = await prisma().passage.count();
    await expect(
      prisma().$transaction(async (tx) => {
        await pickPassage(tx, { workshopId, sourceId: source.id, start: 0, end: 3 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await prisma().passage.count()).toBe(before);
    if (testDatabaseServerUrl()) expect(await prisma().source.count({ where: { id: source.id } })).toBe(1);
  });
});
