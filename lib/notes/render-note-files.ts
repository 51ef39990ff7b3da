import { AlignmentType, BorderStyle, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type IRunOptions } from "docx";
import PDFDocument from "pdfkit";
import type { Node as PmNode } from "@tiptap/pm/model";
import { noteDocument } from "./render-note";

/**
 * The note as Word and PDF files. Both walk the note through the editor's schema, as the
 * Markdown and HTML exports do. File metadata names the application, never a person: the
 * author and "last modified by" fields say "Rapporteur".
 */
export interface NoteFileHeader {
  title: string;
  /** The rule the meeting was held under, or null. */
  rule: string | null;
  language: string;
}

const APP = "Rapporteur";
/** Each numbered list gets its own numbering definition, which carries its first number. */
const numberedReference = (listIndex: number) => `note-numbered-${listIndex}`;

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** A line break before this run (a hard break in the note). */
  breakBefore: boolean;
}

/** A block's inline content as runs of one style each. */
function runsOf(block: PmNode): Run[] {
  const runs: Run[] = [];
  let breakBefore = false;
  block.forEach((child) => {
    if (child.type.name === "hardBreak") {
      breakBefore = true;
      return;
    }
    if (!child.isText) return;
    const has = (name: string) => child.marks.some((mark) => mark.type.name === name);
    runs.push({ text: child.text ?? "", bold: has("bold"), italic: has("italic"), underline: has("underline"), strike: has("strike"), breakBefore });
    breakBefore = false;
  });
  return runs;
}

type Block =
  | { kind: "heading"; level: number; runs: Run[] }
  | {
      kind: "paragraph";
      runs: Run[];
      quote: boolean;
      /** List nesting: 0 outside lists. */
      depth: number;
      /** The bullet or number this paragraph starts with, if it opens a list item. */
      marker: { ordered: boolean; number: number; listIndex: number; start: number } | null;
    }
  | { kind: "rule" };

/** The note as a flat list of blocks, lists and quotes resolved into indentation and numbers. */
function blocksOf(doc: PmNode): Block[] {
  const blocks: Block[] = [];
  let lists = 0;
  type List = { ordered: boolean; depth: number; listIndex: number; start: number };
  /** One node; `list` is the list it sits in (its items' paragraphs are one level deeper). */
  const visit = (node: PmNode, index: number, quote: boolean, list: List | null): void => {
    const depth = list ? list.depth + 1 : 0;
    switch (node.type.name) {
      case "heading":
        blocks.push({ kind: "heading", level: Number(node.attrs.level) || 2, runs: runsOf(node) });
        break;
      case "paragraph":
        blocks.push({ kind: "paragraph", runs: runsOf(node), quote, depth, marker: null });
        break;
      case "horizontalRule":
        blocks.push({ kind: "rule" });
        break;
      case "blockquote":
        node.forEach((child, _offset, childIndex) => visit(child, childIndex, true, list));
        break;
      case "bulletList":
      case "orderedList": {
        lists += 1;
        const start = typeof node.attrs.start === "number" ? node.attrs.start : 1;
        const inner: List = { ordered: node.type.name === "orderedList", depth, listIndex: lists, start };
        node.forEach((child, _offset, childIndex) => visit(child, childIndex, quote, inner));
        break;
      }
      case "listItem":
        if (!list) break;
        // The item's first paragraph carries the bullet or number; what follows is indented.
        node.forEach((child, _offset, childIndex) => {
          if (childIndex === 0 && child.type.name === "paragraph") {
            const marker = { ordered: list.ordered, number: list.start + index, listIndex: list.listIndex, start: list.start };
            blocks.push({ kind: "paragraph", runs: runsOf(child), quote, depth, marker });
          } else {
            visit(child, childIndex, quote, list);
          }
        });
        break;
    }
  };
  doc.forEach((child, _offset, index) => visit(child, index, false, null));
  return blocks;
}

// ---------- Word ----------

function docxRuns(runs: Run[]): TextRun[] {
  return runs.map((run) => {
    const options: IRunOptions = {
      text: run.text,
      bold: run.bold || undefined,
      italics: run.italic || undefined,
      underline: run.underline ? {} : undefined,
      strike: run.strike || undefined,
      break: run.breakBefore ? 1 : undefined,
    };
    return new TextRun(options);
  });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

export async function noteToDocx(content: unknown, header: NoteFileHeader): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(header.title)] })];
  if (header.rule) children.push(new Paragraph({ children: [new TextRun({ text: header.rule, italics: true })] }));
  const blocks = blocksOf(noteDocument(content));
  const starts = new Map<number, number>();
  for (const block of blocks) if (block.kind === "paragraph" && block.marker?.ordered) starts.set(block.marker.listIndex, block.marker.start);
  for (const block of blocks) {
    if (block.kind === "heading") {
      children.push(new Paragraph({ heading: HEADINGS[Math.min(block.level, 4) - 1], children: docxRuns(block.runs) }));
    } else if (block.kind === "rule") {
      children.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } }, children: [] }));
    } else {
      const runs = docxRuns(block.quote ? block.runs.map((run) => ({ ...run, italic: true })) : block.runs);
      const level = Math.min(Math.max(block.depth - 1, 0), 8);
      if (block.marker?.ordered) {
        children.push(new Paragraph({ numbering: { reference: numberedReference(block.marker.listIndex), level }, children: runs }));
      } else if (block.marker) {
        children.push(new Paragraph({ bullet: { level }, children: runs }));
      } else {
        const left = 720 * block.depth + (block.quote ? 720 : 0);
        children.push(new Paragraph({ indent: left ? { left } : undefined, children: runs }));
      }
    }
  }
  const document = new Document({
    creator: APP,
    lastModifiedBy: APP,
    title: header.title,
    numbering: {
      config: [...starts].map(([listIndex, start]) => ({
        reference: numberedReference(listIndex),
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          start,
          format: LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
        })),
      })),
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

// ---------- PDF ----------

const FONTS = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
} as const;

function fontOf(run: Run): string {
  if (run.bold && run.italic) return FONTS.boldItalic;
  if (run.bold) return FONTS.bold;
  if (run.italic) return FONTS.italic;
  return FONTS.regular;
}

/** Writes runs as one flowing paragraph, switching fonts between runs. */
function writeRuns(pdf: PDFKit.PDFDocument, runs: Run[], options: PDFKit.Mixins.TextOptions, size: number): void {
  const parts = runs.length ? runs : [{ text: " ", bold: false, italic: false, underline: false, strike: false, breakBefore: false }];
  parts.forEach((run, index) => {
    const text = `${run.breakBefore ? "\n" : ""}${run.text}`;
    pdf.font(fontOf(run)).fontSize(size).text(text, {
      ...options,
      underline: run.underline,
      strike: run.strike,
      continued: index < parts.length - 1,
    });
  });
}

export async function noteToPdf(content: unknown, header: NoteFileHeader): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: 64,
    lang: header.language,
    info: { Title: header.title, Author: APP, Creator: APP, Producer: APP },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });

  pdf.font(FONTS.bold).fontSize(20).text(header.title);
  if (header.rule) pdf.moveDown(0.3).font(FONTS.italic).fontSize(10).text(header.rule);
  pdf.moveDown();
  const left = pdf.page.margins.left;
  for (const block of blocksOf(noteDocument(content))) {
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
      const markerRun: Run = { text: marker, bold: false, italic: false, underline: false, strike: false, breakBefore: false };
      writeRuns(pdf, marker ? [markerRun, ...runs] : runs, {
        paragraphGap: 6,
        width: pdf.page.width - pdf.page.margins.right - left - indent,
      }, 11);
      pdf.x = left;
    }
  }
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
