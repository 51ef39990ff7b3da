import type { JSONContent } from "@tiptap/core";

/**
 * The note's words as plain text, for search: one line per block of text (paragraph, heading,
 * list item's paragraph, quoted paragraph), in document order. A free-text footnote (`citation`
 * with a `note`) contributes its text where it stands; a footnote to a passage and a lesson
 * reference contribute nothing (their words are resolved when the note is searched or shown).
 */
export function notePlainText(content: JSONContent): string {
  const lines: string[] = [];
  collect(content, lines);
  return lines.join("\n");
}

const INLINE = new Set(["text", "hardBreak", "citation", "lessonRef"]);

function collect(node: JSONContent, lines: string[]): void {
  const children = node.content ?? [];
  if (children.some((child) => INLINE.has(child.type ?? ""))) {
    const line = children.map(inlineText).join("").replace(/[ \t]+/g, " ").trim();
    if (line) lines.push(...line.split("\n").map((part) => part.trim()).filter(Boolean));
    return;
  }
  for (const child of children) collect(child, lines);
}

function inlineText(node: JSONContent): string {
  switch (node.type) {
    case "text":
      return node.text ?? "";
    case "hardBreak":
      return "\n";
    case "citation": {
      const note = node.attrs?.note;
      return typeof note === "string" && note.trim() ? ` ${note.trim()} ` : "";
    }
    default:
      return "";
  }
}
