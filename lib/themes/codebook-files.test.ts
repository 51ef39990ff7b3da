import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createTheme as createThemeRow, createWorkshop, viewerOf } from "@/test/factories";
import type { Viewer } from "@/lib/auth/session";
import { exportCodebook } from "./export-codebook";
import { importCodebook } from "./import-codebook";
import { findThemes } from "./find-themes";
import { nearestThemeColor } from "./codebook-files/nearest-color";
import { THEME_COLORS, THEME_COLOR_KEYS } from "./palette";

const prisma = registerTestDatabase();
const bytes = (text: string) => new TextEncoder().encode(text);

let organizer: Viewer;
let observer: Viewer;
let participant: Viewer;
let organizerEmail: string;
let sourceWorkshopId: string;

/** A workshop organized by the same organizer (so that imports into it are allowed). */
async function emptyWorkshop(): Promise<string> {
  const workshop = await createWorkshop();
  await prisma().membership.create({ data: { workshopId: workshop.id, userId: organizer.id, role: "ORGANIZER" } });
  return workshop.id;
}

const codebookOf = async (workshopId: string) => (await findThemes({ viewer: organizer, workshopId })).map(({ name, description, color, position }) => ({ name, description, color, position }));

beforeAll(async () => {
  const workshop = await createWorkshop({ title: "Lessons from Mali (2024)" });
  sourceWorkshopId = workshop.id;
  const member = await createMember(workshop.id, "ORGANIZER", { name: "Olivia Organizer", organization: "Org of Olivia" });
  organizer = viewerOf(member.user);
  organizerEmail = member.user.email;
  observer = viewerOf((await createMember(workshop.id, "OBSERVER")).user);
  participant = viewerOf((await createMember(workshop.id, "PARTICIPANT")).user);
  await createThemeRow(workshop.id, "Mandate & consent", { description: 'The "why" <of> it.\nSecond line.', color: "teal" });
  await createThemeRow(workshop.id, "Protection of civilians", { description: "", color: "red" });
  await createThemeRow(workshop.id, "Partners — « été »", { description: "Accents and symbols: é, ü, 中文.", color: "stone" });
});

describe("nearest palette colour", () => {
  it("maps each palette tone to itself, keys as they are, other colours to the closest, junk to nothing", () => {
    for (const key of THEME_COLOR_KEYS) {
      expect(nearestThemeColor(THEME_COLORS[key].strong)).toBe(key);
      expect(nearestThemeColor(THEME_COLORS[key].strong.toUpperCase().slice(1))).toBe(key);
      expect(nearestThemeColor(key)).toBe(key);
    }
    expect(nearestThemeColor("#FF0000")).toBe("red");
    expect(nearestThemeColor("#0000ff")).toBe("blue");
    expect(nearestThemeColor("#FFA500")).toBe("orange");
    expect(nearestThemeColor("#FF69B4")).toBe("pink");
    expect(nearestThemeColor("#ffffff")).toBe("stone");
    expect(nearestThemeColor("#0a0")).toBe("green");
    expect(nearestThemeColor("#808080ff")).toBe("stone");
    expect(nearestThemeColor("#46AA00")).toBe("lime");
    for (const junk of ["", "chartreuse", "#12", "#ggg", 42, null, undefined]) expect(nearestThemeColor(junk)).toBeNull();
  });
});

describe("exporting the codebook", () => {
  it("writes the documented JSON, with nothing about people", async () => {
    const file = await exportCodebook({ viewer: observer, workshopId: sourceWorkshopId, format: "json" });
    expect(file).toMatchObject({ filename: "lessons-from-mali-2024-codebook.json", contentType: "application/json; charset=utf-8" });
    expect(JSON.parse(file.body)).toEqual({
      format: "rapporteur-codebook",
      version: 1,
      themes: [
        { name: "Mandate & consent", description: 'The "why" <of> it.\nSecond line.', color: "teal" },
        { name: "Protection of civilians", description: "", color: "red" },
        { name: "Partners — « été »", description: "Accents and symbols: é, ü, 中文.", color: "stone" },
      ],
    });
    for (const identity of [organizer.id, organizerEmail, "Olivia", observer.id, participant.id]) expect(file.body).not.toContain(identity);
  });

  it("writes a REFI-QDA codebook with stable UUID guids and palette colours", async () => {
    const file = await exportCodebook({ viewer: participant, workshopId: sourceWorkshopId, format: "qdc" });
    expect(file).toMatchObject({ filename: "lessons-from-mali-2024-codebook.qdc", contentType: "application/xml; charset=utf-8" });
    expect(file.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Rapporteur">/);
    const codes = [...file.body.matchAll(/<Code guid="([^"]+)" name="([^"]+)" isCodable="true" color="(#[0-9A-F]{6})"/g)];
    expect(codes.map((code) => [code[2], code[3]])).toEqual([
      ["Mandate &amp; consent", THEME_COLORS.teal.strong.toUpperCase()],
      ["Protection of civilians", THEME_COLORS.red.strong.toUpperCase()],
      ["Partners — « été »", THEME_COLORS.stone.strong.toUpperCase()],
    ]);
    for (const [, guid] of codes) expect(guid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(file.body).toContain("<Description>The &quot;why&quot; &lt;of&gt; it.\nSecond line.</Description>");
    const again = await exportCodebook({ viewer: organizer, workshopId: sourceWorkshopId, format: "qdc" });
    expect(again.body).toBe(file.body);
    for (const identity of [organizer.id, organizerEmail, "Olivia", participant.id]) expect(file.body).not.toContain(identity);
  });

  it("refuses unknown formats and outsiders", async () => {
    await expectAppError(exportCodebook({ viewer: observer, workshopId: sourceWorkshopId, format: "xml" }), "BAD_REQUEST", "codebookExportFormat");
    await expectAppError(exportCodebook({ viewer: observer, workshopId: sourceWorkshopId, format: null }), "BAD_REQUEST", "codebookExportFormat");
    const outsider = viewerOf((await createMember((await createWorkshop()).id, "ORGANIZER")).user);
    await expectAppError(exportCodebook({ viewer: outsider, workshopId: sourceWorkshopId, format: "json" }), "NOT_FOUND", "notFound");
  });
});

describe("importing a codebook", () => {
  it.each(["json", "qdc"] as const)("round-trips through %s into an empty workshop", async (format) => {
    const file = await exportCodebook({ viewer: organizer, workshopId: sourceWorkshopId, format });
    const target = await emptyWorkshop();
    expect(await importCodebook({ viewer: organizer, workshopId: target, bytes: bytes(file.body) })).toEqual({ added: 3, skipped: 0 });
    expect(await codebookOf(target)).toEqual(await codebookOf(sourceWorkshopId));
    // Importing the same file again adds nothing.
    expect(await importCodebook({ viewer: organizer, workshopId: target, bytes: bytes(file.body) })).toEqual({ added: 0, skipped: 3 });
    expect(await codebookOf(target)).toEqual(await codebookOf(sourceWorkshopId));
  });

  it("adds names not there yet at the end, skipping existing names and repeats ignoring case", async () => {
    const target = await emptyWorkshop();
    await createThemeRow(target, "Existing", { color: "orange" });
    const file = JSON.stringify({
      format: "rapporteur-codebook",
      version: 1,
      themes: [{ name: "EXISTING" }, { name: "New one", description: "Fresh", color: "#1D4ED8" }, { name: "new  ONE" }, { name: "Colourless" }],
    });
    expect(await importCodebook({ viewer: organizer, workshopId: target, bytes: bytes(`\uFEFF${file}`) })).toEqual({ added: 2, skipped: 2 });
    expect(await codebookOf(target)).toEqual([
      { name: "Existing", description: "", color: "orange", position: 0 },
      { name: "New one", description: "Fresh", color: "blue", position: 1 },
      { name: "Colourless", description: "", color: "red", position: 2 },
    ]);
  });

  it("flattens nested REFI-QDA codes in document order, whatever the namespace prefix", async () => {
    const target = await emptyWorkshop();
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<qda:CodeBook xmlns:qda="urn:QDA-XML:codebook:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="ATLAS.ti Win 23.4.0">
  <qda:Codes>
    <qda:Code guid="DFE5C38E-9449-5959-A1F7-E3D895CFA87F" name="Policy" isCodable="false" color="#FF0000">
      <qda:Description>Parent &amp; &#233;t&#xE9;</qda:Description>
      <qda:Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Mandate" isCodable="true" color="#46AA00">
        <qda:Code guid="2FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Renewal" isCodable="true"/>
      </qda:Code>
    </qda:Code>
    <qda:Code guid="3FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Logistics" isCodable="true"><qda:Description><![CDATA[Roads <and> air]]></qda:Description></qda:Code>
  </qda:Codes>
  <qda:Sets><qda:Set name="group" guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0"><qda:MemberCode guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"/></qda:Set></qda:Sets>
</qda:CodeBook>`;
    expect(await importCodebook({ viewer: organizer, workshopId: target, bytes: bytes(qdc) })).toEqual({ added: 4, skipped: 0 });
    expect(await codebookOf(target)).toEqual([
      { name: "Policy", description: "Parent & été", color: "red", position: 0 },
      { name: "Mandate", description: "", color: "lime", position: 1 },
      { name: "Renewal", description: "", color: "orange", position: 2 },
      { name: "Logistics", description: "Roads <and> air", color: "pink", position: 3 },
    ]);
  });

  const manyThemes = (count: number) => JSON.stringify({ format: "rapporteur-codebook", version: 1, themes: Array.from({ length: count }, (_, i) => ({ name: `Theme ${i}` })) });
  const badFiles: [string, Uint8Array, string, string][] = [
    ["plain text", bytes("Mandate\nProtection"), "BAD_REQUEST", "codebookFileUnreadable"],
    ["malformed XML", bytes("<CodeBook><Codes><Code name='a'></Codes></CodeBook>"), "BAD_REQUEST", "codebookFileUnreadable"],
    ["XML that is not a codebook", bytes("<html><body>hello</body></html>"), "BAD_REQUEST", "codebookFileUnreadable"],
    ["a DOCTYPE with entities", bytes('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><CodeBook><Codes><Code name="&lol;"/></Codes></CodeBook>'), "BAD_REQUEST", "codebookFileUnreadable"],
    ["JSON of another format", bytes('{"format":"something-else","version":1,"themes":[]}'), "BAD_REQUEST", "codebookFileUnreadable"],
    ["JSON of a future version", bytes('{"format":"rapporteur-codebook","version":2,"themes":[{"name":"A"}]}'), "BAD_REQUEST", "codebookFileUnreadable"],
    ["broken JSON", bytes('{"format":"rapporteur-codebook",'), "BAD_REQUEST", "codebookFileUnreadable"],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "BAD_REQUEST", "codebookFileUnreadable"],
    ["an empty codebook", bytes('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>'), "BAD_REQUEST", "codebookFileEmpty"],
    ["201 themes", bytes(manyThemes(201)), "BAD_REQUEST", "codebookFileTooManyThemes"],
    ["a name over 80 characters", bytes(JSON.stringify({ format: "rapporteur-codebook", version: 1, themes: [{ name: "ok" }, { name: "x".repeat(81) }] })), "BAD_REQUEST", "codebookFileInvalidTheme"],
    ["an empty name", bytes('<CodeBook><Codes><Code guid="a" name="  " isCodable="true"/></Codes></CodeBook>'), "BAD_REQUEST", "codebookFileInvalidTheme"],
    ["a NUL in a name", bytes('{"format":"rapporteur-codebook","version":1,"themes":[{"name":"a\\u0000b"}]}'), "BAD_REQUEST", "codebookFileInvalidTheme"],
    ["a name that is not text", bytes('{"format":"rapporteur-codebook","version":1,"themes":[{"name":42}]}'), "BAD_REQUEST", "codebookFileInvalidTheme"],
    ["a description over 1,000 characters", bytes(JSON.stringify({ format: "rapporteur-codebook", version: 1, themes: [{ name: "A", description: "d".repeat(1001) }] })), "BAD_REQUEST", "codebookFileInvalidTheme"],
    ["a file over 1 MB", bytes(`{"format":"rapporteur-codebook","version":1,"themes":[],"padding":"${"x".repeat(1024 * 1024)}"}`), "PAYLOAD_TOO_LARGE", "codebookFileTooLarge"],
  ];

  it.each(badFiles)("refuses %s with a clear 4xx, adding nothing", async (_label, file, code, messageKey) => {
    const target = await emptyWorkshop();
    await createThemeRow(target, "Already here");
    await expectAppError(importCodebook({ viewer: organizer, workshopId: target, bytes: file }), code as "BAD_REQUEST", messageKey);
    expect((await codebookOf(target)).map((theme) => theme.name)).toEqual(["Already here"]);
  });

  it("refuses an import that would take the codebook past 200 themes, adding nothing", async () => {
    const target = await emptyWorkshop();
    await prisma().theme.createMany({ data: Array.from({ length: 199 }, (_, position) => ({ workshopId: target, name: `T${position}`, nameKey: `t${position}`, color: "stone", position })) });
    await expectAppError(importCodebook({ viewer: organizer, workshopId: target, bytes: bytes(manyThemes(2)) }), "CONFLICT", "codebookFull");
    expect(await prisma().theme.count({ where: { workshopId: target } })).toBe(199);
  });

  it("is for organizers of an open workshop", async () => {
    const file = bytes(manyThemes(1));
    await expectAppError(importCodebook({ viewer: participant, workshopId: sourceWorkshopId, bytes: file }), "FORBIDDEN", "forbidden");
    const closed = await emptyWorkshop();
    await prisma().workshop.update({ where: { id: closed }, data: { status: "CLOSED" } });
    await expectAppError(importCodebook({ viewer: organizer, workshopId: closed, bytes: file }), "FORBIDDEN", "workshopReadOnly");
  });
});
