import type { JSONContent } from "@tiptap/core";
import type { Locale } from "@/i18n/config";
import type { ConsensusClass } from "@/lib/consensus/consensus";
import { consensusWording } from "@/lib/consensus/wording";
import { noteWording } from "./note-wording";
import type { LessonReference, NoteReferences, ResolvedFootnote } from "./references";

/**
 * The one resolver of the note's references, used by the editor, every export and search: it
 * fills in what the stored note never holds (consensus phrases, footnote numbers, citations,
 * quotes) from the references loaded for it. Pure and client-safe.
 *
 * Footnotes are numbered in document order; citations of the same passage, or of the same free
 * text, share the number of the first. Numbers are computed each time, so they follow the text
 * when it moves. A citation of an orphaned or unknown passage keeps its footnote, flagged.
 */

export interface ResolvedNote {
  /** The editor JSON with lessonRef nodes given attrs.phrase and attrs.state, citation nodes attrs.number and attrs.flagged. */
  doc: JSONContent;
  footnotes: ResolvedFootnote[];
  /** The lessons the note refers to, each once, in document order. */
  lessonIds: string[];
}

export interface ReferencedIds {
  lessonIds: string[];
  passageIds: string[];
}

type Node = JSONContent;

function stringAttr(node: Node, name: string): string | null {
  const value = node.attrs?.[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** Visits every node of a stored note's JSON in document order. */
function walk(node: unknown, visit: (node: Node) => void): void {
  if (!node || typeof node !== "object") return;
  const current = node as Node;
  visit(current);
  if (Array.isArray(current.content)) for (const child of current.content) walk(child, visit);
}

/** The lessons and passages a note refers to, each once, in document order. */
export function referencedIds(content: unknown): ReferencedIds {
  const lessonIds = new Set<string>();
  const passageIds = new Set<string>();
  walk(content, (node) => {
    if (node.type === "lessonRef") {
      const id = stringAttr(node, "lessonId");
      if (id) lessonIds.add(id);
    } else if (node.type === "citation") {
      const id = stringAttr(node, "passageId");
      if (id) passageIds.add(id);
    }
  });
  return { lessonIds: [...lessonIds], passageIds: [...passageIds] };
}

/**
 * The phrase that opens a lesson's paragraph: the consensus lead for its class, a placeholder
 * while stances are held, a flagged placeholder when the lesson is missing. Frozen references
 * keep the wording they were frozen with.
 */
export function lessonPhrase(
  reference: Pick<LessonReference, "state" | "consensus" | "phrase"> | undefined,
  locale: Locale,
): { phrase: string; state: LessonReference["state"] } {
  if (!reference || reference.state === "missing") return { phrase: noteWording(locale).missingLead, state: "missing" };
  if (reference.state === "held") return { phrase: noteWording(locale).heldLead, state: "held" };
  if (reference.state === "frozen") {
    return { phrase: reference.phrase || phraseOf(reference.consensus, locale), state: "frozen" };
  }
  return { phrase: phraseOf(reference.consensus, locale), state: "live" };
}

function phraseOf(consensus: ConsensusClass | null, locale: Locale): string {
  return consensusWording(consensus ?? "none", locale).lead;
}

interface FootnoteKey {
  key: string;
  footnote: Omit<ResolvedFootnote, "number">;
  wantsQuote: boolean;
}

function footnoteOf(node: Node, references: NoteReferences, locale: Locale): FootnoteKey {
  const passageId = stringAttr(node, "passageId");
  const wantsQuote = node.attrs?.quote === true;
  if (passageId) {
    const passage = references.passages[passageId];
    return {
      key: `passage:${passageId}`,
      wantsQuote,
      footnote: {
        kind: "passage",
        passageId,
        text: passage?.citation ?? noteWording(locale).missingPassage,
        quote: null,
        flagged: !passage || passage.orphaned,
      },
    };
  }
  const text = (stringAttr(node, "note") ?? "").trim();
  // An empty free-text footnote is kept (and flagged) so that its marker still has a number.
  return { key: `text:${text}`, wantsQuote: false, footnote: { kind: "text", passageId: null, text, quote: null, flagged: text === "" } };
}

/**
 * Resolves a stored note (editor JSON) against its references, in the note's language. The
 * input is not modified.
 */
export function resolveNote(content: unknown, references: NoteReferences, { locale }: { locale: Locale }): ResolvedNote {
  const footnotes: ResolvedFootnote[] = [];
  const numbers = new Map<string, number>();
  const lessonIds = new Set<string>();

  const resolve = (node: Node): Node => {
    if (node.type === "lessonRef") {
      const lessonId = stringAttr(node, "lessonId");
      if (lessonId) lessonIds.add(lessonId);
      const { phrase, state } = lessonPhrase(lessonId ? references.lessons[lessonId] : undefined, locale);
      return { ...node, attrs: { ...node.attrs, phrase, state } };
    }
    if (node.type === "citation") {
      const { key, footnote, wantsQuote } = footnoteOf(node, references, locale);
      let number = numbers.get(key);
      if (number === undefined) {
        number = footnotes.length + 1;
        numbers.set(key, number);
        footnotes.push({ ...footnote, number });
      }
      const entry = footnotes[number - 1]!;
      // One citation of a passage asking for its quote is enough for the footnote to carry it.
      if (wantsQuote && entry.passageId) entry.quote = references.passages[entry.passageId]?.quote ?? null;
      return { ...node, attrs: { ...node.attrs, number, flagged: entry.flagged } };
    }
    return Array.isArray(node.content) ? { ...node, content: node.content.map(resolve) } : node;
  };

  const doc = content && typeof content === "object" ? resolve(content as Node) : { type: "doc", content: [] };
  return { doc, footnotes, lessonIds: [...lessonIds] };
}
