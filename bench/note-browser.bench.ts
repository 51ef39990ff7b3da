/**
 * The large meeting note in the browser, per remote change: the built app on a fresh embedded
 * database (the demo workshop with 100 more lessons and 230 passages; its note filled through
 * `replaceNoteContent` with about 50,000 characters, 100 lesson references and 200 footnotes),
 * open in Chromium (A, the rapporteur, measured) while a second editor (Amina, a socket.io
 * client speaking the note protocol with Yjs) changes it:
 * - a character typed in the middle of a paragraph → the character in A's DOM;
 * - a paragraph holding footnotes moved from the second half into the first → every footnote
 *   number in the text and the footnote list renumbered in A;
 * - a footnote inserted before others (a passage not in the note yet, or free text) → the same;
 * - a third member (Chen) endorsing or withdrawing on a lesson of the note over HTTP → its
 *   phrase changed in A.
 * Per change: from the update's arrival in A (its WebSocket frame, stamped before socket.io
 * reads it) to the DOM showing the result (a MutationObserver) and to the next frame; from the
 * sender's send to the DOM (the page's clock matched to ours at each change); A's main-thread busy time per change
 * (CDP TaskDuration, until the page settled) and its longest task. p50/p95 over the changes.
 * Expects `npm run build`; without a build it says how to make one and measures nothing.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import * as Y from "yjs";
import { openDatabase } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { disconnectDatabase, adoptDatabase } from "../lib/db";
import { seedDemoWorkshop } from "../lib/demo/seed-demo";
import { newId } from "../lib/ownership/ids";
import { ownershipOf } from "../lib/ownership/ownership";
import { ensureWorkshopKey } from "../lib/ownership/workshop-key";
import { describeRange } from "../lib/anchoring/describe";
import { createPrng, findWords, randomWordRange } from "../lib/anchoring/testing";
import { replaceNoteContent } from "../lib/notes/apply-note-change";
import { CHROMIUM_EXECUTABLE, chromiumLaunchOptions } from "../e2e/support/chromium";
import { startServer, stopServer } from "./support/app-server";
import { percentile } from "./support/databases";
import { profiled } from "./support/cpu-profile";
import { corpusSentences, largeNoteContent } from "./support/large-note";
import { RemoteEditor, type Expected } from "./support/note-remote";
import { ARM_WATCH, WATCH_FRAMES, armWatch, blockLength, longTasksSinceArmed, phraseOf, type Seen } from "./support/note-page-watch";
import type { Bench, BenchRow } from "./run";

const LESSONS = 100;
const PASSAGES_CITED = 150;
const PASSAGES_SPARE = 80;
const CHANGES = Number(process.env.BENCH_NOTE_CHANGES ?? 30);
const STANCE_CHANGES = Number(process.env.BENCH_NOTE_STANCES ?? 12);
/**
 * How long after the DOM showed a change its follow-up work is counted: the resolution, a
 * references fetch, and the attribution guard's check (posted 1 s after the last change).
 */
const SETTLE_MS = 1_300;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Prepared {
  workshopId: string;
  spare: string[];
  stanceLessonIds: string[];
  chars: number;
}

/** A fresh data directory: the demo workshop, the bench's lessons and passages, the large note. */
async function prepareDatabase(dataDir: string): Promise<Prepared> {
  const connection = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    await seedDemoWorkshop(db, path.join(ROOT, "prisma/seed/corpus"));
    const workshop = await db.workshop.findFirstOrThrow({ where: { isDemo: true }, include: { themes: true, sources: { orderBy: { position: "asc" } } } });
    const eligible = await db.membership.findMany({ where: { workshopId: workshop.id, role: { not: "OBSERVER" } }, select: { userId: true } });
    const authors = eligible.map((member) => member.userId);
    const key = await ensureWorkshopKey(db, workshop.id);
    const random = createPrng(50_000);
    const source = workshop.sources[0]!;
    const words = findWords(source.text);
    const passages = await db.passage.createManyAndReturn({
      data: Array.from({ length: PASSAGES_CITED + PASSAGES_SPARE }, () => {
        const range = randomWordRange(random, words, 3, 30);
        const { quote, position } = describeRange(source.text, range.start, range.end);
        return { workshopId: workshop.id, sourceId: source.id, revision: source.revision, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
      }),
      select: { id: true },
    });
    const sentences = corpusSentences(ROOT);
    const lessons = Array.from({ length: LESSONS }, (_, i) => {
      const id = newId();
      const ownerTag = ownershipOf(key, authors[i % authors.length]!).tagFor({ kind: "lesson", id });
      return { id, workshopId: workshop.id, ownerTag, statement: sentences[(i * 7) % sentences.length]!.slice(0, 400), elaboration: "" };
    });
    await db.lesson.createMany({ data: lessons });
    await db.lessonTheme.createMany({ data: lessons.map((lesson, i) => ({ lessonId: lesson.id, themeId: workshop.themes[i % workshop.themes.length]!.id })) });
    // Varied phrases: lesson i has i % 5 endorsements; the stance lessons (i % 5 = 0) have none.
    await db.stance.createMany({
      data: lessons.flatMap((lesson, i) =>
        authors.slice(0, i % 5).map((author) => ({ lessonId: lesson.id, ownerTag: ownershipOf(key, author).tagFor({ kind: "stance", lessonId: lesson.id }), kind: "ENDORSE" as const })),
      ),
    });
    const cited = passages.slice(0, PASSAGES_CITED).map((passage) => passage.id);
    const { content, chars } = largeNoteContent(sentences, lessons.map((lesson) => lesson.id), cited);
    await replaceNoteContent(workshop.id, content);
    return {
      workshopId: workshop.id,
      spare: passages.slice(PASSAGES_CITED).map((passage) => passage.id),
      stanceLessonIds: lessons.filter((_, i) => i % 5 === 0).map((lesson) => lesson.id),
      chars,
    };
  } finally {
    await disconnectDatabase();
  }
}

async function signedIn(context: BrowserContext, who: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in as ${who}` }).click();
  await page.waitForURL(/\/workshops(?:[/?#]|$)/);
  return page;
}

interface Sample {
  visible: number;
  frame: number;
  endToEnd: number;
  busy: number;
  script: number;
  layout: number;
  longest: number;
}

/** Measures one change: arms the watch, lets `act` make it, waits for the DOM, then for the page to settle. */
async function measure(page: Page, cdp: CDPSession, expected: Parameters<typeof armWatch>[1], act: () => Promise<void>): Promise<Sample> {
  const durations = async () => {
    const metrics = new Map((await cdp.send("Performance.getMetrics")).metrics.map((metric) => [metric.name, metric.value * 1000]));
    return { task: metrics.get("ThreadTime")!, devtools: metrics.get("DevToolsCommandDuration")!, script: metrics.get("ScriptDuration")!, layout: metrics.get("LayoutDuration")! + metrics.get("RecalcStyleDuration")! };
  };
  const { seen, offset } = await armWatch(page, expected);
  const before = await durations();
  const sentAt = performance.timeOrigin + performance.now();
  const [result] = await Promise.all([seen(), act()]);
  const shown: Seen = result;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const longTasks = await longTasksSinceArmed(page);
  const after = await durations();
  return {
    // No stamped frame (none arrived since arming): not counted.
    visible: shown.arrival ? shown.dom - shown.arrival : NaN,
    frame: shown.arrival ? shown.frame - shown.arrival : NaN,
    endToEnd: shown.epoch + shown.dom - offset - sentAt,
    busy: after.task - before.task - (after.devtools - before.devtools),
    script: after.script - before.script,
    layout: after.layout - before.layout,
    longest: Math.max(0, ...longTasks),
  };
}

function summarize(change: string, samples: Sample[]): BenchRow {
  const p = (pick: (sample: Sample) => number) => {
    const values = samples.map(pick).filter((value) => !Number.isNaN(value));
    if (values.length === 0) return "–";
    return `${percentile(values, 0.5).toFixed(0)} / ${percentile(values, 0.95).toFixed(0)}`;
  };
  return {
    change: `${change} (${samples.length})`,
    "arrival→DOM ms p50/p95": p((s) => s.visible),
    "arrival→next frame": p((s) => s.frame),
    "sent→DOM": p((s) => s.endToEnd),
    "main-thread CPU": p((s) => s.busy),
    "script (wall)": p((s) => s.script),
    "style+layout (wall)": p((s) => s.layout),
    "longest task": p((s) => s.longest),
  };
}

const bench: Bench = async () => {
  const title = "The large meeting note in Chromium, per remote change";
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    return { title, rows: [], notes: ["skipped: no production build in .next/ — run `npm run build`, then `npm run bench -- note-browser`"] };
  }
  if (!fs.existsSync(CHROMIUM_EXECUTABLE)) return { title, rows: [], notes: [`skipped: no Chromium at ${CHROMIUM_EXECUTABLE} (set CHROMIUM_PATH)`] };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-bench-"));
  let server: ChildProcess | null = null;
  let remote: RemoteEditor | null = null;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const prepared = await prepareDatabase(dataDir);
    const started = await startServer(dataDir, Number(process.env.BENCH_PORT ?? 3180));
    server = started.child;
    const contextOf = () => browser.newContext({ baseURL: started.appUrl, viewport: { width: 1280, height: 900 } });
    const [measured, second, third] = [await contextOf(), await contextOf(), await contextOf()];
    await measured.addInitScript({ content: `${WATCH_FRAMES}\n${ARM_WATCH}` });
    const page = await signedIn(measured, "Rafael Rapporteur");
    await (await signedIn(second, "Amina Participant")).close();
    const stancePage = await signedIn(third, "Chen Participant");
    const cookie = (await second.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

    // The page's own requests while changes arrive: the guard's check and the references.
    const requests = new Map<string, number[]>();
    const bodies = new Map<string, number>();
    page.on("requestfinished", (request) => {
      const kind = /\/note\/guard$/.test(new URL(request.url()).pathname) ? `${request.method()} note/guard` : /\/note\/references$/.test(new URL(request.url()).pathname) ? "GET note/references" : null;
      const timing = request.timing();
      if (!kind || timing.responseEnd <= 0) return;
      requests.set(kind, [...(requests.get(kind) ?? []), timing.responseEnd]);
      void request.sizes().then((sizes) => bodies.set(kind, Math.max(bodies.get(kind) ?? 0, sizes.requestBodySize, sizes.responseBodySize)), () => {});
    });
    const loadStarted = performance.now();
    await page.goto(`/workshops/${prepared.workshopId}/note`);
    await page.waitForFunction(() => document.querySelectorAll("li[data-footnote]").length >= 150 && !document.querySelector("#note-body sup.note-citation[data-citation='']"), undefined, { timeout: 120_000, polling: 100 });
    const loadMs = performance.now() - loadStarted;
    const cdp = await measured.newCDPSession(page);
    await cdp.send("Performance.enable");
    remote = await RemoteEditor.connect(started.appUrl, cookie, prepared.workshopId);
    const editor = remote;

    const remoteChange = async (make: () => Expected, fix?: (expected: Expected) => Promise<Expected>): Promise<Sample> => {
      const before = Y.encodeStateVector(editor.doc);
      let expected = make();
      if (fix) expected = await fix(expected);
      return measure(page, cdp, expected, () => editor.send(before));
    };
    // A typed character shows as one more character in its block.
    const lengthAfter = async (expected: Expected): Promise<Expected> => (expected.kind === "text" ? { ...expected, length: (await blockLength(page, expected.block)) + 1 } : expected);
    const typed: Sample[] = [];
    const moved: Sample[] = [];
    const inserted: Sample[] = [];
    // One warm-up of each kind, then the measured ones, interleaved.
    for (let i = -1; i < CHANGES; i += 1) {
      const typedSample = await remoteChange(() => editor.typeCharacter("abcdefghijklmnopqrstuvwxyz"[(i + 26) % 26]!), lengthAfter);
      const movedSample = await remoteChange(() => editor.moveParagraph());
      const spare = prepared.spare[(i + 1) % prepared.spare.length]!;
      const insertedSample = await remoteChange(() => editor.insertCitation(i % 2 === 0 ? { passageId: spare } : { note: `Interview notes, session ${i + 2}.` }));
      if (i < 0) continue;
      typed.push(typedSample);
      moved.push(movedSample);
      inserted.push(insertedSample);
    }

    const stances: Sample[] = [];
    for (let i = -1; i < STANCE_CHANGES; i += 1) {
      const lessonId = prepared.stanceLessonIds[Math.floor((i + 1) / 2) % prepared.stanceLessonIds.length]!;
      const stance = (i + 1) % 2 === 0 ? "ENDORSE" : null;
      const before = await phraseOf(page, lessonId);
      const sample = await measure(page, cdp, { kind: "phrase", lessonId, before }, async () => {
        const response = await stancePage.request.put(`/api/workshops/${prepared.workshopId}/lessons/${lessonId}/stance`, { data: { stance }, headers: { origin: started.appUrl } });
        if (!response.ok()) throw new Error(`stance answered ${response.status()}: ${await response.text()}`);
      });
      if (i >= 0) stances.push(sample);
    }
    // BENCH_NOTE_PROFILE=<dir>: a CPU profile of A around one more move and one more keystroke.
    const profileDir = process.env.BENCH_NOTE_PROFILE;
    const profiles: string[] = [];
    if (profileDir) {
      const kinds = [
        ["keystroke", () => editor.typeCharacter("z"), lengthAfter],
        ["move", () => editor.moveParagraph(), undefined],
        ["insert", () => editor.insertCitation({ note: "Profiled footnote." }), undefined],
      ] as const;
      for (const [name, make, fix] of kinds) {
        const file = path.join(profileDir, `note-${name}.cpuprofile`);
        const top = await profiled(cdp, file, async () => void (await remoteChange(make, fix)));
        profiles.push(`profile of one ${name} (${file}): ${top.join("; ")}`);
      }
    }
    const footnotes = await page.evaluate(() => document.querySelectorAll("li[data-footnote]").length);
    await cdp.detach();
    return {
      title,
      rows: [
        summarize("remote keystroke mid-paragraph", typed),
        summarize("paragraph with footnotes moved", moved),
        summarize("footnote inserted (passage / free text)", inserted),
        summarize("stance taken/withdrawn (HTTP) → phrase", stances),
      ],
      notes: [
        `${prepared.chars.toLocaleString("en")} characters, ${LESSONS} lesson references, ${footnotes} footnotes at the end (200 at the start); note page ready in ${(loadMs / 1000).toFixed(1)} s`,
        "arrival = the WebSocket frame in A (the Yjs update; for stances the lesson event), stamped before socket.io reads it; DOM = a MutationObserver saw the expected text or numbering",
        "the editor resolves footnote numbers and phrases 120 ms after a change (RESOLVE_DELAY_MS) and fetches references 150 ms after a lesson event: both delays are inside the figures; a stance reaches others at the end of a clock-aligned window (anonymity), hence sent→DOM",
        `main-thread CPU = A's renderer main thread's CPU time (CDP ThreadTime, less the bench's own DevTools commands; script: ScriptDuration; style+layout: RecalcStyleDuration + LayoutDuration, both wall time) from sending until ${SETTLE_MS} ms after the DOM showed it; longest task: over 50 ms only (Long Tasks API), else 0`,
        ...[...requests].map(([kind, times]) => `A's ${kind} requests: ${times.length}, p50 ${percentile(times, 0.5).toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms (request start to response end), largest body sent or received (as transferred) ${((bodies.get(kind) ?? 0) / 1024).toFixed(0)} KB`),
        ...profiles,
        `one warm-up of each kind first; Chromium ${browser.version()}, headless, --disable-gpu; server, browser and second editor share this machine`,
      ],
    };
  } finally {
    remote?.close();
    await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

export default bench;
