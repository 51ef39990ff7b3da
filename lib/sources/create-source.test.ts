import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { addMember, createMember, createSource as seedSource, createWorkshop, viewerOf } from "@/test/factories";
import { createSource } from "./create-source";
import { MAX_SOURCE_BYTES } from "./import/import-errors";

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
