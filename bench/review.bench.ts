/**
 * The review page's server work for a large workshop: 10,000 lessons (5 stances and 2 passages
 * of evidence each), 50 sources of 40 paragraphs, 50,000 annotations on their own passages, a
 * note citing 200 passages: `getReview` as the page and GET …/review call it, with and without a
 * theme filter, on in-memory PGlite and on PostgreSQL when BENCH_DATABASE_URL names a server.
 */
import { adoptDatabase, disconnectDatabase } from "../lib/db";
import { openDatabase, type DatabaseTarget } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { createPrng } from "../lib/anchoring/testing";
import { newId } from "../lib/ownership/ids";
import { ownershipOf } from "../lib/ownership/ownership";
import { ensureWorkshopKey } from "../lib/ownership/workshop-key";
import { getReview } from "../lib/review/get-review";
import { setRealtimeServer } from "../lib/realtime/hub";
import type { Bench, BenchRow } from "./run";
import { measureOnEachDatabase, percentile } from "./support/databases";

const LESSONS = 10_000;
const SOURCES = 50;
const PARAGRAPHS = 40;
const ANNOTATIONS = 50_000;
const MEMBERS = 30;
const STANCES_PER_LESSON = 5;
const RUNS = 5;
const CHUNK = 2_000;

const PARAGRAPH = "Consent of the host state faded over the years, and partners stepped in late; the mandate outgrew the means it was given.";

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}

async function measure(target: DatabaseTarget, label: string): Promise<BenchRow> {
  const connection = await openDatabase(target);
  setRealtimeServer(undefined);
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    const random = createPrng(12);
    const workshop = await db.workshop.create({ data: { title: "Bench review" } });
    const users = await db.user.createManyAndReturn({ data: Array.from({ length: MEMBERS }, (_, index) => ({ email: `member-${index}@bench.test` })), select: { id: true, email: true } });
    await db.membership.createMany({ data: users.map((user, index) => ({ workshopId: workshop.id, userId: user.id, role: index === 0 ? "ORGANIZER" : "PARTICIPANT" })) });
    const themes = await db.theme.createManyAndReturn({
      data: Array.from({ length: 8 }, (_, index) => ({ workshopId: workshop.id, name: `Theme ${index}`, nameKey: `theme ${index}`, color: "teal", position: index })),
      select: { id: true },
    });
    const text = Array.from({ length: PARAGRAPHS }, () => PARAGRAPH).join("\n\n");
    const sources = await db.source.createManyAndReturn({
      data: Array.from({ length: SOURCES }, (_, index) => ({ workshopId: workshop.id, title: `Source ${index}`, format: "TEXT" as const, originalText: text, markup: text, text, position: index })),
      select: { id: true },
    });
    const key = await ensureWorkshopKey(db, workshop.id);
    const passageAt = () => {
      const paragraph = Math.floor(random() * PARAGRAPHS);
      const start = paragraph * (PARAGRAPH.length + 2) + Math.floor(random() * 60);
      return { id: newId(), workshopId: workshop.id, sourceId: sources[Math.floor(random() * SOURCES)]!.id, revision: 1, exact: "x".repeat(12), start, end: start + 12 };
    };
    const annotationPassages = Array.from({ length: ANNOTATIONS }, passageAt);
    const evidencePassages = Array.from({ length: 2_000 }, passageAt);
    await inChunks([...annotationPassages, ...evidencePassages], (data) => db.passage.createMany({ data }));
    const annotations = annotationPassages.map((passage, index) => {
      const id = newId();
      return { id, workshopId: workshop.id, passageId: passage.id, comment: `Comment ${index}`, ownerTag: ownershipOf(key, users[index % MEMBERS]!.id).tagFor({ kind: "annotation", id }), hiddenAt: index % 100 === 0 ? new Date() : null };
    });
    await inChunks(annotations, (data) => db.annotation.createMany({ data }));
    await inChunks(
      annotations.filter((_, index) => index % 3 === 0).map((annotation, index) => ({ annotationId: annotation.id, themeId: themes[index % themes.length]!.id })),
      (data) => db.annotationTheme.createMany({ data }),
    );
    const lessons = Array.from({ length: LESSONS }, (_, index) => {
      const id = newId();
      return { id, workshopId: workshop.id, statement: `Lesson ${index} about consent and partners`, ownerTag: ownershipOf(key, users[index % MEMBERS]!.id).tagFor({ kind: "lesson", id }) };
    });
    await inChunks(lessons, (data) => db.lesson.createMany({ data }));
    await inChunks(lessons.map((lesson, index) => ({ lessonId: lesson.id, themeId: themes[index % themes.length]!.id })), (data) => db.lessonTheme.createMany({ data }));
    await inChunks(
      lessons.flatMap((lesson, index) => [0, 1].map((offset) => ({ lessonId: lesson.id, passageId: evidencePassages[(index * 2 + offset * 7) % evidencePassages.length]!.id }))),
      (data) => db.lessonEvidence.createMany({ data, skipDuplicates: true }),
    );
    const stances = lessons.flatMap((lesson) => {
      const first = Math.floor(random() * MEMBERS);
      return Array.from({ length: STANCES_PER_LESSON }, (_, offset) => ({
        lessonId: lesson.id,
        kind: random() < 0.8 ? ("ENDORSE" as const) : ("DISPUTE" as const),
        ownerTag: ownershipOf(key, users[(first + offset) % MEMBERS]!.id).tagFor({ kind: "stance", lessonId: lesson.id }),
      }));
    });
    await inChunks(stances, (data) => db.stance.createMany({ data }));
    const cited = evidencePassages.slice(0, 200).map((passage) => ({ type: "citation", attrs: { passageId: passage.id, note: null, quote: false } }));
    const referenced = lessons.slice(0, 500).map((lesson) => ({ type: "lessonRef", attrs: { lessonId: lesson.id } }));
    await db.meetingNote.create({ data: { workshopId: workshop.id, content: { type: "doc", content: [{ type: "paragraph", content: [...referenced, ...cited] }] } } });

    const viewer = { id: users[1]!.id, email: users[1]!.email, name: null };
    const times = async (query: object) => {
      const measured: number[] = [];
      let bytes = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const started = performance.now();
        const review = await getReview({ viewer, workshopId: workshop.id, query });
        measured.push(performance.now() - started);
        bytes = JSON.stringify(review).length;
        if (review.themes.reduce((sum, theme) => sum + theme.lessons.length, 0) !== LESSONS) throw new Error("every lesson is under one theme");
      }
      return { measured, bytes };
    };
    const all = await times({});
    const oneTheme = await times({ themeId: themes[0]!.id });
    return {
      database: label,
      "review p50 ms": percentile(all.measured, 0.5).toFixed(0),
      "review max ms": Math.max(...all.measured).toFixed(0),
      "one theme p50 ms": percentile(oneTheme.measured, 0.5).toFixed(0),
      "JSON MB": (all.bytes / 1e6).toFixed(1),
    };
  } finally {
    await disconnectDatabase();
  }
}

const bench: Bench = async () => {
  const rows = await measureOnEachDatabase(measure);
  return {
    title: `The review: ${LESSONS.toLocaleString("en")} lessons, ${ANNOTATIONS.toLocaleString("en")} annotations, ${SOURCES} sources`,
    rows,
    notes: [`${RUNS} reads of getReview (the page's and GET …/review's one call), all themes and coverage narrowed to one theme`, "set BENCH_DATABASE_URL=postgresql://… to measure PostgreSQL too"],
  };
};

export default bench;
