import type { Node as PmNode } from "@tiptap/pm/model";
import { MarkdownSerializer, defaultMarkdownSerializer } from "prosemirror-markdown";
import { exportDocument, exportSchema } from "./document";
import { footnoteParts, type ExportHeader, type ExportNote } from "./types";

const defaults = defaultMarkdownSerializer.nodes;
const serializer = new MarkdownSerializer(
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
    // A footnote reference, defined at the end of the file (the common `[^n]` extension).
    footnoteMarker: (state, node) => state.write(`[^${Number(node.attrs.number)}]`),
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

function serialize(doc: PmNode): string {
  return serializer.serialize(doc, { tightLists: true });
}

/** Words as one escaped Markdown line, a part in italics when asked. */
function line(...parts: { text: string; italic?: boolean }[]): string {
  const italic = exportSchema.marks.italic!.create();
  const content = parts.filter((part) => part.text).map((part) => exportSchema.text(part.text, part.italic ? [italic] : []));
  return serialize(exportSchema.node("doc", null, [exportSchema.node("paragraph", null, content)]));
}

/** The note's body alone, as Markdown. */
export function noteBodyToMarkdown(doc: unknown): string {
  return serialize(exportDocument(doc));
}

/**
 * The resolved note as a Markdown file: title, date and place, the rule, the body, the optional
 * methods paragraph, then the footnote definitions (`[^1]: …`) in number order.
 */
export function noteToMarkdown(note: ExportNote, header: ExportHeader): string {
  const blocks = [`# ${line({ text: header.title })}`];
  if (header.dateLine) blocks.push(line({ text: header.dateLine }));
  if (header.rule) blocks.push(line({ text: header.rule, italic: true }));
  const body = noteBodyToMarkdown(note.doc);
  if (body.trim()) blocks.push(body);
  if (header.methods) blocks.push(`## ${line({ text: header.labels.methods })}`, line({ text: header.methods }));
  const notes = footnoteParts(note.footnotes, header.labels).map((parts) => {
    const words = line({ text: parts.text }, { text: parts.quote ? ` ${parts.quote}` : "" }, { text: parts.flag ? " " : "" }, { text: parts.flag ?? "", italic: true });
    return `[^${parts.number}]: ${words}`;
  });
  if (notes.length) blocks.push(notes.join("\n"));
  return `${blocks.join("\n\n")}\n`;
}
