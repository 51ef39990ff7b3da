import type { Node as PmNode } from "@tiptap/pm/model";

/**
 * The export document (./document.ts) as a flat list of blocks of styled runs, which Word and
 * PDF lay out: lists and quotes resolved into indentation and numbers, footnote markers kept as
 * runs of their own.
 */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** A line break before this run (a hard break in the note). */
  breakBefore: boolean;
  /** A footnote marker (its text is the number): its number and which citation of it this is. */
  footnote: { number: number; occurrence: number } | null;
}

/** A run of plain text in one style. */
export function plainRun(text: string, style: Partial<Pick<Run, "bold" | "italic">> = {}): Run {
  return { text, bold: false, italic: false, underline: false, strike: false, breakBefore: false, footnote: null, ...style };
}

/** A block's inline content as runs of one style each. */
export function runsOf(block: PmNode): Run[] {
  const runs: Run[] = [];
  let breakBefore = false;
  block.forEach((child) => {
    if (child.type.name === "hardBreak") {
      breakBefore = true;
      return;
    }
    const has = (name: string) => child.marks.some((mark) => mark.type.name === name);
    const style = { bold: has("bold"), italic: has("italic"), underline: has("underline"), strike: has("strike"), breakBefore };
    if (child.type.name === "footnoteMarker") {
      const footnote = { number: Number(child.attrs.number), occurrence: Number(child.attrs.occurrence) };
      runs.push({ ...style, underline: false, strike: false, text: String(footnote.number), footnote });
    } else if (child.isText) {
      runs.push({ ...style, text: child.text ?? "", footnote: null });
    } else {
      return;
    }
    breakBefore = false;
  });
  return runs;
}

export type Block =
  | { kind: "heading"; level: number; runs: Run[] }
  | {
      kind: "paragraph";
      runs: Run[];
      quote: boolean;
      /** List nesting: 0 outside lists. */
      depth: number;
      /** The bullet or number this paragraph starts with, if it opens a list item. */
      marker: { ordered: boolean; number: number; listIndex: number; start: number } | null;
    }
  | { kind: "rule" };

/** The note as a flat list of blocks, lists and quotes resolved into indentation and numbers. */
export function blocksOf(doc: PmNode): Block[] {
  const blocks: Block[] = [];
  let lists = 0;
  type List = { ordered: boolean; depth: number; listIndex: number; start: number };
  /** One node; `list` is the list it sits in (its items' paragraphs are one level deeper). */
  const visit = (node: PmNode, index: number, quote: boolean, list: List | null): void => {
    const depth = list ? list.depth + 1 : 0;
    switch (node.type.name) {
      case "heading":
        blocks.push({ kind: "heading", level: Number(node.attrs.level) || 2, runs: runsOf(node) });
        break;
      case "paragraph":
        blocks.push({ kind: "paragraph", runs: runsOf(node), quote, depth, marker: null });
        break;
      case "horizontalRule":
        blocks.push({ kind: "rule" });
        break;
      case "blockquote":
        node.forEach((child, _offset, childIndex) => visit(child, childIndex, true, list));
        break;
      case "bulletList":
      case "orderedList": {
        lists += 1;
        const start = typeof node.attrs.start === "number" ? node.attrs.start : 1;
        const inner: List = { ordered: node.type.name === "orderedList", depth, listIndex: lists, start };
        node.forEach((child, _offset, childIndex) => visit(child, childIndex, quote, inner));
        break;
      }
      case "listItem":
        if (!list) break;
        // The item's first paragraph carries the bullet or number; what follows is indented.
        node.forEach((child, _offset, childIndex) => {
          if (childIndex === 0 && child.type.name === "paragraph") {
            const marker = { ordered: list.ordered, number: list.start + index, listIndex: list.listIndex, start: list.start };
            blocks.push({ kind: "paragraph", runs: runsOf(child), quote, depth, marker });
          } else {
            visit(child, childIndex, quote, list);
          }
        });
        break;
    }
  };
  doc.forEach((child, _offset, index) => visit(child, index, false, null));
  return blocks;
}
