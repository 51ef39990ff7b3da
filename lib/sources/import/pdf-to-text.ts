import { createRequire } from "node:module";
import path from "node:path";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { isAppError } from "@/lib/errors";
import { MAX_SOURCE_CHARS, emptyError, malformedError, passwordProtectedError, textTooLongError } from "./import-errors";
import { groupRunsIntoLines, type PdfLine } from "./pdf-lines";
import { layOutPdfText } from "./pdf-paragraphs";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

const NOT_A_PDF = "The file is not a readable PDF (it may be damaged or incomplete). Export or download it again and upload the new copy.";

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded on first use. Its worker module is loaded in this thread and registered as
 * `globalThis.pdfjsWorker`, so pdf.js never looks for a worker file (which a bundler may move).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    const scope = globalThis as { pdfjsWorker?: unknown };
    scope.pdfjsWorker ??= worker;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return pdfjs;
}

/**
 * Where pdf.js finds its character maps (needed to read CJK text that uses Adobe's predefined
 * CMaps) and standard font data, read from disk in Node. Left out if the package cannot be
 * located, which only costs those fonts.
 */
function assetOptions(): { cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string } {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    return { cMapUrl: `${root}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${root}/standard_fonts/` };
  } catch {
    return {};
  }
}

export interface PdfToSourceTextOptions {
  /** Receives the fraction of pages read (0–1). */
  onProgress?: (fraction: number) => void;
  /** Receives the document's own titles, best first (XMP dc:title, then Info Title), once it is open. */
  onTitles?: (titles: string[]) => void;
}

/**
 * Extracts a PDF's text page by page with pdf.js and lays it out as paragraphs and headings
 * (see {@link layOutPdfText}).
 */
export async function pdfToSourceText(bytes: Uint8Array, { onProgress, onTitles }: PdfToSourceTextOptions = {}): Promise<string> {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!head.includes("%PDF-")) throw malformedError(NOT_A_PDF);
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  // Scripts and fonts are never evaluated or installed: only the text layer is read.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
    ...assetOptions(),
  });
  try {
    const document = await task.promise;
    if (onTitles) onTitles(await readTitles(document));
    const pages: PdfLine[][] = [];
    let chars = 0;
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const lines = groupRunsIntoLines(content.items.filter(isTextItem).map(toRun));
      page.cleanup();
      chars += lines.reduce((sum, line) => sum + line.text.length + 1, 0);
      if (chars > MAX_SOURCE_CHARS) throw textTooLongError(chars);
      pages.push(lines);
      onProgress?.(number / document.numPages);
    }
    const text = layOutPdfText(pages);
    if (!text.trim()) {
      throw emptyError("The PDF has no text layer (it may be a scanned image). Run it through text recognition (OCR) first, or paste the text.");
    }
    return text;
  } catch (error) {
    if (isAppError(error)) throw error;
    if (error instanceof Error && error.name === "PasswordException") throw passwordProtectedError("PDF");
    throw malformedError(NOT_A_PDF);
  } finally {
    await task.destroy();
  }
}

/** The metadata titles of an open document; none when its metadata cannot be read (never a reason to refuse the file). */
async function readTitles(document: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>): Promise<string[]> {
  try {
    const { info, metadata } = await document.getMetadata();
    // XMP first, as pdf.js's own viewer does: it is Unicode and usually the more recent.
    const candidates: unknown[] = [metadata?.get("dc:title"), (info as { Title?: unknown }).Title];
    return candidates.filter((title): title is string => typeof title === "string");
  } catch {
    return [];
  }
}

function isTextItem(item: object): item is TextItem {
  return "str" in item;
}

function toRun(item: TextItem) {
  const [, , , d = 0, x = 0, y = 0] = item.transform as number[];
  return { text: item.str, x, y, width: item.width, height: item.height || Math.abs(d), hasEOL: item.hasEOL };
}
