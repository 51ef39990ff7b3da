/**
 * Searching a large workshop: 10,000 lessons, 50,000 annotations (and 5,000 replies), 50 sources
 * made of the corpus's paragraphs, seeded in bulk (createMany; the search triggers index each
 * row). `searchWorkshop` as GET …/search answers it, for a participant (so the hidden-item rule is
 * exercised), over a mix of queries: common and rare words, a phrase, French, an excluded word,
 * one kind, a theme filter. On in-memory PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set.
 */
import fs from "node:fs";
import path from "node:path";
import { adoptDatabase, disconnectDatabase } from "../lib/db";
import { openDatabase, type DatabaseTarget } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { createPrng } from "../lib/anchoring/testing";
import { newId } from "../lib/ownership/ids";
import { ownershipOf } from "../lib/ownership/ownership";
import { ensureWorkshopKey } from "../lib/ownership/workshop-key";
import { searchWorkshop } from "../lib/search/search-workshop";
import type { Bench, BenchRow } from "./run";
import { measureOnEachDatabase, percentile } from "./support/databases";

const LESSONS = 10_000;
const ANNOTATIONS = 50_000;
const REPLIES = 5_000;
const SOURCES = 50;
const PASSAGES = 2_000;
const CHUNK = 5_000;
const ROUNDS = 10;

const FRENCH = [
  "Les accords de paix n'ont jamais été appliqués dans le nord du pays.",
  "La mission a manqué de moyens aériens pour protéger les civils.",
  "Le consentement de l'État hôte s'est effrité au fil des années.",
  "Les partenaires régionaux sont intervenus trop tard et sans coordination.",
];

function corpusParagraphs(): string[] {
  const dir = path.resolve("prisma/seed/corpus");
  return fs
    .readdirSync(dir)
    .filter((file) => /\.(txt|md)$/.test(file))
    .flatMap((file) => fs.readFileSync(path.join(dir, file), "utf8").split(/\n\s*\n/))
    .map((paragraph) => paragraph.replace(/^#+\s*/, "").trim())
    .filter((paragraph) => paragraph.length > 80);
}

const QUERIES: Array<Record<string, string>> = [
  { q: "mission" },
  { q: "pastoralist populism" },
  { q: '"security council"' },
  { q: "accords" },
  { q: "jihadist -mali" },
  { q: "ceasefire or negotiation" },
  { q: "consent", kind: "lesson" },
  { q: "civilians", kind: "annotation" },
];

export async function seed(db: ReturnType<typeof adoptDatabase>, random: () => number) {
  const paragraphs = corpusParagraphs();
  const sentences = paragraphs.flatMap((paragraph) => paragraph.split(/(?<=\.)\s+/)).filter((sentence) => sentence.length > 30);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const workshop = await db.workshop.create({ data: { title: "Search bench" } });
  const users = await db.user.createManyAndReturn({ data: Array.from({ length: 30 }, (_, index) => ({ email: `member-${index}@bench.test` })), select: { id: true, email: true } });
  await db.membership.createMany({ data: users.map((user, index) => ({ workshopId: workshop.id, userId: user.id, role: index === 0 ? "ORGANIZER" : "PARTICIPANT" })) });
  const themes = await db.theme.createManyAndReturn({
    data: Array.from({ length: 8 }, (_, index) => ({ workshopId: workshop.id, name: `Theme ${index}`, nameKey: `theme ${index}`, color: "teal", position: index })),
    select: { id: true },
  });
  const key = await ensureWorkshopKey(db, workshop.id);
  const sources = Array.from({ length: SOURCES }, (_, index) => {
    const text = Array.from({ length: 40 }, () => pick(paragraphs)).join("\n\n");
    return { id: newId(), workshopId: workshop.id, title: `Source ${index}`, format: "TEXT" as const, originalText: text, text, position: index };
  });
  await db.source.createMany({ data: sources });
  const passages = Array.from({ length: PASSAGES }, (_, index) => {
    const source = sources[index % SOURCES]!;
    const start = Math.floor(random() * (source.text.length - 60));
    return { id: newId(), workshopId: workshop.id, sourceId: source.id, revision: 1, exact: source.text.slice(start, start + 40), start, end: start + 40 };
  });
  await db.passage.createMany({ data: passages });
  const tag = (kind: "lesson" | "annotation" | "reply", id: string, index: number) => ownershipOf(key, users[index % users.length]!.id).tagFor({ kind, id });
  const lessons = Array.from({ length: LESSONS }, (_, index) => {
    const id = newId();
    const french = index % 10 === 0;
    return {
      id,
      workshopId: workshop.id,
      ownerTag: tag("lesson", id, index),
      statement: french ? pick(FRENCH) : pick(sentences).slice(0, 400),
      elaboration: french ? "" : pick(sentences),
      hiddenAt: index % 100 === 0 ? new Date() : null,
    };
  });
  for (let at = 0; at < lessons.length; at += CHUNK) await db.lesson.createMany({ data: lessons.slice(at, at + CHUNK) });
  await db.lessonTheme.createMany({ data: lessons.map((lesson, index) => ({ lessonId: lesson.id, themeId: themes[index % themes.length]!.id })) });
  const annotations = Array.from({ length: ANNOTATIONS }, (_, index) => {
    const id = newId();
    return { id, workshopId: workshop.id, passageId: passages[index % PASSAGES]!.id, ownerTag: tag("annotation", id, index), comment: pick(sentences), hiddenAt: index % 100 === 0 ? new Date() : null };
  });
  for (let at = 0; at < annotations.length; at += CHUNK) await db.annotation.createMany({ data: annotations.slice(at, at + CHUNK) });
  for (let at = 0; at < annotations.length; at += CHUNK) {
    await db.annotationTheme.createMany({ data: annotations.slice(at, at + CHUNK).map((annotation, index) => ({ annotationId: annotation.id, themeId: themes[index % themes.length]!.id })) });
  }
  const replies = Array.from({ length: REPLIES }, (_, index) => {
    const id = newId();
    return { id, annotationId: annotations[index * 7]!.id, ownerTag: tag("reply", id, index), body: pick(sentences) };
  });
  await db.annotationReply.createMany({ data: replies });
  await db.meetingNote.create({ data: { workshopId: workshop.id, plainText: Array.from({ length: 60 }, () => pick(paragraphs)).join("\n\n") } });
  return { workshop, viewer: { id: users[1]!.id, email: users[1]!.email, name: null }, themeId: themes[0]!.id };
}

async function measure(target: DatabaseTarget, label: string): Promise<BenchRow> {
  const connection = await openDatabase(target);
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    const seedStarted = performance.now();
    const { workshop, viewer, themeId } = await seed(db, createPrng(12));
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const firstStarted = performance.now();
    await searchWorkshop({ viewer, workshopId: workshop.id, query: { q: "mission" } });
    const first = performance.now() - firstStarted;
    const times: number[] = [];
    const byQuery = new Map<string, number[]>();
    const queries = [...QUERIES, { q: "mission", themeId }];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const query of queries) {
        const started = performance.now();
        const response = await searchWorkshop({ viewer, workshopId: workshop.id, query });
        const elapsed = performance.now() - started;
        times.push(elapsed);
        const name = Object.entries(query).map(([key, value]) => (key === "themeId" ? "theme" : key === "q" ? value : `${key}=${value}`)).join(" ");
        byQuery.set(name, [...(byQuery.get(name) ?? []), elapsed]);
        if (round === 0 && query.q === "accords" && !response.groups.some((group) => group.kind === "lesson" && group.results.length > 0)) {
          throw new Error("the French lessons were not found");
        }
      }
    }
    return {
      database: label,
      "seed s": seedSeconds.toFixed(0),
      "first search ms (indexes the sources' paragraphs)": first.toFixed(0),
      searches: times.length,
      "p50 ms": percentile(times, 0.5).toFixed(0),
      "p95 ms": percentile(times, 0.95).toFixed(0),
      "max ms": Math.max(...times).toFixed(0),
      "slowest queries (median ms)": [...byQuery]
        .map(([name, elapsed]) => [name, percentile(elapsed, 0.5)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, median]) => `${name}: ${median.toFixed(0)}`)
        .join("; "),
    };
  } finally {
    await disconnectDatabase();
  }
}

const bench: Bench = async () => ({
  title: `Workshop search: ${LESSONS.toLocaleString("en")} lessons, ${ANNOTATIONS.toLocaleString("en")} annotations, ${REPLIES.toLocaleString("en")} replies, ${SOURCES} sources`,
  rows: await measureOnEachDatabase(measure),
  notes: [
    `${QUERIES.length + 1} queries × ${ROUNDS} rounds by a participant (every kind, then one kind, then a theme filter); targets: p95 < 100 ms on PostgreSQL, < 300 ms on PGlite`,
    "set BENCH_DATABASE_URL=postgresql://… to measure PostgreSQL too",
  ],
});

export default bench;
