import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createMember, createUser, createWorkshop, viewerOf } from "@/test/factories";
import { expectAppError } from "@/test/expect-app-error";
import { exportNote } from "./export-note";
import { NoteRoom } from "./note-room";
import { fileInZip } from "@/test/zip";
import { docxToSourceText } from "@/lib/sources/import/docx-to-text";
import { pdfToSourceText } from "@/lib/sources/import/pdf-to-text";

const prisma = registerTestDatabase();

const silent = { update: () => {}, awareness: () => {} };

/** Writes the note the way editors do: Yjs updates through a room, which stores its text on close. */
async function writeNote(workshopId: string, write: (fragment: Y.XmlFragment) => void): Promise<void> {
  const room = await NoteRoom.open(workshopId, silent);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, room.syncFor(new Uint8Array([0])).update);
  const before = Y.encodeStateVector(doc);
  write(doc.getXmlFragment("default"));
  expect(await room.receive(Y.encodeStateAsUpdate(doc, before))).toEqual({ ok: true });
  await room.close();
}

function addBlock(fragment: Y.XmlFragment, name: string, text: string, attributes: Record<string, number> = {}) {
  const element = new Y.XmlElement(name);
  fragment.push([element]);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as unknown as string);
  element.insert(0, [new Y.XmlText(text)]);
}

async function workshopWithNote() {
  const workshop = await createWorkshop({ title: "Lessons from Mali" });
  const organizer = await createMember(workshop.id, "ORGANIZER", { name: "Olga Organizer", organization: "Org One" });
  const observer = await createMember(workshop.id, "OBSERVER", { name: "Otto Observer" });
  const writer = await createMember(workshop.id, "PARTICIPANT", { name: "Wanda Writer", organization: "Org Two" });
  await writeNote(workshop.id, (fragment) => {
    addBlock(fragment, "heading", "Security Council dynamics", { level: 2 });
    addBlock(fragment, "paragraph", "Participants generally agreed: *consensus* eroded <script>alert(1)</script>.");
  });
  return { workshop, organizer, observer, writer };
}

describe("exportNote", () => {
  it("exports Markdown with the rule of the meeting, escaped text, and nobody's identity", async () => {
    const { workshop, organizer, observer, writer } = await workshopWithNote();
    const file = await exportNote({ viewer: viewerOf(observer.user), workshopId: workshop.id, format: "md", locale: "en" });

    expect(file).toMatchObject({ filename: "lessons-from-mali-meeting-note.md", contentType: "text/markdown; charset=utf-8" });
    expect(file.body).toBe(
      [
        "# Lessons from Mali: meeting note",
        "",
        "*This meeting was held under the Chatham House Rule: what was said may be used, but not who said it or their affiliation.*",
        "",
        "## Security Council dynamics",
        "",
        "Participants generally agreed: \\*consensus\\* eroded \\<script\\>alert(1)\\</script\\>.",
        "",
      ].join("\n"),
    );
    for (const member of [organizer, observer, writer]) {
      for (const value of [member.user.id, member.user.email, member.user.name!, member.membership.id]) expect(file.body).not.toContain(value);
    }
    expect(file.body).not.toContain("Org Two");
  });

  it("exports a standalone HTML page in the reader's language, text escaped", async () => {
    const { workshop, writer } = await workshopWithNote();
    const file = await exportNote({ viewer: viewerOf(writer.user), workshopId: workshop.id, format: "html", locale: "fr" });
    expect(file.contentType).toBe("text/html; charset=utf-8");
    expect(file.body).toContain('<html lang="fr">');
    expect(file.body).toContain("<title>Lessons from Mali : note de réunion</title>");
    expect(file.body).toContain("<h2>Security Council dynamics</h2>");
    expect(file.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(file.body).not.toContain("<script");
    expect(file.body).not.toContain(writer.user.name!);
  });

  it("gives the heading alone for a note nobody has written in, and no rule line for attributed workshops", async () => {
    const workshop = await createWorkshop({ title: "Empty", attribution: "ATTRIBUTED" });
    const { user } = await createMember(workshop.id, "PARTICIPANT");
    const file = await exportNote({ viewer: viewerOf(user), workshopId: workshop.id, format: "md", locale: "en" });
    expect(file.body).toBe("# Empty: meeting note\n\n\n");
    expect(await prisma().meetingNote.count({ where: { workshopId: workshop.id } })).toBe(0);
  });

  it("exports Word and PDF files that read back as the note, with the application as their only author", async () => {
    const { workshop, organizer, observer, writer } = await workshopWithNote();
    await writeNote(workshop.id, (fragment) => {
      const list = new Y.XmlElement("orderedList");
      fragment.push([list]);
      for (const text of ["Plan the drawdown", "Tell partners early"]) {
        const item = new Y.XmlElement("listItem");
        list.push([item]);
        addBlock(item as unknown as Y.XmlFragment, "paragraph", text);
      }
    });
    const viewer = viewerOf(writer.user);
    const docx = await exportNote({ viewer, workshopId: workshop.id, format: "docx", locale: "en" });
    const pdf = await exportNote({ viewer, workshopId: workshop.id, format: "pdf", locale: "fr" });
    expect(docx).toMatchObject({ filename: "lessons-from-mali-meeting-note.docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect(pdf).toMatchObject({ filename: "lessons-from-mali-meeting-note.pdf", contentType: "application/pdf" });

    // Our own importers read them back.
    const docxText = await docxToSourceText(docx.body as Uint8Array);
    expect(docxText).toContain("Lessons from Mali: meeting note");
    expect(docxText).toContain("Chatham House Rule");
    expect(docxText).toContain("Security Council dynamics");
    expect(docxText).toContain("Participants generally agreed: *consensus* eroded <script>alert(1)</script>.");
    expect(docxText).toContain("Tell partners early");
    const pdfText = await pdfToSourceText(pdf.body as Uint8Array);
    expect(pdfText).toContain("Lessons from Mali : note de réunion");
    expect(pdfText).toContain("Security Council dynamics");
    expect(pdfText).toContain("2. Tell partners early");

    const core = fileInZip(docx.body as Uint8Array, "docProps/core.xml");
    expect(core).toContain("<dc:creator>Rapporteur</dc:creator>");
    expect(core).toContain("<cp:lastModifiedBy>Rapporteur</cp:lastModifiedBy>");
    const pdfBytes = Buffer.from(pdf.body as Uint8Array).toString("latin1");
    expect(pdfBytes).toMatch(/\/Author \d+ 0 R/);
    expect(pdfBytes).toContain("(Rapporteur)");
    for (const member of [organizer, observer, writer]) {
      for (const value of [member.user.id, member.user.email, member.user.name!]) {
        expect(core).not.toContain(value);
        expect(docxText).not.toContain(value);
        expect(pdfText).not.toContain(value);
        expect(pdfBytes).not.toContain(value);
      }
    }
  });

  it("stays available once the workshop is closed; outsiders and other workshops' members get not found; a bad format is a 400", async () => {
    const { workshop, observer } = await workshopWithNote();
    await prisma().workshop.update({ where: { id: workshop.id }, data: { status: "CLOSED" } });
    await expect(exportNote({ viewer: viewerOf(observer.user), workshopId: workshop.id, format: "html", locale: "en" })).resolves.toBeTruthy();

    const outsider = await createUser();
    const elsewhere = await createWorkshop();
    const { user: otherMember } = await createMember(elsewhere.id, "ORGANIZER");
    for (const viewer of [outsider, otherMember]) {
      await expectAppError(exportNote({ viewer: viewerOf(viewer), workshopId: workshop.id, format: "md", locale: "en" }), "NOT_FOUND");
    }
    await expectAppError(exportNote({ viewer: viewerOf(observer.user), workshopId: workshop.id, format: "odt", locale: "en" }), "BAD_REQUEST");
  });
});
