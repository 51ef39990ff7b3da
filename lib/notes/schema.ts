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
] as const;

export const NOTE_MARKS = ["bold", "italic", "underline", "strike"] as const;

/** Node attributes the editor writes (heading level; ordered list start and type). */
export const NOTE_ATTRIBUTES = ["level", "start", "type"] as const;

export const HEADING_LEVELS = [2, 3, 4] as const;

/** One update (one editor's changes over a short moment, or a large paste). */
export const MAX_NOTE_UPDATE_BYTES = 512 * 1024;

/** The whole note, as stored: far beyond any meeting note, small enough to load at once. */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** Colours of other people's carets; a caret carries a colour and a position, nothing else. */
export const CARET_COLORS = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f"] as const;
