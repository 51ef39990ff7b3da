/**
 * Runs every `bench/*.bench.ts` (or those whose name contains an argument: `npm run bench --
 * anchoring`) and prints each one's figures as a table. Benches so far:
 * - anchoring.bench.ts: describing and anchoring 1,000 annotations, before and after edits;
 * - render-highlights.bench.ts: Chromium rendering the reading view with 1,000 highlights
 *   (needs `npm run build`; without one it says so and measures nothing);
 * - note-sync.bench.ts: 5, 20 and 50 editors typing into the live note through the real socket
 *   server and storage: acknowledgement and fan-out latency, frames and stored rows;
 * - scale.bench.ts: 5–250 editors with the load generator in its own process, beside a plain ws
 *   relay and Hocuspocus, on PGlite and PostgreSQL (docs/PERFORMANCE.md); join.bench.ts: 500
 *   sockets joining a workshop; client-ids.bench.ts: update cost against past visits;
 * - revise-source.bench.ts: revising a source that carries 1,000 passages, end to end;
 * - lessons-board.bench.ts: the lessons board with 2,000 lessons and 20,000 stances, API and
 *   Chromium (needs `npm run build`); lessons-board-db.bench.ts: its database work and one stance
 *   click, on PGlite and PostgreSQL;
 * - lessons-similar.bench.ts: similar-lesson suggestions per keystroke over 2,000 lessons;
 * - note-render.bench.ts: resolving a 50,000-character note (100 lesson references, 200
 *   footnotes) and exporting it as Markdown, HTML, Word and PDF;
 * - note-browser.bench.ts: that note open in Chromium while a second editor changes it (a
 *   keystroke, a paragraph with footnotes moved, a footnote inserted) and a third member takes
 *   stances: time to the DOM per remote change, main-thread cost (needs `npm run build`);
 * - note-guard.bench.ts: the attribution guard's detectors over that size of note, 100 members;
 * - crash.bench.ts: 50 SIGKILLs of an app node mid-typing and mid-annotating, on PGlite (data
 *   directory) and PostgreSQL (BENCH_DATABASE_URL): acknowledged updates and 201s lost (must be 0);
 * - pages.bench.ts: requests/s and p50/p95 of the built app's workshop and reader pages, JSON
 *   routes, /api/health and a static chunk, autocannon at 20 connections (needs `npm run build`);
 * - memory.bench.ts: the built server's RSS idle, after each page once, and per socket with 500
 *   members joined (needs `npm run build`);
 * - many-notes.bench.ts: 100 workshops × 10 editors typing into their own notes on one node.
 *
 * `npm run bench` runs this with `--conditions=react-server`, as Next runs server code: domain
 * functions start with `import "server-only"`, which throws under any other condition.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** A row of figures; numbers are printed as they are, so round them in the bench. */
export type BenchRow = Record<string, string | number>;

/** What a bench module exports as default: a title and the rows it measured. */
export type Bench = () => Promise<{ title: string; rows: BenchRow[]; notes?: string[] }>;

function printTable(rows: BenchRow[]): void {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (row: BenchRow, column: string) => String(row[column] ?? "");
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row, column).length)));
  const line = (values: string[]) =>
    values.map((value, i) => (i === 0 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!))).join("  ");
  console.log(line(columns));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(columns.map((column) => cell(row, column))));
}

async function main(): Promise<void> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const filters = process.argv.slice(2);
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".bench.ts") && (filters.length === 0 || filters.some((f) => file.includes(f))))
    .sort();
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  for (const file of files) {
    const bench = (await import(pathToFileURL(path.join(dir, file)).href)).default as Bench;
    const started = performance.now();
    const { title, rows, notes = [] } = await bench();
    console.log(`\n## ${title} (${file}, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    printTable(rows);
    for (const note of notes) console.log(`- ${note}`);
  }
}

await main();
