import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import mammoth from "mammoth";

/**
 * Reading exported files back in tests, with the libraries the source importers use (pdf.js,
 * mammoth): a PDF's text page by page and its document information, a Word file's HTML with its
 * footnotes, and a PDF's first page as a PNG when poppler's pdftoppm is installed.
 */

export interface PdfReadBack {
  /** Each page's text items joined by spaces. */
  pages: string[];
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
  const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: VerbosityLevel.ERRORS });
  try {
    const document = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).filter((text) => text.trim()).join(" "));
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await task.destroy();
  }
}

/** A Word file as mammoth's HTML: the body, then its footnotes as an ordered list. */
export async function docxHtml(bytes: Uint8Array): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
}

/** The path of poppler's pdftoppm, or null when it is not installed. */
export async function findPdftoppm(): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)("which", ["pdftoppm"]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** Renders the PDF's first page to `target` (a .png path) with pdftoppm. */
export async function renderFirstPage(pdftoppm: string, bytes: Uint8Array, target: string): Promise<void> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "note-pdf-"));
  try {
    const input = path.join(directory, "note.pdf");
    await fs.writeFile(input, bytes);
    await promisify(execFile)(pdftoppm, ["-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", input, path.join(directory, "page")]);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(path.join(directory, "page.png"), target);
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
}
