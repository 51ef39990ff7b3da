import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { addMember, createMember, createSource, createUser, createWorkshop, viewerOf } from "@/test/factories";
import { parseMarkup } from "./markup";
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

describe("parseMarkup on the IPI meeting note", () => {
  const parsed = parseMarkup(normalizeSourceText(IPI), "MARKDOWN");
  const headingTexts = parsed.blocks.filter((block) => block.kind === "heading").map((block) => [block.level, parsed.text.slice(block.start, block.end)]);

  it("finds the headings with their levels", () => {
    expect(headingTexts).toEqual([
      [1, "Emerging Lessons from MINUSMA's Experience in Mali"],
      [2, "STIMSON"],
      [2, "Introduction"],
      [2, "MINUSMA's Evolving Role in Mali"],
      [2, "Challenges and Lessons Learned"],
      [3, "Relationship with the Host State and Population"],
      [2, "Support to the Political Transition and Peace Process"],
      [2, "Partnerships with Regional Organizations and Other Security Actors"],
      [2, "Security Council Dynamics"],
      [2, "Conclusion"],
    ]);
  });

  it("keeps every footnote marker as a sup mark, and no markup in the text", () => {
    const sups = parsed.marks.filter((mark) => mark.kind === "sup").map((mark) => parsed.text.slice(mark.start, mark.end));
    expect(sups.length).toBe(count(IPI, /<sup>/g));
    expect(sups).toEqual(expect.arrayContaining(["1", "2", "th"]));
    expect(parsed.text).not.toContain("<sup>");
    expect(parsed.text).toContain("terminated the mandate on June 30th and decided");
  });

  it("makes no headings in plain text", () => {
    const csis = parseMarkup(normalizeSourceText(CSIS), "TEXT");
    expect(csis.blocks.length).toBeGreaterThan(5);
    expect(csis.blocks.every((block) => block.kind === "paragraph")).toBe(true);
    expect(parseMarkup(normalizeSourceText(UN), "TEXT").text).toContain("MINUSMA");
  });

  it("leaves other markup as text, never as HTML", () => {
    expect(parseMarkup('<script>alert("x")</script><b>y</b>', "MARKDOWN").text).toBe('<script>alert("x")</script><b>y</b>');
  });
});

describe("getSource", () => {
  const prisma = registerTestDatabase();

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
      blocks: [{ kind: "paragraph", start: 0, end: 18 }],
      marks: [],
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
