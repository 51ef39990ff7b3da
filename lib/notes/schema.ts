/**
 * What the meeting note may contain. The editor is configured from these lists, and the server
 * refuses any Yjs update that brings anything else (another node or mark, an embed, a second
 * shared type such as a "users" map that would tie clients to people).
 */

/** The shared XmlFragment the editor binds to (Tiptap's default field name). */
export const NOTE_FRAGMENT = "default";

export const NOTE_NODES = [
  "paragraph",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "blockquote",
  "horizontalRule",
  "hardBreak",
  "lessonRef",
  "citation",
] as const;

export type NoteNodeName = (typeof NOTE_NODES)[number];

export const NOTE_MARKS = ["bold", "italic", "underline", "strike"] as const;

export const HEADING_LEVELS = [2, 3, 4] as const;

/** A database id as reference nodes hold it (cuid2: lowercase letters and digits). */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** A free-text footnote (the corpus note cites UN resolutions this way). */
export const MAX_FOOTNOTE_NOTE_LENGTH = 1000;

/** Whether one attribute value may be stored; null (attribute unset) is always allowed. */
export type AttributeRule = (value: unknown) => boolean;

const isReferenceId: AttributeRule = (value) => typeof value === "string" && ID_PATTERN.test(value);
const isShortString: AttributeRule = (value) => typeof value === "string" && value.length <= 32;

/**
 * The attributes each node may carry, with what each value may be: exactly what the editor
 * writes (heading level; ordered list start and type; a lesson reference's lesson; a citation's
 * passage or free text, and whether to quote). Nodes not listed carry none. Phrases, footnote
 * numbers and quotes are never stored: the resolver computes them when the note is shown.
 */
export const NOTE_NODE_ATTRIBUTES: Readonly<Partial<Record<NoteNodeName, Readonly<Record<string, AttributeRule>>>>> = {
  heading: { level: (value) => (HEADING_LEVELS as readonly unknown[]).includes(value) },
  orderedList: {
    start: (value) => typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= 1_000_000,
    type: isShortString,
  },
  lessonRef: { lessonId: isReferenceId },
  citation: {
    passageId: isReferenceId,
    note: (value) => typeof value === "string" && value.length <= MAX_FOOTNOTE_NOTE_LENGTH,
    quote: (value) => typeof value === "boolean",
  },
};

/** One update (one editor's changes over a short moment, or a large paste). */
export const MAX_NOTE_UPDATE_BYTES = 512 * 1024;

/** The whole note, as stored: far beyond any meeting note, small enough to load at once. */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** Colours of other people's carets; a caret carries a colour and a position, nothing else. */
export const CARET_COLORS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"] as const;
