import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createWorkshop, viewerOf } from "@/test/factories";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { findSourceAnnotations } from "@/lib/annotations/find-source-annotations";
import { createReply } from "@/lib/annotations/replies";
import { createSource } from "./create-source";
import { reviseSource } from "./revise-source";

const prisma = registerTestDatabase();
const IPI = fs.readFileSync(path.resolve("prisma/seed/corpus/ipi-emerging-lessons-from-minusma-2024.md"), "utf8");

/** Annotated passages of the IPI note, and what the revision below does to each. */
const KEPT = "Participants generally agreed that MINUSMA played an essential role";
const KEPT_TOO = "Progress was made on disarmament, demobilization, and reintegration (DDR)";
const EDITED = "the security situation remained fragile";
const DELETED = "Algeria as the principal mediator and the international community as the guarantor";
const DELETED_PARAGRAPH_START = "In June 2015, the government and armed groups signed";

/** The revision: a new first line, one word changed in a passage, one paragraph removed. */
function revise(markup: string): string {
  const paragraphs = markup.split("\n\n");
  const withoutDeleted = paragraphs.filter((paragraph) => !paragraph.startsWith(DELETED_PARAGRAPH_START));
  expect(withoutDeleted).toHaveLength(paragraphs.length - 1);
  return ["Revised edition, with corrections.", ...withoutDeleted].join("\n\n").replace(EDITED, "the security situation stayed fragile");
}

let workshopId: string;
let sourceId: string;
let organizer: ReturnType<typeof viewerOf>;
let participant: ReturnType<typeof viewerOf>;
const ids: Record<string, string> = {};

beforeEach(async () => {
  const workshop = await createWorkshop();
  workshopId = workshop.id;
  organizer = viewerOf((await createMember(workshopId, "ORGANIZER")).user);
  participant = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  const source = await createSource({
    viewer: organizer,
    workshopId,
    citation: { title: "IPI meeting note" },
    content: { kind: "file", bytes: new TextEncoder().encode(IPI), fileName: "ipi.md" },
  });
  sourceId = source.id;
  const { text } = await prisma().source.findUniqueOrThrow({ where: { id: sourceId } });
  for (const [name, passage] of Object.entries({ KEPT, KEPT_TOO, EDITED, DELETED })) {
    const start = text.indexOf(passage);
    expect(start, passage).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(passage, start + 1), `${passage} is not unique`).toBe(-1);
    const annotation = await createAnnotation({ viewer: participant, workshopId, sourceId, input: { start, end: start + passage.length, comment: `On ${name}` } });
    ids[name] = annotation.id;
  }
  await createReply({ viewer: organizer, workshopId, annotationId: ids.DELETED!, input: { body: "Still worth discussing." } });
});

async function passageOf(annotationId: string) {
  return (await prisma().annotation.findUniqueOrThrow({ where: { id: annotationId }, include: { passage: true } })).passage;
}

async function currentMarkup() {
  return (await prisma().source.findUniqueOrThrow({ where: { id: sourceId } })).markup;
}

describe("reviseSource", () => {
  it("re-anchors kept, edited and deleted passages: 2 placed, 1 moved, 1 orphan that keeps its quote", async () => {
    const before = await passageOf(ids.KEPT!);
    const result = await reviseSource({ viewer: organizer, workshopId, sourceId, input: { markup: revise(await currentMarkup()), baseRevision: 1 } });
    expect(result).toEqual({ revision: 2, placed: 2, moved: 1, orphaned: 1 });

    const source = await prisma().source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source.revision).toBe(2);
    expect(source.text.startsWith("Revised edition, with corrections.\n\nINTERNATIONAL")).toBe(true);
    expect(source.text).not.toContain(DELETED);

    const rows = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([name, id]) => [name, await passageOf(id)] as const)));
    for (const name of ["KEPT", "KEPT_TOO"]) {
      const row = rows[name]!;
      expect(row).toMatchObject({ state: "PLACED", revision: 2 });
      expect(source.text.slice(row.start!, row.end!)).toBe(row.exact);
    }
    expect(rows.KEPT!.start).toBe(before.start! + "Revised edition, with corrections.\n\n".length);

    const edited = rows.EDITED!;
    expect(edited.state).toBe("MOVED");
    expect(edited.exact).toBe(source.text.slice(edited.start!, edited.end!));
    expect(edited.exact).toContain("stayed fragile");

    const orphan = rows.DELETED!;
    expect(orphan).toMatchObject({ state: "ORPHANED", start: null, end: null, exact: DELETED, revision: 1 });

    // Readers still get it, last, with its comment and reply.
    const presented = await findSourceAnnotations({ viewer: participant, workshopId, sourceId });
    expect(presented).toHaveLength(4);
    expect(presented.at(-1)).toMatchObject({ id: ids.DELETED, comment: "On DELETED", passage: { isOrphan: true, start: null, quote: { exact: DELETED } } });
    expect(presented.at(-1)!.replies.map((reply) => reply.body)).toEqual(["Still worth discussing."]);
  });

  it("places an orphan again when a later revision brings its passage back", async () => {
    const original = await currentMarkup();
    await reviseSource({ viewer: organizer, workshopId, sourceId, input: { markup: revise(original) } });
    const result = await reviseSource({ viewer: organizer, workshopId, sourceId, input: { markup: original } });
    // The edited passage's quote was refreshed to "stayed fragile": going back is a fuzzy match.
    expect(result).toEqual({ revision: 3, placed: 3, moved: 1, orphaned: 0 });
    expect(await prisma().passage.count({ where: { sourceId, state: "ORPHANED" } })).toBe(0);
  });

  it("refuses participants, and a stale revision (CONFLICT), changing nothing", async () => {
    const snapshot = async () => ({
      source: await prisma().source.findUniqueOrThrow({ where: { id: sourceId } }),
      annotations: await prisma().annotation.findMany({ where: { passage: { sourceId } }, orderBy: { id: "asc" } }),
      passages: await prisma().passage.findMany({ where: { sourceId }, orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    const markup = revise(before.source.markup);
    await expectAppError(reviseSource({ viewer: participant, workshopId, sourceId, input: { markup } }), "FORBIDDEN", "forbidden");
    await expectAppError(reviseSource({ viewer: organizer, workshopId, sourceId, input: { markup, baseRevision: 7 } }), "CONFLICT", "sourceRevisedMeanwhile");
    await expectAppError(reviseSource({ viewer: organizer, workshopId, sourceId, input: { markup: " \n\n " } }), "BAD_REQUEST");
    expect(await snapshot()).toEqual(before);
  });

  it("answers NOT_FOUND for another workshop's source, even to its organizer", async () => {
    const other = await createWorkshop();
    await prisma().membership.create({ data: { workshopId: other.id, userId: organizer.id, role: "ORGANIZER" } });
    await expectAppError(reviseSource({ viewer: organizer, workshopId: other.id, sourceId, input: { markup: "New text." } }), "NOT_FOUND", "notFound");
    expect((await prisma().source.findUniqueOrThrow({ where: { id: sourceId } })).revision).toBe(1);
  });
});
