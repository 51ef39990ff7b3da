// Export ids are URLs under APP_URL: this file pins its own (test/setup-env.ts sets the rest).
process.env.APP_URL = "https://rapporteur.example.org";

import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createWorkshop, viewerOf } from "@/test/factories";
import { fileInZip } from "@/test/zip";
import { exportNote } from "@/lib/notes/export-note";
import { exportCodebook } from "@/lib/themes/export-codebook";
import { exportLessons } from "./export-lessons";
import { exportWorkshopAnnotations } from "./export-workshop-annotations";
import { exportArchive, getArchiveManifest } from "./export-archive";
import { ZLessonsExport } from "./schemas";
import { createRecordedWorkshop, identitiesOf } from "./testing";

const prisma = registerTestDatabase();

let recorded: Awaited<ReturnType<typeof createRecordedWorkshop>>;
let secrets: string[];

beforeAll(async () => {
  recorded = await createRecordedWorkshop();
  const db = prisma();
  const tags = [
    ...(await db.stance.findMany({ where: { lesson: { workshopId: recorded.workshop.id } }, select: { ownerTag: true } })),
    ...(await db.lesson.findMany({ where: { workshopId: recorded.workshop.id }, select: { ownerTag: true } })),
    ...(await db.annotation.findMany({ where: { workshopId: recorded.workshop.id }, select: { ownerTag: true } })),
  ].map((row) => row.ownerTag!);
  secrets = [...identitiesOf(recorded.members), ...tags, "A hidden lesson", "A hidden remark"];
});

const text = (body: string | Uint8Array) => (typeof body === "string" ? body : Buffer.from(body).toString("utf8"));

function expectNoSecret(body: string) {
  for (const secret of secrets) expect(body, secret).not.toContain(secret);
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("the lessons export", () => {
  it("gives one aggregated entry per lesson, in codebook order, with the consensus phrase and counts only where they single nobody out", async () => {
    const file = await exportLessons({ viewer: viewerOf(recorded.organizer), workshopId: recorded.workshop.id, format: "json", locale: "en" });
    expect(file.filename).toBe("recorded-roundtable-lessons.json");
    const parsed = ZLessonsExport.parse(JSON.parse(text(file.body)));
    expect(parsed.lessons.map((lesson) => [lesson.statement, lesson.themes, lesson.consensus?.class, lesson.consensus?.counts])).toEqual([
      ["Mandates should be narrower", ["Mandate"], "one", null],
      ["Consent must be renewed locally", ["Consent"], "diverged", { endorse: 3, dispute: 3, eligible: 9 }],
    ]);
    expect(parsed.lessons[0]!.consensus).toMatchObject({ label: "One participant", lead: "One participant noted that" });
    expect(parsed.lessons[1]!.consensus).toMatchObject({ label: "Views diverged", lead: "Views diverged on whether" });
    expect(parsed.lessons[1]!.evidence).toEqual([
      {
        source: { title: "Field report", shortCitation: "Field report 2024" },
        quote: "Consent faded",
        note: "As seen in the north",
        isOrphan: false,
        href: `https://rapporteur.example.org/workshops/${recorded.workshop.id}/sources/${recorded.source.id}#passage-${recorded.evidencePassage.id}`,
      },
    ]);
    expect(parsed.lessons[1]!.strength).toEqual({ passages: 1, sources: 1 });
    expect(parsed.methods).toContain("generally agreed");
    expectNoSecret(text(file.body));
    // Nothing per person: no "mine", no stance of the one downloading.
    expect(text(file.body)).not.toMatch(/"mine"|myStance|ownerTag|ENDORSE|DISPUTE/);
  });

  it("writes CSV, one row per lesson, in the reader's language", async () => {
    const file = await exportLessons({ viewer: viewerOf(recorded.rapporteur), workshopId: recorded.workshop.id, format: "csv", locale: "fr" });
    const body = text(file.body);
    const rows = body.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(rows[0]).toContain('"Leçon"');
    expect(body).toContain('"Un participant"');
    expect(body).toContain('"Avis partagés","3","3","9"');
    expect(body).toContain("“Consent faded” (Field report 2024): As seen in the north");
    expect(body).not.toContain("A hidden lesson");
    expectNoSecret(body);
  });

  it("gives no phrase while stances are held, and refuses an unknown format", async () => {
    const other = await createWorkshop({ title: "Held" });
    const { user } = await createMember(other.id, "ORGANIZER");
    await prisma().workshop.update({ where: { id: other.id }, data: { holdStances: true } });
    await expectAppError(exportLessons({ viewer: viewerOf(user), workshopId: other.id, format: "xlsx", locale: "en" }), "BAD_REQUEST", "fields.invalid");
    const parsed = ZLessonsExport.parse(JSON.parse(text((await exportLessons({ viewer: viewerOf(user), workshopId: other.id, format: "json", locale: "en" })).body)));
    expect(parsed.held).toBe(true);
  });
});

describe("the annotations export", () => {
  it("is one W3C AnnotationCollection of every visible annotation and reply, without authors, dated to the day", async () => {
    const file = await exportWorkshopAnnotations({ viewer: viewerOf(recorded.organizer), workshopId: recorded.workshop.id });
    const body = text(file.body);
    const collection = JSON.parse(body);
    expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: 2, first: { type: "AnnotationPage", startIndex: 0 } });
    const [annotation, reply] = collection.first.items;
    expect(annotation.body).toEqual([
      { type: "TextualBody", value: "Too broad for the troops", format: "text/plain", purpose: "commenting" },
      { type: "TextualBody", value: "Mandate", format: "text/plain", purpose: "tagging" },
    ]);
    expect(annotation.target.source).toBe(`https://rapporteur.example.org/workshops/${recorded.workshop.id}/sources/${recorded.source.id}`);
    expect(reply).toMatchObject({ motivation: "replying", target: annotation.id, body: { value: "And for the budget" } });
    expect(annotation.created).toMatch(/T00:00:00Z$/);
    expect(Object.keys(annotation).sort()).toEqual(["body", "created", "id", "motivation", "target", "type"]);
    expectNoSecret(body);
  });
});

describe("the archive bundle", () => {
  it("holds the README and every part the manifest lists, each the same as its own download", async () => {
    const viewer = viewerOf(recorded.organizer);
    const workshopId = recorded.workshop.id;
    const manifest = await getArchiveManifest({ viewer, workshopId, locale: "en" });
    const { filename, stream } = await exportArchive({ viewer, workshopId, locale: "en" });
    expect(filename).toBe(manifest.filename);
    const zip = await bytesOf(stream);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(manifest.parts.map((part) => part.path));
    const at = (name: string) => fileInZip(zip, `recorded-roundtable-archive/${name}`);

    expect(at("note/meeting-note.md")).toBe(text((await exportNote({ viewer, workshopId, format: "md", methods: "1", locale: "en" })).body));
    expect(at("note/meeting-note.html")).toContain("The room discussed the mandate.");
    expect(Buffer.from(files["recorded-roundtable-archive/note/meeting-note.pdf"]!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(fileInZip(files["recorded-roundtable-archive/note/meeting-note.docx"]!, "word/document.xml")).toContain("The room discussed the mandate.");
    expect(at("lessons/lessons.csv")).toBe(text((await exportLessons({ viewer, workshopId, format: "csv", locale: "en" })).body));
    expect(at("lessons/lessons.json")).toBe(text((await exportLessons({ viewer, workshopId, format: "json", locale: "en" })).body));
    expect(at("annotations/annotations.jsonld")).toBe(text((await exportWorkshopAnnotations({ viewer, workshopId })).body));
    expect(at("codebook/codebook.json")).toBe(text((await exportCodebook({ viewer, workshopId, format: "json" })).body));
    expect(at("codebook/codebook.qdc")).toBe(text((await exportCodebook({ viewer, workshopId, format: "qdc" })).body));

    const readme = at("README.md");
    expect(readme).toContain("# Recorded roundtable: archive");
    for (const part of manifest.parts) expect(readme).toContain(`\`${part.path.replace("recorded-roundtable-archive/", "")}\``);
    expect(readme).toContain("No authorship");
    for (const [name, data] of Object.entries(files)) {
      if (!/\.(pdf|docx)$/.test(name)) expectNoSecret(Buffer.from(data).toString("utf8"));
    }
  });

  it("makes at most two archives at once: a third is asked to wait, and a cancelled one frees its place", async () => {
    const options = { viewer: viewerOf(recorded.organizer), workshopId: recorded.workshop.id, locale: "en" as const };
    const first = await exportArchive(options);
    const second = await exportArchive(options);
    await expectAppError(exportArchive(options), "RATE_LIMITED", "archiveBusy");
    await first.stream.cancel();
    const third = await exportArchive(options);
    expect(unzipSync(await bytesOf(second.stream))).toHaveProperty("recorded-roundtable-archive/README.md");
    expect(unzipSync(await bytesOf(third.stream))).toHaveProperty("recorded-roundtable-archive/codebook/codebook.qdc");
  });
});

describe("who may export the whole workshop", () => {
  it("allows organizers and rapporteurs, in a closed workshop too; refuses participants and observers; outsiders get not found", async () => {
    const workshopId = recorded.workshop.id;
    await expectAppError(exportLessons({ viewer: viewerOf(recorded.participants[0]!), workshopId, format: "csv", locale: "en" }), "FORBIDDEN", "forbidden");
    await expectAppError(exportWorkshopAnnotations({ viewer: viewerOf(recorded.observer), workshopId }), "FORBIDDEN", "forbidden");
    await expectAppError(getArchiveManifest({ viewer: viewerOf(recorded.participants[1]!), workshopId, locale: "en" }), "FORBIDDEN", "forbidden");
    const outsider = viewerOf((await createMember((await createWorkshop()).id, "ORGANIZER")).user);
    await expectAppError(exportArchive({ viewer: outsider, workshopId, locale: "en" }), "NOT_FOUND", "notFound");
    await prisma().workshop.update({ where: { id: workshopId }, data: { status: "CLOSED", closedAt: new Date() } });
    try {
      expect((await exportWorkshopAnnotations({ viewer: viewerOf(recorded.rapporteur), workshopId })).filename).toBe("recorded-roundtable-annotations.jsonld");
    } finally {
      await prisma().workshop.update({ where: { id: workshopId }, data: { status: "OPEN", closedAt: null } });
    }
  });
});
