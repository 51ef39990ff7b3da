import { mergeAttributes, Node } from "@tiptap/core";

/**
 * The note's two reference nodes. Both are inline atoms that hold ids only; what they show (a
 * lesson's consensus phrase, a footnote's number) is computed by the resolver
 * (./resolve-note.ts) when the note is shown or exported, never stored.
 *
 * - `lessonRef` `{ lessonId }` opens a paragraph with the lesson's live consensus phrase; the
 *   lesson's statement follows as ordinary text.
 * - `citation` `{ passageId, note, quote }` is a footnote marker citing a passage, or a free-text
 *   footnote (`note`); `quote` asks the footnote to include the quoted passage.
 *
 * With `resolved: true` the nodes also accept the resolver's display attributes (phrase, state;
 * number, flagged) so that a resolved document renders with them (exports, read-only views).
 * Never give the resolved variant to a collaborative editor: its attributes would be synced into
 * the note, and the server refuses them.
 */
export interface ReferenceNodeOptions {
  resolved: boolean;
  HTMLAttributes: Record<string, string>;
}

function displayAttribute(resolved: boolean, name: string) {
  return resolved ? { [name]: { default: null, rendered: false } } : {};
}

function stringOrNull(value: string | null): string | null {
  return value === null || value === "" ? null : value;
}

/** What both nodes are: inline atoms, selected whole (a keyboard can select and delete one), never dragged. */
const INLINE_ATOM = {
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addOptions(): ReferenceNodeOptions {
    return { resolved: false, HTMLAttributes: {} };
  },
} as const;

export const LessonRef = Node.create<ReferenceNodeOptions>({
  name: "lessonRef",
  ...INLINE_ATOM,

  addAttributes() {
    return {
      lessonId: {
        default: null,
        parseHTML: (element) => stringOrNull(element.getAttribute("data-lesson-ref")),
        renderHTML: (attributes) => ({ "data-lesson-ref": attributes.lessonId }),
      },
      ...displayAttribute(this.options.resolved, "phrase"),
      ...displayAttribute(this.options.resolved, "state"),
    };
  },

  parseHTML() {
    return [{ tag: "span[data-lesson-ref]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const phrase = typeof node.attrs.phrase === "string" ? node.attrs.phrase : null;
    const state = typeof node.attrs.state === "string" ? node.attrs.state : null;
    const attributes = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
      class: "note-lesson-ref",
      ...(state ? { "data-state": state } : {}),
    });
    return phrase === null ? ["span", attributes] : ["span", attributes, phrase];
  },

  renderText({ node }) {
    return typeof node.attrs.phrase === "string" ? node.attrs.phrase : "";
  },
});

export const Citation = Node.create<ReferenceNodeOptions>({
  name: "citation",
  ...INLINE_ATOM,

  addAttributes() {
    return {
      passageId: {
        default: null,
        parseHTML: (element) => stringOrNull(element.getAttribute("data-passage-id")),
        renderHTML: (attributes) => (attributes.passageId ? { "data-passage-id": attributes.passageId } : {}),
      },
      note: {
        default: null,
        parseHTML: (element) => stringOrNull(element.getAttribute("data-note")),
        renderHTML: (attributes) => (attributes.note ? { "data-note": attributes.note } : {}),
      },
      quote: {
        default: false,
        parseHTML: (element) => element.getAttribute("data-quote") === "true",
        renderHTML: (attributes) => (attributes.quote ? { "data-quote": "true" } : {}),
      },
      ...displayAttribute(this.options.resolved, "number"),
      ...displayAttribute(this.options.resolved, "flagged"),
    };
  },

  parseHTML() {
    return [{ tag: "span[data-citation]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const number = typeof node.attrs.number === "number" ? String(node.attrs.number) : "*";
    const attributes = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
      "data-citation": "",
      class: "note-citation",
      ...(node.attrs.flagged === true ? { "data-flagged": "true" } : {}),
    });
    return ["span", attributes, ["sup", {}, number]];
  },

  renderText({ node }) {
    return typeof node.attrs.number === "number" ? `[${node.attrs.number}]` : "";
  },
});

/** The reference nodes as the collaborative editor and the server's schema know them. */
export function referenceNodes() {
  return [LessonRef, Citation];
}

/** The reference nodes able to carry the resolver's display attributes (exports, read-only views). */
export function resolvedReferenceNodes() {
  return [LessonRef.configure({ resolved: true }), Citation.configure({ resolved: true })];
}
