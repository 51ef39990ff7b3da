import "server-only";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { assertNoNulCharacter, parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { notifyWorkshopChanged } from "@/lib/realtime/hub";
import { detectFormat, importSourceText, type ImportFormat } from "./import/import-source-text";
import { unsupportedFormatError } from "./import/import-errors";
import { parseMarkup } from "./markup";
import { presentSourceSummary, type PresentedSourceSummary } from "./present";
import { ZImportFormat, ZSourceCitation, type SourceCitation } from "./schemas";

/** The source to add: pasted text in a format, or an uploaded file (format detected when not given). */
export type CreateSourceContent =
  | { kind: "text"; format: ImportFormat; text: string }
  | { kind: "file"; bytes: Uint8Array; fileName: string; mimeType?: string; format?: ImportFormat };

export interface CreateSourceOptions {
  viewer: Viewer;
  workshopId: string;
  citation: SourceCitation;
  content: CreateSourceContent;
  /**
   * The citation's title is what the form proposed, not what the person typed: the import's own
   * proposal (a PDF's or Word document's metadata title, which the browser cannot read) replaces it.
   */
  isTitleProposed?: boolean;
}

// Checked before the import, so that a bad field is refused before seconds of extraction.
const ZCitationWithoutTitle = ZSourceCitation.omit({ title: true });
const ZTitle = ZSourceCitation.pick({ title: true });

function formatOf(content: CreateSourceContent): ImportFormat {
  if (content.kind === "text") return parseInput(ZImportFormat, content.format);
  if (content.format) return parseInput(ZImportFormat, content.format);
  const detected = detectFormat(content.fileName, content.mimeType);
  if (!detected) throw unsupportedFormatError("This kind of file cannot be imported. Upload a .txt, .md, .html, .pdf or .docx file.");
  return detected;
}

/**
 * Adds a source to a workshop, from pasted text or an uploaded file, with its citation. The text
 * is extracted and normalized first (lib/sources/import); nothing is stored unless all of it
 * worked, and the source is then written in one transaction, after the workshop's last source.
 * A title left empty, or only proposed by the form, is the import's proposal (the document's
 * own title, its first heading or its file name); a title the person typed is kept as it is.
 */
export async function createSource({ viewer, workshopId, citation, content, isTitleProposed = false }: CreateSourceOptions): Promise<PresentedSourceSummary> {
  const isTitleOpen = isTitleProposed || !citation.title?.trim();
  const { title: typedTitle } = isTitleOpen ? { title: "" } : parseInput(ZTitle, citation);
  const rest = parseInput(ZCitationWithoutTitle, citation);
  if (content.kind === "text") assertNoNulCharacter(content.text, "text");
  const format = formatOf(content);
  // Permission before extraction: a PDF can take seconds, which outsiders must not get to spend.
  await requireWorkshopPermission(viewer, workshopId, "sources.manage");
  const imported = await importSourceText(
    content.kind === "text" ? { format, text: content.text } : { format, bytes: content.bytes, fileName: content.fileName },
  );
  // Still refused when nothing proposes a title (pasted plain text, no title typed): "give it a title".
  const { title } = isTitleOpen ? parseInput(ZTitle, { title: imported.title ?? citation.title ?? "" }) : { title: typedTitle };
  const data = { ...rest, title };
  const db = await getPrisma();
  const source = await db.$transaction(async (tx) => {
    const last = await tx.source.aggregate({ where: { workshopId }, _max: { position: true } });
    return tx.source.create({
      data: {
        workshopId,
        ...data,
        format: imported.format,
        originalText: imported.originalText,
        markup: imported.text,
        text: parseMarkup(imported.text, imported.format).text,
        position: (last._max.position ?? -1) + 1,
      },
    });
  });
  notifyWorkshopChanged(workshopId);
  return presentSourceSummary(source);
}
