import { getSchema, type JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer";
import { MarkdownSerializer, defaultMarkdownSerializer } from "prosemirror-markdown";
import { noteContentExtensions } from "./editor-extensions";

/**
 * The note's editor JSON to Markdown and to an HTML fragment, through the editor's own schema:
 * anything the schema does not know is dropped, text is escaped by the serializers.
 */
const schema = getSchema(noteContentExtensions());

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

/** The stored JSON as a document of the note's schema (an empty note if it does not fit). */
export function noteDocument(content: unknown) {
  try {
    return schema.nodeFromJSON(content ?? EMPTY_DOC);
  } catch {
    // Stored JSON that no longer fits the schema: an empty note rather than a failed export.
    return schema.nodeFromJSON(EMPTY_DOC);
  }
}

const defaults = defaultMarkdownSerializer.nodes;
const markdown = new MarkdownSerializer(
  {
    doc: (state, node) => state.renderContent(node),
    paragraph: defaults.paragraph!,
    heading: defaults.heading!,
    blockquote: defaults.blockquote!,
    horizontalRule: defaults.horizontal_rule!,
    hardBreak: defaults.hard_break!,
    bulletList: defaults.bullet_list!,
    // Tiptap names the first number `start` where prosemirror-markdown expects `order`.
    orderedList: (state, node) => {
      const start = typeof node.attrs.start === "number" ? node.attrs.start : 1;
      const width = String(start + node.childCount - 1).length;
      state.renderList(node, state.repeat(" ", width + 2), (index) => {
        const number = String(start + index);
        return `${state.repeat(" ", width - number.length)}${number}. `;
      });
    },
    listItem: defaults.list_item!,
    text: defaults.text!,
  },
  {
    bold: defaultMarkdownSerializer.marks.strong!,
    italic: defaultMarkdownSerializer.marks.em!,
    strike: { open: "~~", close: "~~", mixable: true, expelEnclosingWhitespace: true },
    // Markdown has no underline; the words stay, the underline goes.
    underline: { open: "", close: "", mixable: true },
  },
  // Angle brackets escaped too: a Markdown viewer must show a typed "<script>", not run it.
  { escapeExtraCharacters: /[<>]/g, hardBreakNodeName: "hardBreak" },
);

export function noteToMarkdown(content: unknown): string {
  return markdown.serialize(noteDocument(content), { tightLists: true });
}

export function noteToHtml(content: unknown): string {
  return renderToHTMLString({ extensions: noteContentExtensions(), content: noteDocument(content).toJSON() as JSONContent });
}
