/**
 * Resolving and exporting a large meeting note on the server: a 50,000-character note with 100
 * lesson references and 200 footnotes (150 passages, one of them cited twice, and 50 free-text
 * footnotes; a few orphaned), in corpus sentences with a Greek, Cyrillic and Arabic line. Times
 * `resolveNote` against references already loaded, then each export format from the resolved
 * note (Markdown, HTML, Word, PDF with its embedded font): p50 and p95 over repeated runs, after
 * a warm-up. The database work of an export (one note row, its lessons and passages) is the
 * references loader's and is not counted here.
 */
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { resolveNote } from "../lib/notes/resolve-note";
import type { NoteReferences } from "../lib/notes/references";
import { noteToMarkdown } from "../lib/notes/export/markdown";
import { noteToHtml } from "../lib/notes/export/html";
import { noteToDocx } from "../lib/notes/export/docx";
import { noteToPdf } from "../lib/notes/export/pdf";
import { ARABIC, CYRILLIC, GREEK, HEADER, citePassage, citeText, heading, lessonRef, paragraph, text } from "../lib/notes/export/test-notes";
import type { Bench, BenchRow } from "./run";
import { percentile } from "./support/databases";
import { corpusSentences } from "./support/large-note";

const TARGET_CHARS = 50_000;
const LESSON_REFS = 100;
const PASSAGES = 150;
const FREE_TEXT = 50;
const RUNS = 12;
const WARM_UP = 2;

/** The note and its references; its plain text is about {@link TARGET_CHARS} characters. */
function largeNote(): { content: JSONContent; references: NoteReferences; chars: number } {
  const sentences = corpusSentences(path.resolve("."));
  let next = 0;
  const sentence = () => sentences[next++ % sentences.length]!;
  const references: NoteReferences = { lessons: {}, passages: {} };
  const citations: JSONContent[] = [];
  for (let i = 0; i < PASSAGES; i += 1) {
    const passageId = `passage${i}`;
    references.passages[passageId] = { passageId, citation: `Author ${i}, "Report ${i}" (Publisher, 2024), ${i + 1}.`, sourceId: `source${i % 12}`, sourceTitle: `Report ${i}`, quote: sentence(), orphaned: i % 37 === 0 };
    citations.push(citePassage(passageId, i % 3 === 0));
  }
  for (let i = 0; i < FREE_TEXT; i += 1) citations.push(citeText(`UN Security Council Resolution ${2100 + i} (2013), UN Doc. S/RES/${2100 + i}.`));
  citations.push(citePassage("passage0"));
  const blocks: JSONContent[] = [heading("Introduction")];
  let chars = 0;
  for (let i = 0; i < LESSON_REFS; i += 1) {
    if (i % 10 === 0) blocks.push(heading(`Theme ${i / 10 + 1}`));
    const lessonId = `lesson${i}`;
    references.lessons[lessonId] = { lessonId, state: "live", consensus: (["general", "many", "several", "few", "one"] as const)[i % 5]!, phrase: "", statement: sentence(), themeIds: [], mergedIntoId: null };
    const content: JSONContent[] = [lessonRef(lessonId), text(sentence().replace(/^\w/, (c) => c.toLowerCase()))];
    while (chars + content.reduce((sum, node) => sum + (node.text?.length ?? 0), 0) < ((i + 1) * TARGET_CHARS) / LESSON_REFS - 40) {
      content.push(text(` ${sentence()}`));
      if (citations.length && content.length % 2 === 0) content.push(citations.shift()!);
    }
    for (const node of content) chars += node.text?.length ?? 0;
    blocks.push(paragraph(...content));
  }
  // Footnotes not placed yet go in the conclusion.
  blocks.push(heading("Conclusion"), paragraph(text(`${GREEK} — ${CYRILLIC} — ${ARABIC}.`), ...citations.splice(0)));
  return { content: { type: "doc", content: blocks }, references, chars };
}

async function timed(run: () => unknown): Promise<{ p50: number; p95: number; size: number }> {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < WARM_UP + RUNS; i += 1) {
    const started = performance.now();
    const result = await run();
    if (i >= WARM_UP) times.push(performance.now() - started);
    size = typeof result === "string" ? Buffer.byteLength(result) : result instanceof Uint8Array ? result.byteLength : 0;
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), size };
}

const bench: Bench = async () => {
  const { content, references, chars } = largeNote();
  const resolved = resolveNote(content, references, { locale: "en" });
  const header = { ...HEADER, methods: "Methods sentence." };
  const steps: [string, () => unknown][] = [
    ["resolve (resolveNote)", () => resolveNote(content, references, { locale: "en" })],
    ["export Markdown", () => noteToMarkdown(resolved, header)],
    ["export HTML", () => noteToHtml(resolved, header)],
    ["export Word (.docx)", () => noteToDocx(resolved, header)],
    ["export PDF", () => noteToPdf(resolved, header)],
  ];
  const rows: BenchRow[] = [];
  for (const [step, run] of steps) {
    const { p50, p95, size } = await timed(run);
    rows.push({ step, "p50 ms": p50.toFixed(1), "p95 ms": p95.toFixed(1), "output KB": size ? (size / 1024).toFixed(0) : "" });
  }
  return {
    title: "Meeting note: resolve and export",
    rows,
    notes: [
      `${chars.toLocaleString("en")} characters of text, ${resolved.lessonIds.length} lesson references, ${resolved.footnotes.length} footnotes (${resolved.footnotes.filter((footnote) => footnote.flagged).length} flagged)`,
      `${RUNS} runs after ${WARM_UP} warm-up runs each; references already loaded (no database)`,
    ],
  };
};

export default bench;
