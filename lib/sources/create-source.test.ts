import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { addMember, createMember, createSource as seedSource, createWorkshop, viewerOf } from "@/test/factories";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { createSource } from "./create-source";
import { hasDerivedTextChanged } from "./derived-text-changed";
import { MAX_SOURCE_BYTES } from "./import/import-errors";
import { SOURCE_TITLE_MAX } from "./schemas";

const prisma = registerTestDatabase();

const CITATION = {
  title: "Emerging Lessons from MINUSMA",
  authors: "Jenna Russo,\nDaniel Forti , ",
  publisher: "International Peace Institute",
  publishedOn: "June 2024",
  url: "https://www.ipinst.org/2024/06/minusma",
  shortCitation: "IPI (2024)",
};

async function organizerOfNewWorkshop(role: "ORGANIZER" | "RAPPORTEUR" | "PARTICIPANT" | "OBSERVER" = "ORGANIZER") {
  const workshop = await createWorkshop();
  const { user } = await createMember(workshop.id, role);
  return { workshop, viewer: viewerOf(user) };
}

const sourcesOf = (workshopId: string) => prisma().source.findMany({ where: { workshopId }, orderBy: { position: "asc" } });

describe("createSource", () => {
  it("stores pasted Markdown with its citation, markup and plain text, after the last source", async () => {
    const { workshop, viewer } = await organizerOfNewWorkshop("RAPPORTEUR");
    await seedSource(workshop.id, { position: 4 });
    const markdown = "# Introduction\r\n\r\nIt was **not** agreed.<sup>1</sup>\r\n\r\n\r\n## Conclusion\r\nThe end.";
    const summary = await createSource({ viewer, workshopId: workshop.id, citation: CITATION, content: { kind: "text", format: "MARKDOWN", text: markdown } });

    expect(summary).toMatchObject({
      format: "MARKDOWN",
      title: CITATION.title,
      authors: ["Jenna Russo", "Daniel Forti"],
      publisher: "International Peace Institute",
      publishedOn: "June 2024",
      url: CITATION.url,
      shortCitation: "IPI (2024)",
      wordCount: 8,
    });
    const stored = await prisma().source.findUniqueOrThrow({ where: { id: summary.id } });
    expect(stored.position).toBe(5);
    expect(stored.originalText).toBe(markdown);
    expect(stored.markup).toBe("# Introduction\n\nIt was **not** agreed.<sup>1</sup>\n\n## Conclusion\n\nThe end.");
    expect(stored.text).toBe("Introduction\n\nIt was not agreed.1\n\nConclusion\n\nThe end.");
    expect(stored.revision).toBe(1);
  });

  it("removes the scripts of an uploaded HTML file, and detects its format from the name", async () => {
    const { workshop, viewer } = await organizerOfNewWorkshop();
    const html = '<html><head><script>alert("x")</script><style>p{}</style></head><body><h1>Report</h1><p onclick="steal()">Kept text.</p><script>document.write("gone")</script></body></html>';
    const summary = await createSource({
      viewer,
      workshopId: workshop.id,
      citation: { title: "Report" },
      content: { kind: "file", bytes: new TextEncoder().encode(html), fileName: "report.HTML", mimeType: "" },
    });
    const stored = await prisma().source.findUniqueOrThrow({ where: { id: summary.id } });
    expect(stored.format).toBe("HTML");
    expect(stored.position).toBe(0);
    expect(stored.text).toContain("Kept text.");
    for (const column of [stored.markup, stored.text, stored.originalText]) {
      expect(column).not.toMatch(/alert|document\.write|gone|steal|<script|onclick/);
    }
  });

  it("refuses a file over the limit with a message that states it, and stores nothing", async () => {
    const { workshop, viewer } = await organizerOfNewWorkshop();
    const bytes = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61);
    const error = await expectAppError(
      createSource({ viewer, workshopId: workshop.id, citation: CITATION, content: { kind: "file", bytes, fileName: "big.txt" } }),
      "PAYLOAD_TOO_LARGE",
      "importTooLarge",
    );
    expect(error.message).toContain("the limit is 10 MB");
    expect(await sourcesOf(workshop.id)).toEqual([]);
  });

  it.each([
    ["malformed PDF", { kind: "file", bytes: new TextEncoder().encode("%PDF-1.7 not really"), fileName: "broken.pdf" }, "importMalformed"],
    ["malformed DOCX", { kind: "file", bytes: new TextEncoder().encode("PK not a zip"), fileName: "broken.docx" }, "importMalformed"],
    ["legacy .doc", { kind: "file", bytes: new TextEncoder().encode("x"), fileName: "old.doc" }, "importUnsupportedFormat"],
    ["empty text", { kind: "text", format: "TEXT", text: "  \n " }, "importEmpty"],
  ] as const)("refuses a %s with a clear error and stores nothing", async (_name, content, key) => {
    const { workshop, viewer } = await organizerOfNewWorkshop();
    await expectAppError(createSource({ viewer, workshopId: workshop.id, citation: CITATION, content }), "BAD_REQUEST", key);
    expect(await sourcesOf(workshop.id)).toEqual([]);
  });

  it.each([
    ["title", { title: " " }, "fields.sourceTitleRequired"],
    ["url", { url: "javascript:alert(1)" }, "fields.urlInvalid"],
    ["authors", { authors: Array.from({ length: 21 }, (_, i) => `Author ${i}`).join(", ") }, "fields.authorsTooMany"],
    ["author", { authors: "x".repeat(201) }, "fields.authorTooLong"],
    ["shortCitation", { shortCitation: "x".repeat(301) }, "fields.shortCitationTooLong"],
  ])("validates the citation's %s", async (field, patch, key) => {
    const { workshop, viewer } = await organizerOfNewWorkshop();
    const error = await expectAppError(
      createSource({ viewer, workshopId: workshop.id, citation: { ...CITATION, ...patch }, content: { kind: "text", format: "TEXT", text: "Text." } }),
      "BAD_REQUEST",
      key,
    );
    expect(error.details?.field).toMatch(new RegExp(`^${field === "author" ? "authors" : field}`));
    expect(await sourcesOf(workshop.id)).toEqual([]);
  });

  describe("the title", () => {
    const docx = async (title: string) =>
      new Uint8Array(await Packer.toBuffer(new Document({ title, sections: [{ children: [new Paragraph({ text: "First heading", heading: HeadingLevel.HEADING_1 }), new Paragraph("Text.")] }] })));
    const upload = async (citation: { title: string }, bytes: Uint8Array, isTitleProposed?: boolean) => {
      const { workshop, viewer } = await organizerOfNewWorkshop();
      const summary = await createSource({ viewer, workshopId: workshop.id, citation, content: { kind: "file", bytes, fileName: "mopti_notes.docx" }, isTitleProposed });
      return summary.title;
    };

    it("is the document's own when left empty, or when the form only proposed one (the file name)", async () => {
      expect(await upload({ title: "" }, await docx("Lessons from Mopti"))).toBe("Lessons from Mopti");
      expect(await upload({ title: "   " }, await docx("Lessons from Mopti"))).toBe("Lessons from Mopti");
      expect(await upload({ title: "mopti notes" }, await docx("Lessons from Mopti"), true)).toBe("Lessons from Mopti");
      // No title in the document's properties: its first heading.
      expect(await upload({ title: "mopti notes" }, await docx(""), true)).toBe("First heading");
    });

    it("is never replaced when the person typed it", async () => {
      expect(await upload({ title: "  My own title " }, await docx("Lessons from Mopti"))).toBe("My own title");
      expect(await upload({ title: "My own title" }, await docx("Lessons from Mopti"), false)).toBe("My own title");
    });

    it("is capped at the citation's limit when the import proposes it", async () => {
      const { workshop, viewer } = await organizerOfNewWorkshop();
      const html = `<title>${"Lessons ".repeat(60)}</title><p>Text.</p>`;
      const summary = await createSource({ viewer, workshopId: workshop.id, citation: { title: "" }, content: { kind: "file", bytes: new TextEncoder().encode(html), fileName: "x.html" } });
      expect(summary.title.length).toBeLessThanOrEqual(SOURCE_TITLE_MAX);
      expect(summary.title).toMatch(/^Lessons Lessons .*Lessons…$/);
    });

    it("is the pasted Markdown's first heading, and required when nothing proposes one", async () => {
      const { workshop, viewer } = await organizerOfNewWorkshop();
      const summary = await createSource({ viewer, workshopId: workshop.id, citation: { title: "" }, content: { kind: "text", format: "MARKDOWN", text: "Intro.\n\n## The **real** title\n\nText." } });
      expect(summary.title).toBe("The real title");
      const error = await expectAppError(
        createSource({ viewer, workshopId: workshop.id, citation: { title: "" }, content: { kind: "text", format: "TEXT", text: "# Plain text has no headings." } }),
        "BAD_REQUEST",
        "fields.sourceTitleRequired",
      );
      expect(error.details?.field).toBe("title");
      expect(await sourcesOf(workshop.id)).toHaveLength(1);
    });
  });

  it("stores the reader's text of lists, quotes and links without their markup", async () => {
    const { workshop, viewer } = await organizerOfNewWorkshop();
    const html = '<h1>Report</h1><ul><li>One</li><li>Two</li></ul><blockquote><p>Quoted</p></blockquote><p><a href="https://example.org/">Linked</a></p>';
    const summary = await createSource({ viewer, workshopId: workshop.id, citation: { title: "Report" }, content: { kind: "file", bytes: new TextEncoder().encode(html), fileName: "r.html" } });
    const stored = await prisma().source.findUniqueOrThrow({ where: { id: summary.id } });
    expect(stored.markup).toBe("# Report\n\n- One\n\n- Two\n\n> Quoted\n\n[Linked](https://example.org/)");
    expect(stored.text).toBe("Report\n\nOne\n\nTwo\n\nQuoted\n\nLinked");
    expect(hasDerivedTextChanged(stored)).toBe(false);
  });

  it("refuses observers and participants (FORBIDDEN) and another workshop's organizer (NOT_FOUND)", async () => {
    const { workshop } = await organizerOfNewWorkshop();
    const content = { kind: "text", format: "TEXT", text: "Text." } as const;
    for (const role of ["OBSERVER", "PARTICIPANT"] as const) {
      const { user } = await createMember(workshop.id, role);
      await expectAppError(createSource({ viewer: viewerOf(user), workshopId: workshop.id, citation: CITATION, content }), "FORBIDDEN", "forbidden");
    }
    const other = await organizerOfNewWorkshop();
    await expectAppError(createSource({ viewer: other.viewer, workshopId: workshop.id, citation: CITATION, content }), "NOT_FOUND", "notFound");
    expect(await sourcesOf(workshop.id)).toEqual([]);
  });

  it("refuses a closed workshop as read-only", async () => {
    const workshop = await createWorkshop({ status: "CLOSED" });
    const { user } = await createMember(workshop.id, "ORGANIZER");
    await addMember((await createWorkshop()).id, user.id, "ORGANIZER");
    await expectAppError(
      createSource({ viewer: viewerOf(user), workshopId: workshop.id, citation: CITATION, content: { kind: "text", format: "TEXT", text: "Text." } }),
      "FORBIDDEN",
      "workshopReadOnly",
    );
    expect(await sourcesOf(workshop.id)).toEqual([]);
  });
});
