import { AlignmentType, BorderStyle, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type IRunOptions } from "docx";
import { blocksOf, plainRun, type Run } from "./blocks";
import { exportDocument } from "./document";
import { APP, footnoteParts, type ExportHeader, type ExportNote } from "./types";

/**
 * The resolved note as a Word file with real Word footnotes: the first citation of a footnote
 * is Word's footnote reference (Word numbers them in the order they appear, which is the
 * resolver's order: numbers are given at first citation), a later citation of the same footnote
 * a superscript run of its number in Word's footnote reference style. Metadata names the
 * application, never a person.
 */

/** Each numbered list gets its own numbering definition, which carries its first number. */
const numberedReference = (listIndex: number) => `note-numbered-${listIndex}`;

/** `notes`: the footnotes the file defines (a reference to any other would damage the file). */
function docxRuns(runs: Run[], notes: ReadonlySet<number> = new Set()): (TextRun | FootnoteReferenceRun)[] {
  return runs.map((run) => {
    if (run.footnote?.occurrence === 1 && notes.has(run.footnote.number)) return new FootnoteReferenceRun(run.footnote.number);
    if (run.footnote) return new TextRun({ text: run.text, style: "FootnoteReference", superScript: true });
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

function bodyParagraphs(doc: unknown, notes: ReadonlySet<number>): { children: Paragraph[]; starts: Map<number, number> } {
  const blocks = blocksOf(exportDocument(doc));
  const starts = new Map<number, number>();
  for (const block of blocks) if (block.kind === "paragraph" && block.marker?.ordered) starts.set(block.marker.listIndex, block.marker.start);
  const children: Paragraph[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") {
      children.push(new Paragraph({ heading: HEADINGS[Math.min(block.level, 4) - 1], children: docxRuns(block.runs, notes) }));
    } else if (block.kind === "rule") {
      children.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } }, children: [] }));
    } else {
      const runs = docxRuns(block.quote ? block.runs.map((run) => ({ ...run, italic: true })) : block.runs, notes);
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
  return { children, starts };
}

/** The footnotes as Word wants them: id → paragraphs, the id being the footnote's number. */
function wordFootnotes(note: ExportNote, header: ExportHeader): Record<string, { children: Paragraph[] }> {
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const parts of footnoteParts(note.footnotes, header.labels)) {
    const runs = [plainRun(parts.text), ...(parts.quote ? [plainRun(` ${parts.quote}`)] : []), ...(parts.flag ? [plainRun(` ${parts.flag}`, { italic: true })] : [])];
    footnotes[String(parts.number)] = { children: [new Paragraph({ children: docxRuns(runs) })] };
  }
  return footnotes;
}

export async function noteToDocx(note: ExportNote, header: ExportHeader): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(header.title)] })];
  if (header.dateLine) children.push(new Paragraph({ children: [new TextRun(header.dateLine)] }));
  if (header.rule) children.push(new Paragraph({ children: [new TextRun({ text: header.rule, italics: true })] }));
  const footnotes = wordFootnotes(note, header);
  const body = bodyParagraphs(note.doc, new Set(Object.keys(footnotes).map(Number)));
  children.push(...body.children);
  if (header.methods) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(header.labels.methods)] }));
    children.push(new Paragraph({ children: [new TextRun(header.methods)] }));
  }
  const document = new Document({
    creator: APP,
    lastModifiedBy: APP,
    title: header.title,
    footnotes,
    numbering: {
      config: [...body.starts].map(([listIndex, start]) => ({
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
