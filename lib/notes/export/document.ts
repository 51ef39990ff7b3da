import { Node, getSchema, mergeAttributes, type JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { noteContentExtensions } from "../editor-extensions";

/**
 * A resolved note (see ../resolve-note.ts) as a document every export walks. Exports show the
 * note as read, not as edited: a `lessonRef` becomes its resolved phrase as plain text, a
 * `citation` becomes a footnote marker carrying its computed number. The marker is an
 * export-only node, added to the note's own schema here so that the Markdown and HTML
 * serializers, Word and PDF all read one document; anything the schema does not know is dropped.
 */
export const FootnoteMarker = Node.create({
  name: "footnoteMarker",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes() {
    return {
      number: { default: 0, rendered: false },
      /** 1 for the first citation of this footnote, 2 for the second, and so on. */
      occurrence: { default: 1, rendered: false },
    };
  },
  renderHTML({ node, HTMLAttributes }) {
    const number = Number(node.attrs.number);
    const occurrence = Number(node.attrs.occurrence);
    const id = occurrence > 1 ? `fnref-${number}-${occurrence}` : `fnref-${number}`;
    return ["sup", mergeAttributes(HTMLAttributes, { class: "footnote-ref" }), ["a", { href: `#fn-${number}`, id }, String(number)]];
  },
});

export function exportExtensions() {
  return [...noteContentExtensions(), FootnoteMarker];
}

export const exportSchema = getSchema(exportExtensions());

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

/** The resolved note's editor JSON with reference nodes turned into what an export shows. */
export function exportJson(doc: unknown): JSONContent {
  const seen = new Map<number, number>();
  const phrases = new WeakSet<JSONContent>();
  const visit = (node: JSONContent): JSONContent[] => {
    if (node.type === "lessonRef") {
      const phrase = typeof node.attrs?.phrase === "string" ? node.attrs.phrase : "";
      if (!phrase) return [];
      const text: JSONContent = { type: "text", text: phrase, ...(node.marks?.length ? { marks: node.marks } : {}) };
      phrases.add(text);
      return [text];
    }
    if (node.type === "citation") {
      const number = Number(node.attrs?.number);
      if (!Number.isInteger(number) || number < 1) return [];
      const occurrence = (seen.get(number) ?? 0) + 1;
      seen.set(number, occurrence);
      return [{ type: "footnoteMarker", attrs: { number, occurrence } }];
    }
    if (!node.content) return [node];
    return [{ ...node, content: spaced(node.content.flatMap(visit), phrases) }];
  };
  if (!doc || typeof doc !== "object") return EMPTY_DOC;
  return visit(doc as JSONContent)[0] ?? EMPTY_DOC;
}

/**
 * A phrase followed by the statement's text with no space between ("agreed thatthe mission"):
 * the phrase ends with one.
 */
function spaced(content: JSONContent[], phrases: WeakSet<JSONContent>): JSONContent[] {
  return content.map((node, index) => {
    const next = content[index + 1];
    if (!phrases.has(node) || next?.type !== "text" || !node.text || !next.text) return node;
    return /\s$/.test(node.text) || /^[\s.,;:!?)]/.test(next.text) ? node : { ...node, text: `${node.text} ` };
  });
}

/** The resolved note as a document of the export schema (an empty note if it does not fit). */
export function exportDocument(doc: unknown): PmNode {
  try {
    return exportSchema.nodeFromJSON(exportJson(doc));
  } catch {
    // Stored JSON that no longer fits the schema: an empty note rather than a failed export.
    return exportSchema.nodeFromJSON(EMPTY_DOC);
  }
}
