import crypto from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { disconnectDatabase, adoptDatabase } from "@/lib/db";
import { openDatabase, type DatabaseConnection } from "@/lib/db/connection";
import { applyPendingMigrations, resolveMigrationsDir } from "@/lib/db/migrations";
import { describeRange } from "@/lib/anchoring/describe";
import { createPrng, findWords, randomWordRange } from "@/lib/anchoring/testing";
import { DEMO_SOURCES } from "@/lib/demo/demo-workshop";
import { normalizeSourceText } from "@/lib/sources/normalize-text";
import { parseMarkup } from "@/lib/sources/markup";
import { findSourceAnnotations } from "@/lib/annotations/find-source-annotations";
import { convertPendingOwnership } from "@/lib/ownership/convert-pending-ownership";
import { createThrowawayDatabase, dropThrowawayDatabase, testDatabaseServerUrl, TEST_DATABASE_TIMEOUT_MS } from "@/test/db";
import { readFileSync } from "node:fs";

/**
 * The migration that gave passages their own table, run on a database filled the way the code
 * before it filled one: annotations carrying their own selectors on the three corpus sources.
 * Afterwards every annotation must show the same highlight, through today's code.
 */
const MIGRATION = "passages_and_codebook";
const ANNOTATIONS_PER_SOURCE = 40;

type Expected = { sourceId: string; start: number | null; end: number | null; exact: string; prefix: string; suffix: string };

let connection: DatabaseConnection;
let throwaway: string | null = null;
let oldMigrationsDir: string;
const expected = new Map<string, Expected>();
const sourceIds: string[] = [];
let viewer: { id: string; email: string; name: string };
let authorId: string;
let workshopId: string;

const id = () => crypto.randomBytes(12).toString("hex");

/** Writes rows the way the code before the migration did, in the old schema's columns. */
async function fillAsTheOldCodeDid(raw: PrismaClient): Promise<void> {
  const exec = (sql: string, ...values: unknown[]) => raw.$executeRawUnsafe(sql, ...values);
  workshopId = id();
  viewer = { id: id(), email: "reader@example.test", name: "Reader" };
  const author = id();
  authorId = author;
  await exec(`INSERT INTO "User" ("id", "email", "name") VALUES ($1, $2, $3), ($4, 'author@example.test', 'Author')`, viewer.id, viewer.email, viewer.name, author);
  await exec(`INSERT INTO "Workshop" ("id", "title", "updatedAt") VALUES ($1, 'Before passages', now())`, workshopId);
  await exec(`INSERT INTO "Membership" ("id", "workshopId", "userId", "role") VALUES ($1, $2, $3, 'PARTICIPANT'), ($4, $2, $5, 'PARTICIPANT')`, id(), workshopId, viewer.id, id(), author);
  // Names that differ only by case were allowed then; positions had gaps.
  const themes = [["Consent", 0], ["consent", 3], ["Security Council dynamics", 7]] as const;
  const themeIds: string[] = [];
  for (const [name, position] of themes) {
    const themeId = id();
    themeIds.push(themeId);
    await exec(`INSERT INTO "Theme" ("id", "workshopId", "name", "position") VALUES ($1, $2, $3, $4)`, themeId, workshopId, name, position);
  }

  const random = createPrng(2026);
  for (const [position, source] of DEMO_SOURCES.entries()) {
    const originalText = readFileSync(path.resolve("prisma/seed/corpus", source.file), "utf8");
    const markup = normalizeSourceText(originalText);
    const { text } = parseMarkup(markup, source.format);
    const sourceId = id();
    sourceIds.push(sourceId);
    await exec(
      `INSERT INTO "Source" ("id", "workshopId", "title", "authors", "format", "originalText", "markup", "text", "position", "updatedAt")
       VALUES ($1, $2, $3, ARRAY[]::text[], $4::"SourceFormat", $5, $6, $7, $8, now())`,
      sourceId, workshopId, source.title, source.format, originalText, markup, text, position,
    );
    const words = findWords(text);
    const ranges = Array.from({ length: ANNOTATIONS_PER_SOURCE }, () => randomWordRange(random, words, 1, 30));
    ranges.push(ranges[0]!, ranges[1]!); // two people on the same words
    for (const [index, range] of ranges.entries()) {
      const { quote } = describeRange(text, range.start, range.end);
      const annotationId = id();
      const isOrphan = index === 2; // lost in an earlier revision: quote kept, no place
      const row: Expected = {
        sourceId,
        start: isOrphan ? null : range.start,
        end: isOrphan ? null : range.end,
        exact: isOrphan ? "a sentence that a revision removed" : quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      };
      expected.set(annotationId, row);
      await exec(
        `INSERT INTO "Annotation" ("id", "workshopId", "sourceId", "authorId", "exact", "prefix", "suffix", "start", "end", "comment", "isOrphan", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())`,
        annotationId, workshopId, sourceId, author, row.exact, row.prefix, row.suffix, row.start, row.end, `Comment ${index}`, isOrphan,
      );
      await exec(`INSERT INTO "AnnotationTheme" ("annotationId", "themeId") VALUES ($1, $2)`, annotationId, themeIds[index % themeIds.length]);
      await exec(`INSERT INTO "AnnotationReply" ("id", "annotationId", "authorId", "body", "updatedAt") VALUES ($1, $2, $3, 'A reply', now())`, id(), annotationId, viewer.id);
    }
  }
}

beforeAll(async () => {
  const serverUrl = testDatabaseServerUrl();
  if (serverUrl) {
    const created = await createThrowawayDatabase(serverUrl);
    throwaway = created.name;
    connection = await openDatabase({ kind: "postgres", url: created.url });
  } else {
    connection = await openDatabase({ kind: "pglite", dataDir: null });
  }
  const allDir = resolveMigrationsDir();
  oldMigrationsDir = await mkdtemp(path.join(os.tmpdir(), "rapporteur-old-migrations-"));
  await cp(allDir, oldMigrationsDir, { recursive: true });
  const names = (await readdir(oldMigrationsDir)).sort();
  const cut = names.findIndex((name) => name.endsWith(`_${MIGRATION}`));
  expect(cut).toBeGreaterThan(0);
  for (const name of names.slice(cut)) if (/^\d{14}_/.test(name)) await rm(path.join(oldMigrationsDir, name), { recursive: true });

  await applyPendingMigrations(connection.factory, { migrationsDir: oldMigrationsDir });
  const raw = new PrismaClient({ adapter: connection.factory });
  await fillAsTheOldCodeDid(raw);
  await raw.$disconnect();
  await applyPendingMigrations(connection.factory);
  const prisma = adoptDatabase(connection);
  // What the server does at its next start: authors set aside by the owner-tags migration.
  await convertPendingOwnership(prisma);
}, TEST_DATABASE_TIMEOUT_MS);

afterAll(async () => {
  await disconnectDatabase();
  await rm(oldMigrationsDir, { recursive: true, force: true });
  const serverUrl = testDatabaseServerUrl();
  if (serverUrl && throwaway) await dropThrowawayDatabase(serverUrl, throwaway);
}, TEST_DATABASE_TIMEOUT_MS);

describe(`migration ${MIGRATION}`, () => {
  it("keeps every contribution its author's through the owner-tags migration, and forgets the author ids", async () => {
    const author = { id: authorId, email: "author@example.test", name: "Author" };
    const seen = (await Promise.all(sourceIds.map((sourceId) => findSourceAnnotations({ viewer: author, workshopId, sourceId })))).flat();
    expect(seen).toHaveLength(expected.size);
    expect(seen.every((annotation) => annotation.mine && annotation.replies.every((reply) => !reply.mine))).toBe(true);
    const raw = new PrismaClient({ adapter: connection.factory });
    try {
      expect(await raw.pendingOwnership.count()).toBe(0);
      const rows = JSON.stringify([await raw.annotation.findMany(), await raw.annotationReply.findMany()]);
      expect(rows).not.toContain(authorId);
      expect(rows).not.toContain(viewer.id);
    } finally {
      await raw.$disconnect();
    }
  });

  it("gives every annotation of the three corpus sources the same highlight, through a passage", async () => {
    let seen = 0;
    for (const sourceId of sourceIds) {
      const annotations = await findSourceAnnotations({ viewer, workshopId, sourceId });
      for (const annotation of annotations) {
        const before = expected.get(annotation.id)!;
        expect(before, annotation.id).toBeDefined();
        expect(annotation.sourceId).toBe(before.sourceId);
        expect(annotation.passage).toMatchObject({
          start: before.start,
          end: before.end,
          quote: { exact: before.exact, prefix: before.prefix, suffix: before.suffix },
          isOrphan: before.start === null,
          state: before.start === null ? "ORPHANED" : "PLACED",
        });
        expect(annotation.replies).toHaveLength(1);
        // Ownership survives the conversion to owner tags: the reader wrote the replies.
        expect(annotation.mine).toBe(false);
        expect(annotation.replies[0]!.mine).toBe(true);
        expect(annotation.themeIds).toHaveLength(1);
        seen += 1;
      }
    }
    expect(seen).toBe(expected.size);
  });

  it("makes one passage per span: annotations on the same words share it; each orphan has its own", async () => {
    const prisma = new PrismaClient({ adapter: connection.factory });
    try {
      const rows = await prisma.annotation.findMany({ include: { passage: true } });
      const bySpan = new Map<string, Set<string>>();
      for (const row of rows) {
        if (row.passage.state === "ORPHANED") continue;
        const key = `${row.passage.sourceId}:${row.passage.start}:${row.passage.end}`;
        bySpan.set(key, (bySpan.get(key) ?? new Set()).add(row.passageId));
      }
      expect([...bySpan.values()].every((ids) => ids.size === 1)).toBe(true);
      const placedSpans = new Set([...expected.values()].filter((row) => row.start !== null).map((row) => `${row.sourceId}:${row.start}:${row.end}`));
      const orphans = [...expected.values()].filter((row) => row.start === null).length;
      expect(await prisma.passage.count()).toBe(placedSpans.size + orphans);
      expect(placedSpans.size).toBeLessThan(expected.size - orphans); // some spans were shared
      const sources = await prisma.source.findMany({ select: { id: true, revision: true } });
      const passages = await prisma.passage.findMany();
      for (const passage of passages) {
        expect(passage.workshopId).toBe(workshopId);
        expect(passage.revision).toBe(sources.find((source) => source.id === passage.sourceId)!.revision);
      }
    } finally {
      await prisma.$disconnect();
    }
  });

  it("gives themes a palette colour, a folded name and gapless positions, renaming names that differed only by case", async () => {
    const prisma = new PrismaClient({ adapter: connection.factory });
    try {
      const themes = await prisma.theme.findMany({ where: { workshopId }, orderBy: { position: "asc" } });
      expect(themes.map(({ name, nameKey, position, color }) => ({ name, nameKey, position, color }))).toEqual([
        { name: "Consent", nameKey: "consent", position: 0, color: "orange" },
        { name: "consent (2)", nameKey: "consent (2)", position: 1, color: "red" },
        { name: "Security Council dynamics", nameKey: "security council dynamics", position: 2, color: "pink" },
      ]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
