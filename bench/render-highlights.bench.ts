/**
 * Rendering the reading view with 1,000 highlights: the built app on a fresh embedded database
 * (demo workshop with its codebook grown to 12 themes, one per palette colour, plus 1,000
 * annotations on the IPI note by the demo participants, most tagged, some with two themes), Debian's
 * Chromium through playwright-core, signed in as Amina. Five measured page loads after one
 * warm-up, each timed from navigation start (the page's `performance.timeOrigin`):
 * - highlights in DOM: every one of the 1,000 annotation ids is on a `mark.highlight`;
 * - painted: a double requestAnimationFrame later (the frame with them has been produced);
 * - interactive: hydrated and connected (the live count says "here now");
 * - main-thread busy: Chromium's TaskDuration for the load, from the DevTools protocol.
 * Expects `npm run build`; without a build it says how to make one and measures nothing.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { openDatabase } from "../lib/db/connection";
import { applyPendingMigrations } from "../lib/db/migrations";
import { disconnectDatabase, adoptDatabase } from "../lib/db";
import { seedDemoWorkshop } from "../lib/demo/seed-demo";
import { DEMO_PEOPLE, DEMO_SOURCES } from "../lib/demo/demo-workshop";
import { newId } from "../lib/ownership/ids";
import { ownershipOf } from "../lib/ownership/ownership";
import { ensureWorkshopKey } from "../lib/ownership/workshop-key";
import { describeRange } from "../lib/anchoring/describe";
import { themeNameKey } from "../lib/themes/name-key";
import { THEME_COLOR_KEYS } from "../lib/themes/palette";
import { createPrng, findWords, randomInt, randomWordRange } from "../lib/anchoring/testing";
import type { Bench, BenchRow } from "./run";
import { CHROMIUM_EXECUTABLE, chromiumLaunchOptions } from "../e2e/support/chromium";
import { freePort, startServer, stopServer } from "./support/app-server";

const ANNOTATIONS = 1_000;
const RUNS = 5;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Prepared {
  workshopId: string;
  sourceId: string;
  textLength: number;
  themes: number;
  tags: number;
}

/** A fresh data directory: migrations, the demo workshop, 1,000 annotations on the IPI note. */
async function prepareDatabase(dataDir: string): Promise<Prepared> {
  const connection = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    await seedDemoWorkshop(db, path.join(ROOT, "prisma/seed/corpus"));
    const demo = await db.workshop.findFirstOrThrow({ where: { isDemo: true }, include: { themes: true } });
    // One theme per palette colour, so every highlight colour (and stripes of two) is painted.
    const extraNames = THEME_COLOR_KEYS.slice(demo.themes.length).map((color) => `Bench theme ${color}`);
    await db.theme.createMany({
      data: extraNames.map((name, index) => ({
        workshopId: demo.id,
        name,
        nameKey: themeNameKey(name),
        color: THEME_COLOR_KEYS[demo.themes.length + index]!,
        position: demo.themes.length + index,
      })),
    });
    const workshop = await db.workshop.findFirstOrThrow({ where: { id: demo.id }, include: { themes: { orderBy: { position: "asc" } } } });
    const source = await db.source.findFirstOrThrow({ where: { workshopId: workshop.id, title: DEMO_SOURCES[0].title } });
    const participants = await db.user.findMany({
      where: { email: { in: DEMO_PEOPLE.filter((person) => person.role === "PARTICIPANT").map((person) => person.email) } },
    });
    const random = createPrng(1000);
    const words = findWords(source.text);
    const passages = Array.from({ length: ANNOTATIONS }, () => {
      const range = randomWordRange(random, words, 1, 40);
      const { quote, position } = describeRange(source.text, range.start, range.end);
      return { workshopId: workshop.id, sourceId: source.id, revision: source.revision, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
    });
    const passageIds = await db.passage.createManyAndReturn({ data: passages, select: { id: true } });
    const key = await ensureWorkshopKey(db, workshop.id);
    const rows = passageIds.map(({ id: passageId }, i) => {
      const id = newId();
      const ownerTag = ownershipOf(key, participants[i % participants.length]!.id).tagFor({ kind: "annotation", id });
      return { id, workshopId: workshop.id, passageId, ownerTag, comment: i % 2 === 0 ? `Bench comment ${i}: this passage matters for the note.` : "" };
    });
    const created = await db.annotation.createManyAndReturn({ data: rows, select: { id: true } });
    // About 15% untagged, 60% with one theme, 25% with two (striped), spread over all 12.
    const tags = created.flatMap(({ id }) => {
      const roll = random();
      const count = roll < 0.15 ? 0 : roll < 0.75 ? 1 : 2;
      const first = randomInt(random, 0, workshop.themes.length - 1);
      const second = (first + randomInt(random, 1, workshop.themes.length - 1)) % workshop.themes.length;
      return [first, second].slice(0, count).map((index) => ({ annotationId: id, themeId: workshop.themes[index]!.id }));
    });
    await db.annotationTheme.createMany({ data: tags });
    return { workshopId: workshop.id, sourceId: source.id, textLength: source.text.length, themes: workshop.themes.length, tags: tags.length };
  } finally {
    await disconnectDatabase();
  }
}

/**
 * Runs in the page from its first script: notes when every highlight is in the DOM, then
 * painted. A string, not a function: tsx would wrap a function's inner names in a helper
 * that does not exist in the page.
 */
const WATCH_HIGHLIGHTS = `(() => {
  const expected = ${ANNOTATIONS};
  const check = () => {
    const ids = new Set();
    for (const mark of document.querySelectorAll("mark.highlight[data-annotation-ids]")) {
      for (const id of mark.getAttribute("data-annotation-ids").split(" ")) if (id) ids.add(id);
    }
    if (ids.size < expected) return requestAnimationFrame(check);
    window.__highlightsAt = performance.now();
    window.__marks = document.querySelectorAll("mark.highlight").length;
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__paintedAt = performance.now())));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
  else check();
})();`;

/** What the page shows when highlights never all arrive, to say why. */
async function describePage(page: Page): Promise<string> {
  const state = await page.evaluate(() => {
    const ids = new Set<string>();
    for (const mark of document.querySelectorAll("mark.highlight[data-annotation-ids]")) {
      for (const id of mark.getAttribute("data-annotation-ids")!.split(" ")) if (id) ids.add(id);
    }
    return { url: location.href, title: document.title, ids: ids.size, marks: document.querySelectorAll("mark").length };
  });
  return `page ${state.url} ("${state.title}"): ${state.ids} annotation ids on ${state.marks} <mark> elements`;
}

type Load = { highlights: number; painted: number; interactive: number; busy: number; marks: number };

async function measureLoad(page: Page, url: string): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskDuration = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((metric) => metric.name === "TaskDuration")!.value;
  const busyBefore = await taskDuration();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => "__paintedAt" in window, undefined, { timeout: 60_000, polling: 100 }).catch(async (error) => {
    throw new Error(`${(error as Error).message}\n${await describePage(page)}`);
  });
  await page.getByTestId("live-count").filter({ hasText: /here now/ }).waitFor({ timeout: 120_000 });
  const times = await page.evaluate(() => {
    const marks = window as unknown as Record<string, number>;
    return { highlights: marks.__highlightsAt!, painted: marks.__paintedAt!, interactive: performance.now(), marks: marks.__marks! };
  });
  const busy = (await taskDuration()) - busyBefore;
  await cdp.detach();
  return { ...times, busy: busy * 1000 };
}

function summarize(step: string, values: number[]): BenchRow {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    step,
    "min ms": sorted[0]!.toFixed(0),
    "median ms": sorted[Math.floor(sorted.length / 2)]!.toFixed(0),
    "max ms": sorted.at(-1)!.toFixed(0),
  };
}

const bench: Bench = async () => {
  const title = `Rendering the reading view with ${ANNOTATIONS.toLocaleString("en")} highlights in Chromium`;
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    return { title, rows: [], notes: ["skipped: no production build in .next/ — run `npm run build`, then `npm run bench -- render-highlights`"] };
  }
  if (!fs.existsSync(CHROMIUM_EXECUTABLE)) {
    return { title, rows: [], notes: [`skipped: no Chromium at ${CHROMIUM_EXECUTABLE} (set CHROMIUM_PATH)`] };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-bench-"));
  let server: ChildProcess | null = null;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const prepareStarted = performance.now();
    const prepared = await prepareDatabase(dataDir);
    const prepareMs = performance.now() - prepareStarted;
    const started = await startServer(dataDir, await freePort());
    server = started.child;
    const context = await browser.newContext({ baseURL: started.appUrl, viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: WATCH_HIGHLIGHTS });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in as Amina Participant (Participant)" }).click();
    await page.waitForURL(/\/workshops(?:[/?#]|$)/);
    const url = `/workshops/${prepared.workshopId}/sources/${prepared.sourceId}`;

    const warmUp = await measureLoad(page, url);
    const loads: Load[] = [];
    for (let i = 0; i < RUNS; i += 1) loads.push(await measureLoad(page, url));
    const htmlBytes = (await (await page.request.get(url)).body()).length;
    await context.close();

    return {
      title,
      rows: [
        summarize("all highlights in the DOM", loads.map((load) => load.highlights)),
        summarize("painted (double rAF after)", loads.map((load) => load.painted)),
        summarize("interactive (hydrated, socket live)", loads.map((load) => load.interactive)),
        summarize("main-thread busy (TaskDuration)", loads.map((load) => load.busy)),
      ],
      notes: [
        `times from navigation start; ${RUNS} loads after one warm-up (warm-up: highlights at ${warmUp.highlights.toFixed(0)} ms)`,
        `IPI note: ${prepared.textLength} chars; ${ANNOTATIONS} annotations of 1–40 words, half with a comment, ` +
          `${prepared.themes} themes, ${prepared.tags} tags, ` +
          `${loads[0]!.marks} <mark> elements; page HTML ${(htmlBytes / 1024).toFixed(0)} KB`,
        `database prepared in ${(prepareMs / 1000).toFixed(1)} s; Chromium ${browser.version()}, headless, --disable-gpu`,
      ],
    };
  } finally {
    await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

export default bench;
