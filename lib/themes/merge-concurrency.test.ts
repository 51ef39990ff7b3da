import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createAnnotationRow, createMember, createSource, createTheme, createWorkshop, viewerOf } from "@/test/factories";
import { AppError } from "@/lib/errors";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { mergeThemes } from "./merge-themes";
import { deleteTheme } from "./delete-theme";

/**
 * Merging and deleting while people tag. On PostgreSQL (TEST_DATABASE_URL) the taggers and the
 * merge really run at once on separate connections; on PGlite (one connection) they serialize,
 * and the same expectations must hold. Every tag operation either commits before the merge (and
 * its tag is moved to the target) or finds the theme gone and is refused with a clear 4xx; no
 * tag is lost or doubled, and nothing fails any other way.
 */

const prisma = registerTestDatabase();

// Enough to keep the pool's ten connections busy around the merge, few enough that none waits
// past Prisma's two seconds for a connection on a slow machine.
const TAGGERS = 24;
const SOURCES = 6;
const WORDS = Array.from({ length: 400 }, (_, index) => `word${index}`).join(" ");

type Outcome = { kind: "tagged"; annotationId: string; themeIds: string[] } | { kind: "refused"; annotationId: string | null };

async function setUp() {
  const workshop = await createWorkshop();
  const organizer = viewerOf((await createMember(workshop.id, "ORGANIZER")).user);
  const people = await Promise.all(Array.from({ length: 4 }, async () => viewerOf((await createMember(workshop.id, "PARTICIPANT")).user)));
  const sources = await Promise.all(Array.from({ length: SOURCES }, () => createSource(workshop.id, { text: WORDS })));
  const source = await createTheme(workshop.id, "Source theme");
  const target = await createTheme(workshop.id, "Target theme");
  const other = await createTheme(workshop.id, "Other theme");
  // Annotations that already carry the source theme (one of them the target too).
  const before = [await createAnnotationRow(sources[0]!, people[0]!.id), await createAnnotationRow(sources[1]!, people[1]!.id)];
  await prisma().annotationTheme.createMany({
    data: [
      { annotationId: before[0]!.id, themeId: source.id },
      { annotationId: before[1]!.id, themeId: source.id },
      { annotationId: before[1]!.id, themeId: target.id },
    ],
  });
  // Untagged annotations that taggers will edit.
  const editable = await Promise.all(
    Array.from({ length: TAGGERS / 2 }, (_, index) => createAnnotationRow(sources[index % SOURCES]!, people[index % 4]!.id, { start: 6 * index, end: 6 * index + 5 })),
  );
  return { workshopId: workshop.id, organizer, people, sources, source, target, other, before, editable };
}

/** Runs a tag operation, telling apart a clear refusal (the theme went meanwhile) from anything else. */
async function attempt(run: () => Promise<{ id: string; themeIds: string[] }>, annotationId: string | null): Promise<Outcome> {
  try {
    const annotation = await run();
    return { kind: "tagged", annotationId: annotation.id, themeIds: annotation.themeIds };
  } catch (error) {
    if (error instanceof AppError && error.code === "BAD_REQUEST" && error.messageKey === "fields.themeUnknown") return { kind: "refused", annotationId };
    throw error;
  }
}

async function tagRows(workshopId: string): Promise<string[]> {
  const rows = await prisma().annotationTheme.findMany({ where: { annotation: { workshopId } } });
  return rows.map((row) => `${row.annotationId}:${row.themeId}`).sort();
}

beforeAll(async () => {
  // Opens the pool's connections before the race: connecting while racing could make a tagger
  // wait past Prisma's two seconds for a transaction to start.
  await Promise.all(Array.from({ length: 10 }, () => prisma().$queryRaw`SELECT 1 AS one FROM pg_sleep(0.2)`));
});

describe.each(["merge", "delete"] as const)("tagging during a %s", (operation) => {
  it.each([1, 2, 3])("loses and doubles no tag (round %i)", async () => {
    const fixture = await setUp();
    const { workshopId, organizer, people, sources, source, target, other, editable } = fixture;

    let settled = 0;
    let releaseMerge!: () => void;
    const fewSettled = new Promise<void>((resolve) => (releaseMerge = resolve));
    const operations = Array.from({ length: TAGGERS }, (_, index) => {
      const viewer = people[index % 4]!;
      const themeIds = index % 3 === 0 ? [source.id, other.id] : [source.id];
      const run =
        index % 2 === 0
          ? attempt(() => createAnnotation({ viewer, workshopId, sourceId: sources[(index / 2) % SOURCES]!.id, input: { start: 6 * (index + 100), end: 6 * (index + 100) + 5, themeIds } }), null)
          : attempt(() => updateAnnotation({ viewer: people[((index - 1) / 2) % 4]!, workshopId, annotationId: editable[(index - 1) / 2]!.id, input: { comment: `edit ${index}`, themeIds } }), editable[(index - 1) / 2]!.id);
      return run.finally(() => {
        settled += 1;
        // Start the merge while most taggers are still in flight.
        if (settled === 4) releaseMerge();
      });
    });
    const change = fewSettled.then((): Promise<unknown> =>
      operation === "merge"
        ? mergeThemes({ viewer: organizer, workshopId, themeId: source.id, input: { targetId: target.id } })
        : deleteTheme({ viewer: organizer, workshopId, themeId: source.id }),
    );
    const outcomes = await Promise.all(operations);
    await change;

    // What the tags must be now: each annotation's tags before, plus what each successful
    // operation set, with the source theme replaced by the target (merge) or dropped (delete).
    const replace = (themeId: string) => (themeId === source.id ? (operation === "merge" ? target.id : null) : themeId);
    const expected = new Set<string>();
    const addAll = (annotationId: string, themeIds: string[]) => {
      for (const themeId of themeIds.map(replace)) if (themeId) expected.add(`${annotationId}:${themeId}`);
    };
    addAll(fixture.before[0]!.id, [source.id]);
    addAll(fixture.before[1]!.id, [source.id, target.id]);
    for (const outcome of outcomes) if (outcome.kind === "tagged") addAll(outcome.annotationId, outcome.themeIds);

    expect(await tagRows(workshopId)).toEqual([...expected].sort());
    expect(await prisma().theme.count({ where: { id: source.id } })).toBe(0);
    // A refused create wrote nothing; a refused edit left its annotation as it was (untagged).
    expect(await prisma().annotation.count({ where: { workshopId } })).toBe(2 + editable.length + outcomes.filter((o, i) => i % 2 === 0 && o.kind === "tagged").length);
    for (const outcome of outcomes) {
      if (outcome.kind === "refused" && outcome.annotationId) {
        expect(await prisma().annotationTheme.count({ where: { annotationId: outcome.annotationId } })).toBe(0);
      }
    }
    // Positions closed up: the target and the other theme are 0 and 1.
    const positions = await prisma().theme.findMany({ where: { workshopId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    expect(positions).toEqual([
      { id: target.id, position: 0 },
      { id: other.id, position: 1 },
    ]);
  });
});
