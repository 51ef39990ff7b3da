import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { addMember, createMember, createSource, createUser, createWorkshop, viewerOf } from "@/test/factories";
import { splitInline, splitIntoBlocks } from "./blocks";
import { getSource } from "./get-source";
import { normalizeSourceText } from "./normalize-text";

const CORPUS = path.resolve("prisma/seed/corpus");
const read = (file: string) => fs.readFileSync(path.join(CORPUS, file), "utf8");
const IPI = read("ipi-emerging-lessons-from-minusma-2024.md");
const CSIS = read("csis-examining-extremism-jnim.txt");
const UN = read("minusma-un-geospatial-summary.txt");

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("normalizeSourceText on the corpus", () => {
  it.each([
    ["IPI (Markdown)", IPI],
    ["CSIS", CSIS],
    ["UN Geospatial", UN],
  ])("%s: LF only, no trailing spaces, at most one blank line, no blank edges", (_name, raw) => {
    const text = normalizeSourceText(raw);
    expect(text).not.toContain("\r");
    expect(text).not.toMatch(/[ \t]+$/m);
    expect(text).not.toMatch(/\n{3}/);
    expect(text).not.toMatch(/^\n|\n$/);
    expect(text.normalize("NFC")).toBe(text);
    expect(normalizeSourceText(text)).toBe(text);
  });

  it("keeps curly quotes, apostrophes and accents as they are", () => {
    const text = normalizeSourceText(CSIS);
    for (const mark of [/“/g, /”/g, /’/g, /é/g, /ô/g]) {
      expect(count(text, mark), String(mark)).toBe(count(CSIS, mark));
      expect(count(text, mark), String(mark)).toBeGreaterThan(0);
    }
    expect(text).not.toMatch(/&[a-z]+;|&#\d+;/);
  });

  it("gives the same text for CRLF, CR and LF line endings", () => {
    const lf = normalizeSourceText(IPI);
    expect(normalizeSourceText(IPI.replace(/\n/g, "\r\n"))).toBe(lf);
    expect(normalizeSourceText(IPI.replace(/\n/g, "\r"))).toBe(lf);
  });

  it("composes decomposed accents (NFC) so that offsets match what the browser selects", () => {
    expect(normalizeSourceText("Ce\u0301line a\u0300 Bamako")).toBe("Céline à Bamako");
  });

  it("turns Markdown hard breaks (trailing spaces) into plain line breaks", () => {
    expect(normalizeSourceText(IPI).startsWith("INTERNATIONAL\nPEACE\nINSTITUTE\n\n# Emerging Lessons")).toBe(true);
  });
});

describe("splitIntoBlocks on the IPI meeting note", () => {
  const text = normalizeSourceText(IPI);
  const blocks = splitIntoBlocks(text, "MARKDOWN");
  const headings = blocks.filter((block) => block.kind === "heading");

  it("finds the headings, with h1 shown as h2", () => {
    expect(headings.map((block) => [block.level, block.text])).toEqual([
      [2, "Emerging Lessons from MINUSMA's Experience in Mali"],
      [3, "STIMSON"],
      [3, "Introduction"],
      [3, "MINUSMA's Evolving Role in Mali"],
      [3, "Challenges and Lessons Learned"],
      [4, "Relationship with the Host State and Population"],
      [3, "Support to the Political Transition and Peace Process"],
      [3, "Partnerships with Regional Organizations and Other Security Actors"],
      [3, "Security Council Dynamics"],
      [3, "Conclusion"],
    ]);
  });

  it("gives offsets into the normalized text", () => {
    for (const block of blocks) {
      if (block.kind === "paragraph") expect(text.startsWith(block.text, block.start)).toBe(true);
      else expect(text.slice(block.start)).toMatch(new RegExp(`^#{1,4} ${block.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    }
    const starts = blocks.map((block) => block.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("has no empty blocks and loses no text", () => {
    expect(blocks.every((block) => block.text.trim().length > 0)).toBe(true);
    const words = (value: string) => value.split(/\s+/).filter((word) => word && !/^#{1,4}$/.test(word)).length;
    expect(blocks.reduce((sum, block) => sum + words(block.text), 0)).toBe(words(text));
  });

  it("makes no headings in plain text", () => {
    expect(splitIntoBlocks("# not a heading\n\nbody", "TEXT").map((block) => block.kind)).toEqual(["paragraph", "paragraph"]);
    const csis = splitIntoBlocks(normalizeSourceText(CSIS), "TEXT");
    expect(csis.length).toBeGreaterThan(5);
    expect(csis.every((block) => block.kind === "paragraph")).toBe(true);
  });

  it("keeps a multi-line chunk starting with # as a paragraph", () => {
    expect(splitIntoBlocks("# Title\nsecond line", "MARKDOWN")).toEqual([{ kind: "paragraph", text: "# Title\nsecond line", start: 0 }]);
  });
});

describe("splitInline", () => {
  const paragraphs = splitIntoBlocks(normalizeSourceText(IPI), "MARKDOWN").filter((block) => block.kind === "paragraph");

  it("splits every <sup> marker of the IPI note into a sup part", () => {
    const parts = paragraphs.flatMap((block) => splitInline(block.text));
    const sups = parts.filter((part) => part.kind === "sup");
    expect(sups.length).toBe(count(IPI, /<sup>/g));
    expect(sups.length).toBeGreaterThan(10);
    expect(sups.map((part) => part.text)).toEqual(expect.arrayContaining(["1", "2", "th"]));
    expect(parts.filter((part) => part.kind === "text").some((part) => part.text.includes("<sup>"))).toBe(false);
  });

  it("splits the introduction around its footnote markers", () => {
    const intro = paragraphs.find((block) => block.text.startsWith("In April 2013"))!;
    const parts = splitInline(intro.text);
    expect(parts.find((part) => part.kind === "sup")).toEqual({ kind: "sup", text: "1" });
    expect(parts.map((part) => part.text).join("")).toBe(intro.text.replace(/<\/?sup>/g, ""));
    const marker = parts.findIndex((part) => part.kind === "sup" && part.text === "th");
    expect(parts[marker - 1]).toMatchObject({ kind: "text" });
    expect(parts[marker - 1]!.text.endsWith("June 30")).toBe(true);
  });

  it("makes bold parts and leaves any other markup as text", () => {
    expect(splitInline("a **b** c<sup>3</sup>")).toEqual([
      { kind: "text", text: "a " },
      { kind: "strong", text: "b" },
      { kind: "text", text: " c" },
      { kind: "sup", text: "3" },
    ]);
    expect(splitInline('<script>alert("x")</script><b>y</b>')).toEqual([{ kind: "text", text: '<script>alert("x")</script><b>y</b>' }]);
    expect(splitInline("")).toEqual([]);
  });
});

describe("getSource", () => {
  const prisma = useTestDatabase();

  async function workshopWithSource() {
    const workshop = await createWorkshop();
    const source = await createSource(workshop.id, {
      title: "Meeting note",
      authors: ["IPI"],
      text: "Le “texte” est là.",
      shortCitation: "IPI (2024)",
    });
    return { workshop, source };
  }

  it("returns a source of the viewer's workshop with its citation and text", async () => {
    const { workshop, source } = await workshopWithSource();
    const { user } = await createMember(workshop.id, "OBSERVER");
    const result = await getSource({ viewer: viewerOf(user), workshopId: workshop.id, sourceId: source.id });
    expect(result.source).toEqual({
      id: source.id,
      format: "TEXT",
      text: "Le “texte” est là.",
      revision: 1,
      title: "Meeting note",
      authors: ["IPI"],
      publisher: "",
      publishedOn: "",
      url: "",
      shortCitation: "IPI (2024)",
    });
    expect(result.workshop).toMatchObject({ id: workshop.id, myRole: "OBSERVER" });
  });

  it("answers NOT_FOUND for another workshop's source, even to a member of both", async () => {
    const mine = await workshopWithSource();
    const other = await workshopWithSource();
    const { user } = await createMember(mine.workshop.id, "ORGANIZER");
    await addMember(other.workshop.id, user.id, "ORGANIZER");
    await expectAppError(
      getSource({ viewer: viewerOf(user), workshopId: mine.workshop.id, sourceId: other.source.id }),
      "NOT_FOUND",
      "notFound",
    );
    // The same source through its own workshop is fine.
    await expect(getSource({ viewer: viewerOf(user), workshopId: other.workshop.id, sourceId: other.source.id })).resolves.toBeDefined();
  });

  it("answers non-members exactly as for a workshop that does not exist", async () => {
    const { workshop, source } = await workshopWithSource();
    const stranger = viewerOf(await createUser());
    const forExisting = await expectAppError(getSource({ viewer: stranger, workshopId: workshop.id, sourceId: source.id }), "NOT_FOUND");
    const forMissing = await expectAppError(getSource({ viewer: stranger, workshopId: "nope", sourceId: "nope" }), "NOT_FOUND");
    expect([forExisting.messageKey, forExisting.message]).toEqual([forMissing.messageKey, forMissing.message]);
  });

  it("answers NOT_FOUND for an unknown source id", async () => {
    const { workshop } = await workshopWithSource();
    const { user } = await createMember(workshop.id);
    await expectAppError(getSource({ viewer: viewerOf(user), workshopId: workshop.id, sourceId: "c".repeat(24) }), "NOT_FOUND", "notFound");
    expect(await prisma().source.count({ where: { workshopId: workshop.id } })).toBe(1);
  });
});
