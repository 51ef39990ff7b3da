import PDFDocument from "pdfkit";
import { blocksOf, plainRun, type Run } from "./blocks";
import { exportDocument } from "./document";
import { FACE_NAMES, faceOf, registerFonts, scriptSegments } from "./pdf-font";
import { APP, footnoteParts, type ExportHeader, type ExportNote } from "./types";

/**
 * The resolved note as a PDF in an embedded font (./pdf-font.ts): title, date and place, the
 * rule, the body with superscript footnote markers, the optional methods paragraph, the footnotes
 * as endnotes ("Notes", numbered as in the text), and "n / total" at the foot of every page. The
 * document information names the application, never a person.
 */
const BODY_SIZE = 11;
const MARKER_SIZE = 7;
const NOTE_SIZE = 9;

/** Writes runs as one flowing paragraph, switching face and size between pieces. */
function writeRuns(pdf: PDFKit.PDFDocument, runs: Run[], options: PDFKit.Mixins.TextOptions, size: number): void {
  const pieces = (runs.length ? runs : [plainRun(" ")]).flatMap((run) => {
    const text = `${run.breakBefore ? "\n" : ""}${run.text}`;
    return scriptSegments(text, faceOf(run)).map((segment) => ({ run, ...segment }));
  });
  pieces.forEach(({ run, text, face, features }, index) => {
    // pdfkit aligns pieces of a line by their top: a marker in a smaller size sits as a superscript.
    const isMarker = run.footnote !== null;
    pdf.font(FACE_NAMES[face]).fontSize(isMarker ? Math.min(MARKER_SIZE, size) : size);
    pdf.text(text, {
      ...options,
      underline: run.underline,
      strike: run.strike,
      features,
      continued: index < pieces.length - 1,
    });
  });
  // The last line advanced by its last piece's height: a closing marker's is too short.
  if (pieces.at(-1)?.run.footnote) {
    const markerHeight = pdf.currentLineHeight(true);
    pdf.y += pdf.fontSize(size).currentLineHeight(true) - markerHeight;
  }
}

function writeHeader(pdf: PDFKit.PDFDocument, header: ExportHeader): void {
  pdf.font(FACE_NAMES.bold).fontSize(20).text(header.title);
  if (header.dateLine) pdf.moveDown(0.3).font(FACE_NAMES.regular).fontSize(10).fillColor("#4a5163").text(header.dateLine).fillColor("black");
  if (header.rule) pdf.moveDown(0.3);
  if (header.rule) writeRuns(pdf, [plainRun(header.rule, { italic: true })], {}, 10);
  pdf.moveDown();
}

function writeBody(pdf: PDFKit.PDFDocument, doc: unknown): void {
  const left = pdf.page.margins.left;
  for (const block of blocksOf(exportDocument(doc))) {
    if (block.kind === "heading") {
      pdf.moveDown(0.5);
      writeRuns(pdf, block.runs.map((run) => ({ ...run, bold: true })), { paragraphGap: 4 }, block.level <= 2 ? 15 : 13);
    } else if (block.kind === "rule") {
      const y = pdf.y + 6;
      pdf.moveTo(left, y).lineTo(pdf.page.width - pdf.page.margins.right, y).strokeColor("#999999").stroke();
      pdf.moveDown();
    } else {
      const indent = 18 * block.depth + (block.quote ? 24 : 0);
      const runs = block.quote ? block.runs.map((run) => ({ ...run, italic: true })) : block.runs;
      const marker = block.marker ? (block.marker.ordered ? `${block.marker.number}. ` : "• ") : "";
      pdf.x = left + indent;
      writeRuns(pdf, marker ? [plainRun(marker), ...runs] : runs, { paragraphGap: 6, width: pdf.page.width - pdf.page.margins.right - left - indent }, BODY_SIZE);
      pdf.x = left;
    }
  }
}

function writeHeading(pdf: PDFKit.PDFDocument, text: string): void {
  pdf.moveDown(0.5);
  writeRuns(pdf, [plainRun(text, { bold: true })], { paragraphGap: 4 }, 15);
}

/** The endnotes, "n. citation “quote” [flag]", numbers hanging in the margin of the list. */
function writeNotes(pdf: PDFKit.PDFDocument, note: ExportNote, header: ExportHeader): void {
  const notes = footnoteParts(note.footnotes, header.labels);
  if (!notes.length) return;
  writeHeading(pdf, header.labels.notes);
  const left = pdf.page.margins.left;
  const width = pdf.page.width - pdf.page.margins.right - left;
  const hang = NOTE_SIZE * 2.4;
  for (const parts of notes) {
    const runs = [plainRun(parts.text), ...(parts.quote ? [plainRun(` ${parts.quote}`)] : []), ...(parts.flag ? [plainRun(` ${parts.flag}`, { italic: true })] : [])];
    pdf.font(FACE_NAMES.regular).fontSize(NOTE_SIZE);
    // The number and the note's first line start on the same page.
    if (pdf.y + pdf.currentLineHeight(true) > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const top = pdf.y;
    pdf.text(`${parts.number}.`, left, top, { width: hang, lineBreak: false });
    pdf.x = left + hang;
    pdf.y = top;
    writeRuns(pdf, runs, { paragraphGap: 4, width: width - hang }, NOTE_SIZE);
    pdf.x = left;
  }
}

/** "n / total" centred at the foot of every page, drawn once every page exists. */
function writePageNumbers(pdf: PDFKit.PDFDocument): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    const { left, right, bottom } = pdf.page.margins;
    // Writing inside the bottom margin would otherwise start a new page.
    pdf.page.margins.bottom = 0;
    pdf.font(FACE_NAMES.regular).fontSize(9).fillColor("#4a5163");
    pdf.text(`${index + 1} / ${range.count}`, left, pdf.page.height - bottom / 2 - 4, { width: pdf.page.width - left - right, align: "center", lineBreak: false });
    pdf.fillColor("black");
    pdf.page.margins.bottom = bottom;
  }
}

export async function noteToPdf(note: ExportNote, header: ExportHeader): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: 64,
    lang: header.language,
    bufferPages: true,
    displayTitle: true,
    info: { Title: header.title, Author: APP, Creator: APP, Producer: APP },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  registerFonts(pdf);
  writeHeader(pdf, header);
  writeBody(pdf, note.doc);
  if (header.methods) {
    writeHeading(pdf, header.labels.methods);
    writeRuns(pdf, [plainRun(header.methods)], { paragraphGap: 6 }, BODY_SIZE);
  }
  writeNotes(pdf, note, header);
  writePageNumbers(pdf);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
