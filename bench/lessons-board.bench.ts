/**
 * The lessons board with 2,000 lessons and 20,000 stances: the built app on a fresh embedded
 * database (the demo workshop, 14 more participants so that 20 members may take stances, 2,000
 * lessons over its five themes, each with one or two evidence passages and ten stances from ten
 * of the 20), measured from outside:
 * - API: `GET /api/workshops/:id/lessons` (the whole board, presented for Amina), 20 requests
 *   one after another after one warm-up: p50 and p95;
 * - Chromium: the board page, five loads after one warm-up, from navigation start: the first
 *   cards painted (the first 40, server-rendered), the whole board arrived and counted (the rest
 *   comes through the API once the page is live; cards show 40 at a time), the next 40 painted
 *   after "Show more", and the main thread's busy time.
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
import { newId } from "../lib/ownership/ids";
import { ownershipOf } from "../lib/ownership/ownership";
import { ensureWorkshopKey } from "../lib/ownership/workshop-key";
import { describeRange } from "../lib/anchoring/describe";
import { createPrng, findWords, randomInt, randomWordRange } from "../lib/anchoring/testing";
import { CHROMIUM_EXECUTABLE, chromiumLaunchOptions } from "../e2e/support/chromium";
import { freePort, startServer, stopServer } from "./support/app-server";
import type { Bench, BenchRow } from "./run";
import { percentile } from "./support/databases";

const LESSONS = 2_000;
const STANCES_PER_LESSON = 10;
const EXTRA_PARTICIPANTS = 14;
const API_REQUESTS = 20;
const LOADS = 5;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A fresh data directory: migrations, the demo workshop, then the bench's lessons and stances. */
async function prepareDatabase(dataDir: string): Promise<{ workshopId: string; lessons: number; stances: number }> {
  const connection = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  try {
    await applyPendingMigrations(connection.factory);
    const db = adoptDatabase(connection);
    await seedDemoWorkshop(db, path.join(ROOT, "prisma/seed/corpus"));
    const workshop = await db.workshop.findFirstOrThrow({ where: { isDemo: true }, include: { themes: true, sources: { orderBy: { position: "asc" } } } });
    const extra = await db.user.createManyAndReturn({
      data: Array.from({ length: EXTRA_PARTICIPANTS }, (_, i) => ({ email: `bench-${i}@bench.test`, name: `Bench ${i}` })),
    });
    await db.membership.createMany({ data: extra.map((user) => ({ workshopId: workshop.id, userId: user.id, role: "PARTICIPANT" as const })) });
    const eligible = await db.membership.findMany({ where: { workshopId: workshop.id, role: { not: "OBSERVER" } }, select: { userId: true } });
    const key = await ensureWorkshopKey(db, workshop.id);
    const random = createPrng(2000);
    const source = workshop.sources[0]!;
    const words = findWords(source.text);
    const passageRows = Array.from({ length: 600 }, () => {
      const range = randomWordRange(random, words, 3, 30);
      const { quote, position } = describeRange(source.text, range.start, range.end);
      return { workshopId: workshop.id, sourceId: source.id, revision: source.revision, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
    });
    const passages = await db.passage.createManyAndReturn({ data: passageRows, select: { id: true, exact: true } });
    const authors = eligible.map((member) => member.userId);
    const lessons = Array.from({ length: LESSONS }, (_, i) => {
      const id = newId();
      const ownerTag = ownershipOf(key, authors[i % authors.length]!).tagFor({ kind: "lesson", id });
      const quote = passages[i % passages.length]!.exact.replace(/\s+/g, " ");
      return { id, workshopId: workshop.id, ownerTag, statement: `Lesson ${i + 1}: ${quote}`.slice(0, 400), elaboration: i % 3 === 0 ? `Why it matters (${i}).` : "" };
    });
    await db.lesson.createMany({ data: lessons });
    await db.lessonTheme.createMany({
      data: lessons.flatMap((lesson, i) => {
        const first = i % workshop.themes.length;
        const themes = i % 4 === 0 ? [first, (first + 1) % workshop.themes.length] : [first];
        return themes.map((index) => ({ lessonId: lesson.id, themeId: workshop.themes[index]!.id }));
      }),
    });
    await db.lessonEvidence.createMany({
      data: lessons.flatMap((lesson, i) =>
        [i, i + 7].slice(0, 1 + (i % 2)).map((n) => ({ lessonId: lesson.id, passageId: passages[n % passages.length]!.id, note: "" })),
      ),
    });
    const stances = lessons.flatMap((lesson) => {
      const offset = randomInt(random, 0, authors.length - 1);
      return Array.from({ length: STANCES_PER_LESSON }, (_, n) => ({
        lessonId: lesson.id,
        ownerTag: ownershipOf(key, authors[(offset + n) % authors.length]!).tagFor({ kind: "stance", lessonId: lesson.id }),
        kind: random() < 0.75 ? ("ENDORSE" as const) : ("DISPUTE" as const),
      }));
    });
    for (let i = 0; i < stances.length; i += 5_000) await db.stance.createMany({ data: stances.slice(i, i + 5_000) });
    return { workshopId: workshop.id, lessons: await db.lesson.count({ where: { workshopId: workshop.id } }), stances: await db.stance.count() };
  } finally {
    await disconnectDatabase();
  }
}

/**
 * Runs in the page from its first script: when the first cards are painted (server-rendered),
 * then when the whole board has arrived (the count replaces "Loading the rest of the board…").
 */
const WATCH_BOARD = `(() => {
  const painted = (name) => requestAnimationFrame(() => requestAnimationFrame(() => (window[name] = performance.now())));
  let first = false;
  const check = () => {
    if (!first && document.querySelector("article.lesson-card")) { first = true; painted("__firstPaintedAt"); }
    const status = [...document.querySelectorAll("p.hint[role=status]")].map((p) => p.textContent).join(" ");
    if (!/^[\\d,]+ lessons$/.test(status.trim())) return requestAnimationFrame(check);
    window.__count = Number(status.replace(/\\D/g, ""));
    painted("__allPaintedAt");
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
  else check();
})();`;

type Load = { first: number; all: number; busy: number; count: number; more: number };

async function measureLoad(page: Page, url: string): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskDuration = async () => (await cdp.send("Performance.getMetrics")).metrics.find((metric) => metric.name === "TaskDuration")!.value;
  const busyBefore = await taskDuration();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => "__allPaintedAt" in window, undefined, { timeout: 120_000, polling: 100 }).catch(async (error) => {
    const status = await page.evaluate(() => document.querySelector("p.hint[role=status]")?.textContent);
    throw new Error(`${(error as Error).message}\nboard status "${status}" on ${page.url()}`);
  });
  const times = await page.evaluate(() => {
    const marks = window as unknown as Record<string, number>;
    return { first: marks.__firstPaintedAt!, all: marks.__allPaintedAt!, count: marks.__count! };
  });
  const busy = (await taskDuration()) - busyBefore;
  await cdp.detach();
  // "Show 40 more lessons": the next cards, rendered from what the page holds, then painted.
  const more = await page.evaluate(async () => {
    const started = performance.now();
    const before = document.querySelectorAll("article.lesson-card").length;
    [...document.querySelectorAll("button")].find((button) => /^Show \d+ more/.test(button.textContent ?? ""))!.click();
    while (document.querySelectorAll("article.lesson-card").length <= before) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - started;
  });
  return { ...times, busy: busy * 1000, more };
}

function summarize(step: string, values: number[]): BenchRow {
  return { step, "p50 / median ms": percentile(values, 0.5).toFixed(0), "p95 / max ms": percentile(values, 0.95).toFixed(0), "min ms": Math.min(...values).toFixed(0) };
}

const bench: Bench = async () => {
  const title = `The lessons board with ${LESSONS.toLocaleString("en")} lessons and ${(LESSONS * STANCES_PER_LESSON).toLocaleString("en")} stances`;
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    return { title, rows: [], notes: ["skipped: no production build in .next/ — run `npm run build`, then `npm run bench -- lessons-board`"] };
  }
  if (!fs.existsSync(CHROMIUM_EXECUTABLE)) return { title, rows: [], notes: [`skipped: no Chromium at ${CHROMIUM_EXECUTABLE} (set CHROMIUM_PATH)`] };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-bench-"));
  let server: ChildProcess | null = null;
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const prepared = await prepareDatabase(dataDir);
    const started = await startServer(dataDir, await freePort());
    server = started.child;
    const context = await browser.newContext({ baseURL: started.appUrl, viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: WATCH_BOARD });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in as Amina Participant (Participant)" }).click();
    await page.waitForURL(/\/workshops(?:[/?#]|$)/);

    const api = `/api/workshops/${prepared.workshopId}/lessons`;
    let bytes = 0;
    const apiTimes: number[] = [];
    for (let i = 0; i <= API_REQUESTS; i += 1) {
      const startedAt = performance.now();
      const response = await page.request.get(api);
      bytes = (await response.body()).length;
      if (!response.ok()) throw new Error(`${api} answered ${response.status()}`);
      if (i > 0) apiTimes.push(performance.now() - startedAt);
    }

    const url = `/workshops/${prepared.workshopId}/lessons`;
    await measureLoad(page, url);
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i += 1) loads.push(await measureLoad(page, url));
    await context.close();
    return {
      title,
      rows: [
        summarize(`GET ${api.replace(prepared.workshopId, ":id")} (${API_REQUESTS} requests)`, apiTimes),
        summarize("first cards painted (server-rendered)", loads.map((load) => load.first)),
        summarize(`whole board arrived and counted (${loads[0]!.count} lessons)`, loads.map((load) => load.all)),
        summarize("“Show 40 more”: next cards painted", loads.map((load) => load.more)),
        summarize("main-thread busy (TaskDuration)", loads.map((load) => load.busy)),
      ],
      notes: [
        `${prepared.lessons} lessons (the demo's 12 included), ${prepared.stances} stances, 20 members who may take one; board JSON ${(bytes / 1024).toFixed(0)} KB`,
        `page loads from navigation start, ${LOADS} after one warm-up; Chromium ${browser.version()}, headless, --disable-gpu`,
      ],
    };
  } finally {
    await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

export default bench;
