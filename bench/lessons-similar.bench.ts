/**
 * Suggesting similar lessons while a statement is typed, over a workshop of 2,000 lessons: the
 * whole `findSimilarLessons` call a keystroke triggers (membership check, pg_trgm ranking,
 * presenting the matches with their phrases), for every prefix of ten statements typed one
 * character at a time. On in-memory PGlite, and on PostgreSQL when BENCH_DATABASE_URL names a
 * server (a throwaway database is made there). Target: p95 under 50 ms per keystroke.
 */
import { adoptDatabase, disconnectDatabase, type PrismaClient } from "../lib/db";
import { openDatabase, type DatabaseTarget } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { findSimilarLessons } from "../lib/lessons/find-similar-lessons";
import { DEMO_LESSONS } from "../lib/demo/demo-contributions";
import path from "node:path";
import { corpusSentences } from "./support/large-note";
import type { Bench, BenchRow } from "./run";
import { measureOnEachDatabase, percentile } from "./support/databases";

const LESSONS = 2_000;
const TYPED = 10;

async function seedLessons(db: PrismaClient) {
  const people = await Promise.all(
    Array.from({ length: 20 }, (_, i) => db.user.create({ data: { email: `p${i}@bench.test` } })),
  );
  const workshop = await db.workshop.create({
    data: {
      title: "Bench",
      memberships: { create: people.map((person, i) => ({ userId: person.id, role: i === 0 ? "ORGANIZER" : "PARTICIPANT" })) },
      themes: { create: [{ name: "Theme", nameKey: "theme", color: "teal", position: 0 }] },
    },
    include: { themes: true },
  });
  const sentences = corpusSentences(path.resolve("."), { files: ["ipi-emerging-lessons-from-minusma-2024.md", "csis-examining-extremism-jnim.txt"], maxLength: 400 });
  // Distinct statements: corpus sentences, cut at different lengths and numbered past the first round.
  const statements = Array.from({ length: LESSONS }, (_, i) => {
    const sentence = sentences[i % sentences.length]!;
    const round = Math.floor(i / sentences.length);
    return round === 0 ? sentence : `${sentence.slice(0, Math.max(40, sentence.length - round * 7))} (${round})`;
  });
  await db.lesson.createMany({ data: statements.map((statement) => ({ workshopId: workshop.id, statement })) });
  const lessons = await db.lesson.findMany({ where: { workshopId: workshop.id }, select: { id: true } });
  await db.lessonTheme.createMany({ data: lessons.map((lesson) => ({ lessonId: lesson.id, themeId: workshop.themes[0]!.id })) });
  return { workshop, viewer: { id: people[1]!.id, email: people[1]!.email, name: null } };
}

async function measure(target: DatabaseTarget, label: string): Promise<BenchRow> {
  const connection = await openDatabase(target);
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    const { workshop, viewer } = await seedLessons(db);
    const drafts = DEMO_LESSONS.slice(0, TYPED).map((lesson) => lesson.statement);
    const times: number[] = [];
    let suggested = 0;
    for (const draft of drafts) {
      for (let length = 1; length <= draft.length; length += 1) {
        const started = performance.now();
        const { lessons } = await findSimilarLessons({ viewer, workshopId: workshop.id, query: draft.slice(0, length) });
        times.push(performance.now() - started);
        suggested += lessons.length;
      }
    }
    return {
      database: label,
      lessons: LESSONS,
      keystrokes: times.length,
      "p50 ms": percentile(times, 0.5).toFixed(1),
      "p95 ms": percentile(times, 0.95).toFixed(1),
      "max ms": Math.max(...times).toFixed(1),
      "suggestions per keystroke": (suggested / times.length).toFixed(1),
    };
  } finally {
    await disconnectDatabase();
  }
}

const bench: Bench = async () => {
  const rows = await measureOnEachDatabase(measure);
  return {
    title: "Similar-lesson suggestions while typing, 2,000 lessons",
    rows,
    notes: ["Every prefix of ten demo statements, typed one character at a time; the browser debounces keystrokes, so this is the worst case."],
  };
};

export default bench;
