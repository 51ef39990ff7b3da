import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The anonymity boundary, checked on the source: data leaves lib/ only through presenters, and
 * only the presenters that organizers' member lists use may carry a person's identity.
 * test/presenter-structure.test.ts checks the same boundary on structure (the schema, and what
 * presenters actually return).
 */

const ROOT = path.resolve(__dirname, "..");
const IDENTITY_FIELDS = /\b(authorId|userId|creatorId|createdById|invitedById|email|organization)\b|\buser\.name\b/;
/** Presenters that deliberately name people: the member list and pending invitations, for organizers. */
const PRESENTERS_ALLOWED_IDENTITY = new Set(["lib/members/present.ts", "lib/invitations/present.ts"]);

function sourceFiles(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs.readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts"))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith("lib/generated/"));
}

function lines(file: string): string[] {
  return fs.readFileSync(path.join(ROOT, file), "utf8").split("\n");
}

describe("the presenter boundary", () => {
  const uiFiles = [...sourceFiles("app"), ...sourceFiles("components")];

  it("finds the files it checks", () => {
    expect(uiFiles.length).toBeGreaterThan(20);
    expect(sourceFiles("lib").filter((file) => file.endsWith("present.ts")).length).toBeGreaterThan(3);
  });

  it("keeps Prisma inside lib/: pages, actions, handlers and components never import it", () => {
    const offenders = uiFiles.filter((file) =>
      lines(file).some((line) => /from\s+["']@\/lib\/(db|generated\/prisma[^"']*)["']/.test(line)),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps author and user ids out of pages, actions, handlers and components", () => {
    const offenders = uiFiles.flatMap((file) =>
      lines(file)
        .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
        .filter(({ line }) => /\b(authorId|userId|creatorId|createdById|invitedById)\b/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });

  it("lets only the organizers' member-list presenters carry identity fields", () => {
    const presenters = sourceFiles("lib").filter((file) => path.basename(file).startsWith("present"));
    const offenders = presenters
      .filter((file) => !PRESENTERS_ALLOWED_IDENTITY.has(file))
      .flatMap((file) =>
        lines(file)
          .map((line, index) => ({ line, at: `${file}:${index + 1}: ${line.trim()}` }))
          .filter(({ line }) => IDENTITY_FIELDS.test(line))
          .map(({ at }) => at),
      );
    expect(offenders).toEqual([]);
  });
});
