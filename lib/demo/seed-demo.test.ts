import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createUser } from "@/test/factories";
import { normalizeSourceText } from "@/lib/sources/normalize-text";
import { parseMarkup } from "@/lib/sources/markup";
import { DEMO_PEOPLE, DEMO_SOURCES, DEMO_THEMES } from "./demo-workshop";
import { DEFAULT_CORPUS_DIR, seedDemoWorkshop } from "./seed-demo";
import { DEMO_ANNOTATIONS, DEMO_LESSONS } from "./demo-contributions";
import { classifyConsensus } from "@/lib/consensus/consensus";
import { findWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";

const prisma = registerTestDatabase();

async function counts() {
  const db = prisma();
  const [workshops, users, memberships, sources, themes] = await Promise.all([
    db.workshop.count(),
    db.user.count(),
    db.membership.count(),
    db.source.count(),
    db.theme.count(),
  ]);
  return { workshops, users, memberships, sources, themes };
}

describe("seedDemoWorkshop", () => {
  it("leaves nothing behind when the corpus cannot be read", async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-corpus-"));
    try {
      await expect(seedDemoWorkshop(prisma(), emptyDir)).rejects.toThrow(/ENOENT/);
    } finally {
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
    expect(await counts()).toEqual({ workshops: 0, users: 0, memberships: 0, sources: 0, themes: 0 });
  });

  it("reuses an account that already exists for a demo address", async () => {
    const existing = await createUser({ email: "amina@demo.rapporteur.test", name: "Amina (signed in before)" });
    expect(await seedDemoWorkshop(prisma())).toBe(true);
    const membership = await prisma().membership.findFirstOrThrow({ where: { userId: existing.id } });
    expect(membership.role).toBe("PARTICIPANT");
    expect((await prisma().user.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe("Amina (signed in before)");
  });

  it("seeds the demo workshop with 7 people in their roles, 3 cited sources and 5 themes", async () => {
    const workshop = await prisma().workshop.findFirstOrThrow({
      where: { isDemo: true },
      include: {
        memberships: { include: { user: true } },
        sources: { orderBy: { position: "asc" } },
        themes: { orderBy: { position: "asc" } },
      },
    });
    expect(workshop).toMatchObject({ status: "OPEN", attribution: "CHATHAM_HOUSE", place: "New York" });
    expect(workshop.date?.toISOString()).toBe("2024-06-13T00:00:00.000Z");

    const people = workshop.memberships.map((m) => [m.user.email, m.role]).sort();
    expect(people).toEqual(DEMO_PEOPLE.map((p) => [p.email, p.role]).sort());
    expect(people).toHaveLength(7);
    const roles = workshop.memberships.map((m) => m.role);
    expect(["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"].map((role) => roles.filter((r) => r === role).length)).toEqual([1, 1, 4, 1]);

    expect(workshop.sources).toHaveLength(3);
    workshop.sources.forEach((source, position) => {
      const expected = DEMO_SOURCES[position]!;
      expect(source).toMatchObject({
        position,
        title: expected.title,
        authors: [...expected.authors],
        publisher: expected.publisher,
        publishedOn: expected.publishedOn,
        shortCitation: expected.shortCitation,
        format: expected.format,
        revision: 1,
      });
      expect(source.title && source.shortCitation && source.publisher).toBeTruthy();
      expect(source.authors.length).toBeGreaterThan(0);
      const raw = fs.readFileSync(path.join(DEFAULT_CORPUS_DIR, expected.file), "utf8");
      expect(source.originalText).toBe(raw);
      expect(source.markup).toBe(normalizeSourceText(raw));
      expect(source.text).toBe(parseMarkup(source.markup, source.format).text);
    });

    expect(workshop.themes.map((theme) => [theme.position, theme.name])).toEqual(DEMO_THEMES.map((name, i) => [i, name]));
    expect(workshop.themes).toHaveLength(5);
  });

  it("seeds the demo people's annotations and lessons, owned by their authors, with stances that give several phrases", async () => {
    const workshop = await prisma().workshop.findFirstOrThrow({ where: { isDemo: true }, include: { memberships: { include: { user: true } } } });
    const key = await findWorkshopKey(prisma(), workshop.id);
    const userOf = (personKey: string) => workshop.memberships.find((m) => m.user.email === DEMO_PEOPLE.find((p) => p.key === personKey)!.email)!.userId;

    const annotations = await prisma().annotation.findMany({ where: { workshopId: workshop.id }, include: { passage: true, themes: true } });
    expect(annotations).toHaveLength(DEMO_ANNOTATIONS.length);
    for (const expected of DEMO_ANNOTATIONS) {
      const row = annotations.find((annotation) => annotation.comment === expected.comment)!;
      expect(row.passage.exact.replace(/\s+/g, " ")).toBe(expected.quote);
      expect(ownershipOf(key, userOf(expected.by)).owns({ kind: "annotation", id: row.id }, row.ownerTag)).toBe(true);
      expect(row.themes).toHaveLength(expected.themes.length);
    }

    const lessons = await prisma().lesson.findMany({ where: { workshopId: workshop.id }, include: { evidence: { include: { passage: true } }, stances: true, themes: true } });
    expect(lessons).toHaveLength(DEMO_LESSONS.length);
    const eligible = workshop.memberships.filter((m) => m.role !== "OBSERVER").length;
    const phrases = new Set<string>();
    for (const expected of DEMO_LESSONS) {
      const row = lessons.find((lesson) => lesson.statement === expected.statement)!;
      expect(ownershipOf(key, userOf(expected.by)).owns({ kind: "lesson", id: row.id }, row.ownerTag)).toBe(true);
      expect(row.evidence.map((item) => item.passage.exact.replace(/\s+/g, " ")).sort()).toEqual(expected.evidence.map((item) => item.quote).sort());
      expect(row.themes).toHaveLength(expected.themes.length);
      expect(row.stances).toHaveLength(Object.keys(expected.stances).length);
      for (const [personKey, kind] of Object.entries(expected.stances)) {
        const tag = ownershipOf(key, userOf(personKey)).tagFor({ kind: "stance", lessonId: row.id });
        expect(row.stances.find((stance) => stance.ownerTag === tag)?.kind).toBe(kind === "E" ? "ENDORSE" : "DISPUTE");
      }
      const endorse = row.stances.filter((stance) => stance.kind === "ENDORSE").length;
      phrases.add(classifyConsensus({ endorse, dispute: row.stances.length - endorse, eligible }));
    }
    // Passages are shared: an annotated passage cited as evidence is one row.
    expect(await prisma().passage.count({ where: { workshopId: workshop.id } })).toBe(new Set([...DEMO_ANNOTATIONS, ...DEMO_LESSONS.flatMap((l) => l.evidence)].map((q) => `${q.source}|${q.quote}`)).size);
    expect([...phrases].sort()).toEqual(["diverged", "few", "general", "many", "none", "one", "questioned"]);
  });

  it("seeds once: a second run changes nothing", async () => {
    const before = await counts();
    expect(before).toMatchObject({ workshops: 1, users: 7, memberships: 7, sources: 3, themes: 5 });
    expect(await seedDemoWorkshop(prisma())).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
