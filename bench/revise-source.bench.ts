/**
 * Revising a source that carries 1,000 passages (1,000 annotations on the IPI note): the whole
 * `reviseSource` call — lock, parse, re-anchor every passage, store — on in-memory PGlite, and on
 * PostgreSQL when BENCH_DATABASE_URL names a server (a throwaway database is made there).
 * Alternates between a ~10% word-edited text and the original, so each run moves every passage.
 */
import { describeRange } from "../lib/anchoring/describe";
import { createPrng, editRandomWords, findWords, randomWordRange } from "../lib/anchoring/testing";
import { adoptDatabase, disconnectDatabase } from "../lib/db";
import { openDatabase, type DatabaseTarget } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { normalizeSourceText } from "../lib/sources/normalize-text";
import { parseMarkup } from "../lib/sources/markup";
import { reviseSource } from "../lib/sources/revise-source";
import fs from "node:fs";
import path from "node:path";
import type { Bench, BenchRow } from "./run";
import { measureOnEachDatabase, percentile } from "./support/databases";

const PASSAGES = 1_000;
const RUNS = 6;

async function measure(target: DatabaseTarget, label: string): Promise<BenchRow> {
  const connection = await openDatabase(target);
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    const markup = normalizeSourceText(fs.readFileSync(path.resolve("prisma/seed/corpus/ipi-emerging-lessons-from-minusma-2024.md"), "utf8"));
    const { text } = parseMarkup(markup, "MARKDOWN");
    const user = await db.user.create({ data: { email: "organizer@bench.test" } });
    const workshop = await db.workshop.create({ data: { title: "Bench", memberships: { create: { userId: user.id, role: "ORGANIZER" } } } });
    const source = await db.source.create({
      data: { workshopId: workshop.id, title: "IPI", format: "MARKDOWN", originalText: markup, markup, text, position: 0 },
    });
    const random = createPrng(2024);
    const words = findWords(text);
    const passages = Array.from({ length: PASSAGES }, () => {
      const range = randomWordRange(random, words, 1, 40);
      const { quote } = describeRange(text, range.start, range.end);
      return { workshopId: workshop.id, sourceId: source.id, revision: 1, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, ...range };
    });
    const created = await db.passage.createManyAndReturn({ data: passages, select: { id: true } });
    // Ownerless annotations: who wrote them plays no part in re-anchoring.
    await db.annotation.createMany({ data: created.map(({ id }) => ({ workshopId: workshop.id, passageId: id })) });

    // Markup-level edit of ~10% of the words, as an organizer correcting a text would make.
    const edited = editRandomWords(markup, createPrng(7), 0.1).text;
    const viewer = { id: user.id, email: user.email, name: null };
    const times: number[] = [];
    let last = { placed: 0, moved: 0, orphaned: 0 };
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const result = await reviseSource({ viewer, workshopId: workshop.id, sourceId: source.id, input: { markup: run % 2 === 0 ? edited : markup } });
      times.push(performance.now() - started);
      if (run === 0) last = result;
    }
    return {
      database: label,
      passages: PASSAGES,
      "revise ms (median)": percentile(times, 0.5).toFixed(0),
      "min ms": Math.min(...times).toFixed(0),
      "max ms": Math.max(...times).toFixed(0),
      "placed / moved / orphaned (first run)": `${last.placed} / ${last.moved} / ${last.orphaned}`,
    };
  } finally {
    await disconnectDatabase();
  }
}

const bench: Bench = async () => {
  const rows = await measureOnEachDatabase(measure);
  return {
    title: `Revising a source with ${PASSAGES.toLocaleString("en")} passages (~10% of its words edited)`,
    rows,
    notes: [
      `${RUNS} revisions alternating between the edited text and the original; each moves every passage`,
      "set BENCH_DATABASE_URL=postgresql://… to measure PostgreSQL too",
    ],
  };
};

export default bench;
