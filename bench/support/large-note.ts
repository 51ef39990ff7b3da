/**
 * The large meeting note over real ids: about 50,000 characters of corpus sentences in
 * ten theme sections, 100 lesson references (each followed by its statement) and 200 footnotes
 * (150 passages, 50 free-text notes, one passage cited twice).
 */
import fs from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { citePassage, citeText, heading, lessonRef, paragraph, text } from "../../lib/notes/export/test-notes";

export const LARGE_NOTE_CHARS = 50_000;
export const LARGE_NOTE_FREE_TEXT = 50;

/** Sentences of the corpus meeting report, 40 to 300 characters long. */
/** Sentences of the corpus (the MINUSMA note unless `files` says otherwise), for text that reads like the real one. */
export function corpusSentences(
  root: string,
  { files = ["ipi-emerging-lessons-from-minusma-2024.md"], maxLength = 300 }: { files?: string[]; maxLength?: number } = {},
): string[] {
  const corpus = files.map((file) => fs.readFileSync(path.join(root, "prisma/seed/corpus", file), "utf8")).join("\n");
  return corpus
    .replace(/<[^>]+>|[#*_]/g, "")
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => sentence.length >= 40 && sentence.length <= maxLength);
}

/**
 * The note: one paragraph per lesson (`lessons` ids, statements from `statementOf`), filled with
 * sentences to about {@link LARGE_NOTE_CHARS} characters, footnotes to `passageIds` and
 * {@link LARGE_NOTE_FREE_TEXT} free texts spread through them; those not placed go in the conclusion.
 */
export function largeNoteContent(sentences: string[], lessonIds: string[], passageIds: string[]): { content: JSONContent; chars: number } {
  let next = 0;
  const sentence = () => sentences[next++ % sentences.length]!;
  const citations: JSONContent[] = passageIds.map((passageId, i) => citePassage(passageId, i % 3 === 0));
  for (let i = 0; i < LARGE_NOTE_FREE_TEXT; i += 1) citations.push(citeText(`UN Security Council Resolution ${2100 + i} (2013), UN Doc. S/RES/${2100 + i}.`));
  citations.push(citePassage(passageIds[0]!));
  const blocks: JSONContent[] = [heading("Introduction")];
  let chars = 0;
  lessonIds.forEach((lessonId, i) => {
    if (i % 10 === 0) blocks.push(heading(`Theme ${i / 10 + 1}`));
    const content: JSONContent[] = [lessonRef(lessonId), text(` ${sentence().replace(/^\w/, (c) => c.toLowerCase())}`)];
    const length = () => content.reduce((sum, node) => sum + (node.text?.length ?? 0), 0);
    while (chars + length() < ((i + 1) * LARGE_NOTE_CHARS) / lessonIds.length - 40) {
      content.push(text(` ${sentence()}`));
      if (citations.length && content.length % 2 === 0) content.push(citations.shift()!);
    }
    chars += length();
    blocks.push(paragraph(...content));
  });
  blocks.push(heading("Conclusion"), paragraph(text("Lessons from Mali could inform future operations."), ...citations.splice(0)));
  return { content: { type: "doc", content: blocks }, chars };
}
