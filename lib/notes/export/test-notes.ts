import type { JSONContent } from "@tiptap/core";
import type { NoteReferences } from "../references";
import type { ExportHeader } from "./types";

/** Notes the export tests and the bench share: stored note JSON with its references. */
export const text = (value: string, marks: string[] = []): JSONContent => ({
  type: "text",
  text: value,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
export const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
export const heading = (value: string, level = 2): JSONContent => ({ type: "heading", attrs: { level }, content: [text(value)] });
export const lessonRef = (lessonId: string): JSONContent => ({ type: "lessonRef", attrs: { lessonId } });
export const citePassage = (passageId: string, quote = false): JSONContent => ({ type: "citation", attrs: { passageId, note: null, quote } });
export const citeText = (note: string): JSONContent => ({ type: "citation", attrs: { passageId: null, note, quote: false } });

export const GREEK = "Ειρηνευτικές αποστολές";
export const CYRILLIC = "Миротворческие операции";
/**
 * "The rule of law in Mali". Without the lam-alef ligature on purpose: pdf.js reads a ligature
 * glyph of right-to-left text back with its two letters swapped ("لا" as "ال"), a reading
 * artefact (the page shows it right); every other letter reads back in order.
 */
export const ARABIC = "سيادة القانون في مالي";

/**
 * The corpus note in small: two lesson paragraphs, a passage cited twice (one number, its quote
 * asked for), a free-text footnote, an orphaned passage, and a line in Greek, Cyrillic and Arabic.
 */
export function sampleNote(ids: { lessons: [string, string]; passages: [string, string] }): JSONContent {
  const [first, second] = ids.lessons;
  const [cited, orphaned] = ids.passages;
  return {
    type: "doc",
    content: [
      heading("Introduction"),
      paragraph(text("In April 2013, the Council authorized the mission."), citeText("UN Security Council Resolution 2100 (April 25, 2013), UN Doc. S/RES/2100.")),
      heading("Host-state consent"),
      paragraph(lessonRef(first), text("the mission lacked a peace to keep."), citePassage(cited, true)),
      paragraph(lessonRef(second), text("consent eroded after 2021."), citePassage(orphaned), text(" See also the review."), citePassage(cited)),
      paragraph(text(`${GREEK} — ${CYRILLIC} — ${ARABIC}`)),
      heading("Conclusion"),
      paragraph(text("Lessons from Mali could inform future operations.")),
    ],
  };
}

export const SAMPLE_CITATION = 'Jane Doe, "Assessing MINUSMA" (Oslo: NUPI, 2019), 12.';
export const SAMPLE_QUOTE = "the mission was never given a peace to keep";

/** References for {@link sampleNote} as the loader would give them. */
export function sampleReferences(ids: { lessons: [string, string]; passages: [string, string] }): NoteReferences {
  const [first, second] = ids.lessons;
  const [cited, orphaned] = ids.passages;
  const lesson = (lessonId: string, consensus: "general" | "few") => ({
    lessonId,
    state: "live" as const,
    consensus,
    phrase: "",
    statement: null,
    themeIds: [],
    mergedIntoId: null,
  });
  const passage = (passageId: string, orphanedPassage: boolean) => ({
    passageId,
    citation: orphanedPassage ? "Old report, 3." : SAMPLE_CITATION,
    sourceId: "source",
    sourceTitle: "Source",
    quote: orphanedPassage ? "words since removed" : SAMPLE_QUOTE,
    orphaned: orphanedPassage,
  });
  return {
    lessons: { [first]: lesson(first, "general"), [second]: lesson(second, "few") },
    passages: { [cited]: passage(cited, false), [orphaned]: passage(orphaned, true) },
  };
}

export const SAMPLE_IDS = { lessons: ["lesson1", "lesson2"], passages: ["passage1", "passage2"] } as { lessons: [string, string]; passages: [string, string] };

export const HEADER: ExportHeader = {
  title: "Lessons from Mali: meeting note",
  dateLine: "June 13, 2024, New York",
  rule: "The meeting was held under the Chatham House Rule.",
  methods: null,
  language: "en",
  labels: { notes: "Notes", methods: "Methods", flagged: "[passage no longer in the source]", quoted: "“{quote}”", backToText: "Back to the text of note {number}" },
};
