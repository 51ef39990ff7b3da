/**
 * The lessons board with 2,000 lessons and 20,000 stances (50 members, ten stances a lesson, two
 * passages of evidence each): `findLessons` as the API answers it, and `setStance` as one click,
 * on in-memory PGlite, and on PostgreSQL when BENCH_DATABASE_URL names a server. The same board
 * measured over HTTP and painted in Chromium is lessons-board.bench.ts.
 */
import { adoptDatabase, disconnectDatabase } from "../lib/db";
import { openDatabase, type DatabaseTarget } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { createPrng } from "../lib/anchoring/testing";
import { newId } from "../lib/ownership/ids";
import { ownershipOf } from "../lib/ownership/ownership";
import { ensureWorkshopKey } from "../lib/ownership/workshop-key";
import { findLessons } from "../lib/lessons/find-lessons";
import { setStance } from "../lib/lessons/set-stance";
import { setRealtimeServer } from "../lib/realtime/hub";
import type { Bench, BenchRow } from "./run";
import { measureOnEachDatabase, percentile } from "./support/databases";

const LESSONS = 2_000;
const MEMBERS = 50;
const STANCES_PER_LESSON = 10;
const RUNS = 20;

async function measure(target: DatabaseTarget, label: string): Promise<BenchRow> {
  const connection = await openDatabase(target);
  setRealtimeServer(undefined);
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    const workshop = await db.workshop.create({ data: { title: "Bench" } });
    const users = await db.user.createManyAndReturn({ data: Array.from({ length: MEMBERS }, (_, index) => ({ email: `member-${index}@bench.test` })), select: { id: true, email: true } });
    await db.membership.createMany({ data: users.map((user, index) => ({ workshopId: workshop.id, userId: user.id, role: index === 0 ? "ORGANIZER" : "PARTICIPANT" })) });
    const themes = await db.theme.createManyAndReturn({
      data: Array.from({ length: 5 }, (_, index) => ({ workshopId: workshop.id, name: `Theme ${index}`, nameKey: `theme ${index}`, color: "teal", position: index })),
      select: { id: true },
    });
    const text = "Consent of the host state faded over the years, and partners stepped in late. ".repeat(50);
    const source = await db.source.create({ data: { workshopId: workshop.id, title: "Source", format: "TEXT", originalText: text, text, position: 0 } });
    const passages = await db.passage.createManyAndReturn({
      data: Array.from({ length: 100 }, (_, index) => ({ workshopId: workshop.id, sourceId: source.id, revision: 1, exact: "Consent", start: index * 80, end: index * 80 + 7 })),
      select: { id: true },
    });
    const key = await ensureWorkshopKey(db, workshop.id);
    const random = createPrng(10);
    const lessons = Array.from({ length: LESSONS }, (_, index) => ({ id: newId(), workshopId: workshop.id, statement: `Lesson ${index} about consent and partners`, ownerTag: ownershipOf(key, users[index % MEMBERS]!.id).tagFor({ kind: "lesson", id: `${index}` }) }));
    await db.lesson.createMany({ data: lessons });
    await db.lessonTheme.createMany({ data: lessons.map((lesson, index) => ({ lessonId: lesson.id, themeId: themes[index % themes.length]!.id })) });
    await db.lessonEvidence.createMany({ data: lessons.flatMap((lesson, index) => [0, 1].map((offset) => ({ lessonId: lesson.id, passageId: passages[(index + offset * 7) % passages.length]!.id }))) });
    const stances = lessons.flatMap((lesson) => {
      const start = Math.floor(random() * MEMBERS);
      return Array.from({ length: STANCES_PER_LESSON }, (_, offset) => {
        const user = users[(start + offset) % MEMBERS]!;
        return { lessonId: lesson.id, kind: random() < 0.8 ? ("ENDORSE" as const) : ("DISPUTE" as const), ownerTag: ownershipOf(key, user.id).tagFor({ kind: "stance", lessonId: lesson.id }) };
      });
    });
    await db.stance.createMany({ data: stances });

    const viewer = { id: users[1]!.id, email: users[1]!.email, name: null };
    const boardTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const board = await findLessons({ viewer, workshopId: workshop.id });
      boardTimes.push(performance.now() - started);
      if (board.lessons.length !== LESSONS) throw new Error(`expected ${LESSONS} lessons, got ${board.lessons.length}`);
    }
    const stanceTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      await setStance({ viewer, workshopId: workshop.id, lessonId: lessons[run]!.id, input: { stance: run % 2 === 0 ? "ENDORSE" : "DISPUTE" } });
      stanceTimes.push(performance.now() - started);
    }
    return {
      database: label,
      "lessons / stances": `${LESSONS} / ${stances.length}`,
      "board p50 ms": percentile(boardTimes, 0.5).toFixed(0),
      "board p95 ms": percentile(boardTimes, 0.95).toFixed(0),
      "stance p50 ms": percentile(stanceTimes, 0.5).toFixed(0),
      "stance p95 ms": percentile(stanceTimes, 0.95).toFixed(0),
    };
  } finally {
    await disconnectDatabase();
  }
}

const bench: Bench = async () => {
  const rows = await measureOnEachDatabase(measure);
  return {
    title: `The lessons board: ${LESSONS.toLocaleString("en")} lessons, ${(LESSONS * STANCES_PER_LESSON).toLocaleString("en")} stances`,
    rows,
    notes: [`${RUNS} board reads (findLessons, as GET …/lessons answers) and ${RUNS} stance changes by one member`, "set BENCH_DATABASE_URL=postgresql://… to measure PostgreSQL too"],
  };
};

export default bench;
