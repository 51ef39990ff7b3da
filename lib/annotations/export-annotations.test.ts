// Export ids are URLs under APP_URL: this file pins its own (test/setup-env.ts sets the rest).
process.env.APP_URL = "https://rapporteur.example.org";

import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createMember, createSource, createTheme, createWorkshop, viewerOf } from "@/test/factories";
import { expectAppError } from "@/test/expect-app-error";
import { createAnnotation } from "./create-annotation";
import { createReply } from "./replies";
import { csvField, exportAnnotations, slugify } from "./export-annotations";

const prisma = registerTestDatabase();

const TEXT = 'Intro. The "robust" mandate, they said, failed.\n\nÉté à Gao: consent faded.';
const APP = "https://rapporteur.example.org";
const DAY = new Date("2024-06-13T15:42:10Z");

let workshopId: string;
let sourceId: string;
let mandateId: string;
let consentId: string;
let amina: ReturnType<typeof viewerOf>;
let bruno: ReturnType<typeof viewerOf>;
let omar: ReturnType<typeof viewerOf>;
let outsider: ReturnType<typeof viewerOf>;
/** Annotations by name: robust (2 themes, comment, reply), ete (no theme), consent (highlight), orphan, hidden. */
const ids: Record<string, string> = {};
let replyId: string;

function rangeOf(quote: string) {
  const start = TEXT.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + quote.length };
}

beforeAll(async () => {
  workshopId = (await createWorkshop()).id;
  sourceId = (await createSource(workshopId, { text: TEXT, title: "Mali: l'été « robuste », 2024!" })).id;
  // Created out of codebook order, so that order comes from `position`.
  consentId = (await createTheme(workshopId, "Consent")).id;
  mandateId = (await createTheme(workshopId, "Mandate")).id;
  await prisma().theme.update({ where: { id: consentId }, data: { position: 1 } });
  await prisma().theme.update({ where: { id: mandateId }, data: { position: 0 } });
  amina = viewerOf((await createMember(workshopId, "PARTICIPANT", { name: "Amina Canaryname", organization: "Canaryorg A" })).user);
  bruno = viewerOf((await createMember(workshopId, "RAPPORTEUR", { name: "Bruno Canaryname", organization: "Canaryorg B" })).user);
  omar = viewerOf((await createMember(workshopId, "OBSERVER")).user);
  outsider = viewerOf((await createMember((await createWorkshop()).id, "ORGANIZER")).user);

  // Created out of document order, so that order comes from the text.
  ids.consent = (await createAnnotation({ viewer: amina, workshopId, sourceId, input: { ...rangeOf("consent faded"), themeIds: [consentId] } })).id;
  ids.ete = (await createAnnotation({ viewer: bruno, workshopId, sourceId, input: { ...rangeOf("Été à Gao"), comment: "Accents: ç, é" } })).id;
  ids.robust = (
    await createAnnotation({
      viewer: amina,
      workshopId,
      sourceId,
      input: { ...rangeOf('"robust" mandate'), comment: 'Too broad, "vague";\nsee annex', themeIds: [consentId, mandateId] },
    })
  ).id;
  ids.orphan = (await createAnnotation({ viewer: bruno, workshopId, sourceId, input: { ...rangeOf("they said"), themeIds: [mandateId] } })).id;
  ids.hidden = (await createAnnotation({ viewer: amina, workshopId, sourceId, input: { ...rangeOf("failed"), comment: "Hidden one" } })).id;
  replyId = (await createReply({ viewer: bruno, workshopId, annotationId: ids.robust, input: { body: "Agreed, à 100%" } })).id;
  const hiddenReply = await createReply({ viewer: amina, workshopId, annotationId: ids.ete, input: { body: "Hidden reply" } });

  const { passageId } = await prisma().annotation.findUniqueOrThrow({ where: { id: ids.orphan } });
  await prisma().passage.update({ where: { id: passageId }, data: { state: "ORPHANED", start: null, end: null, exact: "lost passage", prefix: "", suffix: "" } });
  await prisma().annotation.update({ where: { id: ids.hidden }, data: { hiddenAt: new Date() } });
  await prisma().annotationReply.update({ where: { id: hiddenReply.id }, data: { hiddenAt: new Date() } });
  await prisma().annotation.updateMany({ where: { workshopId }, data: { createdAt: DAY } });
  await prisma().annotationReply.updateMany({ where: { annotation: { workshopId } }, data: { createdAt: DAY } });
});

const exportAs = (format: string, viewer = omar, locale: "en" | "fr" = "en") =>
  exportAnnotations({ viewer, workshopId, sourceId, format, locale });

describe("exportAnnotations", () => {
  it("writes a W3C AnnotationCollection: comments, tags, replies as 'replying' annotations, day-only times", async () => {
    const file = await exportAs("jsonld");
    expect(file.contentType).toBe("application/ld+json");
    expect(file.filename).toBe("mali-lete-robuste-2024-annotations.jsonld");
    const page = `${APP}/workshops/${workshopId}/sources/${sourceId}`;
    const collection = `${APP}/api/workshops/${workshopId}/sources/${sourceId}/annotations/export?format=jsonld`;
    const robust = rangeOf('"robust" mandate');
    const ete = rangeOf("Été à Gao");
    const consent = rangeOf("consent faded");
    const created = "2024-06-13T00:00:00Z";
    expect(JSON.parse(file.body)).toEqual({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: collection,
      type: "AnnotationCollection",
      label: "Annotations: Mali: l'été « robuste », 2024!",
      total: 5,
      first: {
        id: `${collection}#page-1`,
        type: "AnnotationPage",
        startIndex: 0,
        items: [
          {
            id: `${page}#annotation-${ids.robust}`,
            type: "Annotation",
            motivation: "commenting",
            created,
            body: [
              { type: "TextualBody", value: 'Too broad, "vague";\nsee annex', format: "text/plain", purpose: "commenting" },
              { type: "TextualBody", value: "Mandate", format: "text/plain", purpose: "tagging" },
              { type: "TextualBody", value: "Consent", format: "text/plain", purpose: "tagging" },
            ],
            target: {
              source: page,
              selector: [
                { type: "TextQuoteSelector", exact: '"robust" mandate', prefix: "Intro. The ", suffix: ", they said, failed.\n\nÉté à Gao:" },
                { type: "TextPositionSelector", ...robust },
              ],
            },
          },
          {
            id: `${page}#reply-${replyId}`,
            type: "Annotation",
            motivation: "replying",
            created,
            body: { type: "TextualBody", value: "Agreed, à 100%", format: "text/plain", purpose: "replying" },
            target: `${page}#annotation-${ids.robust}`,
          },
          {
            id: `${page}#annotation-${ids.ete}`,
            type: "Annotation",
            motivation: "commenting",
            created,
            body: [{ type: "TextualBody", value: "Accents: ç, é", format: "text/plain", purpose: "commenting" }],
            target: {
              source: page,
              selector: [
                { type: "TextQuoteSelector", exact: "Été à Gao", prefix: TEXT.slice(Math.max(0, ete.start - 32), ete.start), suffix: ": consent faded." },
                { type: "TextPositionSelector", ...ete },
              ],
            },
          },
          {
            id: `${page}#annotation-${ids.consent}`,
            type: "Annotation",
            motivation: "highlighting",
            created,
            body: [{ type: "TextualBody", value: "Consent", format: "text/plain", purpose: "tagging" }],
            target: {
              source: page,
              selector: [
                { type: "TextQuoteSelector", exact: "consent faded", prefix: TEXT.slice(consent.start - 32, consent.start), suffix: "." },
                { type: "TextPositionSelector", ...consent },
              ],
            },
          },
          {
            id: `${page}#annotation-${ids.orphan}`,
            type: "Annotation",
            motivation: "highlighting",
            created,
            body: [{ type: "TextualBody", value: "Mandate", format: "text/plain", purpose: "tagging" }],
            target: { source: page, selector: [{ type: "TextQuoteSelector", exact: "lost passage" }] },
          },
        ],
      },
    });
  });

  it("writes RFC 4180 CSV with a BOM, grouped by theme in codebook order, then 'No theme', in document order", async () => {
    const file = await exportAs("csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toBe("mali-lete-robuste-2024-annotations.csv");
    const robust = rangeOf('"robust" mandate').start;
    expect(file.body).toBe(
      "\uFEFF" +
        '"Theme","Quote","Comment","Replies","Position in the text"\r\n' +
        `"Mandate","""robust"" mandate","Too broad, ""vague"";\nsee annex","Agreed, à 100%","${robust}"\r\n` +
        '"Mandate","lost passage","","",""\r\n' +
        `"Consent","""robust"" mandate","Too broad, ""vague"";\nsee annex","Agreed, à 100%","${robust}"\r\n` +
        `"Consent","consent faded","","","${rangeOf("consent faded").start}"\r\n` +
        `"No theme","Été à Gao","Accents: ç, é","","${rangeOf("Été à Gao").start}"\r\n`,
    );
  });

  it("localizes the header and the 'No theme' group", async () => {
    const { body } = await exportAs("csv", omar, "fr");
    expect(body.split("\r\n")[0]).toBe('\uFEFF"Thème","Citation","Commentaire","Réponses","Position dans le texte"');
    expect(body).toContain('"Sans thème","Été à Gao"');
  });

  it("carries no author: no id, email, name or organization, whoever exports", async () => {
    for (const viewer of [amina, bruno, omar]) {
      for (const format of ["jsonld", "csv"]) {
        const { body, filename } = await exportAs(format, viewer);
        const text = `${filename}\n${body}`.toLowerCase();
        for (const author of [amina, bruno]) {
          for (const canary of [author.id, author.email, author.name!, "Canaryorg"]) expect(text).not.toContain(canary.toLowerCase());
        }
        expect(text).not.toMatch(/creator|author|"mine"/);
        expect(text).not.toContain("hidden");
      }
    }
  });

  it("refuses an unknown format with a 400 and outsiders with a 404", async () => {
    await expectAppError(exportAs("xml"), "BAD_REQUEST", "fields.invalid");
    await expectAppError(exportAs(""), "BAD_REQUEST");
    await expectAppError(exportAs("csv", outsider), "NOT_FOUND");
    await expectAppError(exportAnnotations({ viewer: omar, workshopId, sourceId: "not-a-source", format: "csv", locale: "en" }), "NOT_FOUND");
  });

  it("quotes fields and defuses spreadsheet formulas; slugs are ASCII", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvField(42)).toBe('"42"');
    expect(slugify("  Œuvres — « Ça va » ")).toBe("oeuvres-ca-va");
    expect(slugify("***")).toBe("source");
    expect(slugify("MINUSMA's Experience")).toBe("minusmas-experience");
  });
});
