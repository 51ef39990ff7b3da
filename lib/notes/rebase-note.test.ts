import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { noteStateFromJSON, noteTemplate } from "./note-template";
import { noteSchema, rebaseNote, writeNoteContent } from "./rebase-note";
import { NOTE_FRAGMENT } from "./schema";

const json = (doc: Y.Doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(NOTE_FRAGMENT)) as JSONContent;
const docFrom = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};
const text = (value: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text: value }] });

/** A note with every kind of block and inline node, as an editor writes it. */
function richNote(): Y.Doc {
  const content = noteTemplate({ date: new Date("2026-05-04"), place: "Paris", attribution: "CHATHAM_HOUSE", themes: ["Mandates", "Funding"] }, "en");
  content.content!.push(
    { type: "paragraph", content: [{ type: "text", text: "See " }, { type: "lessonRef", attrs: { lessonId: "c0000000000000000000001" } }, { type: "citation", attrs: { passageId: "c0000000000000000000002", quote: true } }, { type: "text", text: "bold", marks: [{ type: "bold" }] }] },
    { type: "bulletList", content: [{ type: "listItem", content: [text("An item.")] }] },
  );
  const doc = new Y.Doc();
  writeNoteContent(doc, Node.fromJSON(noteSchema(), content));
  return doc;
}

/** Edits the JSON of a document and writes it back (as typing would), returning the document. */
function change(doc: Y.Doc, edit: (blocks: JSONContent[]) => void): Y.Doc {
  const content = json(doc);
  edit(content.content!);
  writeNoteContent(doc, Node.fromJSON(noteSchema(), content));
  return doc;
}

describe("rebaseNote", () => {
  it("relies on a new generation's JSON being its old generation's, block for block (references, marks, lists)", () => {
    const old = richNote();
    const next = docFrom(noteStateFromJSON(json(old)));
    expect(json(next)).toEqual(json(old));
  });

  it("brings the page's edits onto the current generation, keeping both versions of a block both changed", () => {
    const old = richNote();
    const base = Y.encodeStateAsUpdate(old);
    const last = json(old).content!.length;
    const page = docFrom(base);
    change(page, (blocks) => {
      blocks[3] = text("Written offline in the introduction.");
      blocks.push(text("A new paragraph offline."));
    });
    const pageBefore = Y.encodeStateAsUpdate(page);
    const current = docFrom(noteStateFromJSON(json(old)));
    change(current, (blocks) => {
      blocks[3] = text("Written since, in the introduction.");
      blocks[last - 1] = { type: "bulletList", content: [{ type: "listItem", content: [text("An item, edited.")] }] };
    });

    const { doc, edited } = rebaseNote({ mine: page, base, current: Y.encodeStateAsUpdate(current) });
    expect(edited).toBe(true);
    const blocks = json(doc).content!;
    expect(blocks.slice(3, 5)).toEqual([text("Written since, in the introduction."), text("Written offline in the introduction.")]);
    expect(blocks.at(-2)).toMatchObject({ type: "bulletList" });
    expect(JSON.stringify(blocks.at(-2))).toContain("An item, edited.");
    expect(blocks.at(-1)).toEqual(text("A new paragraph offline."));
    expect(JSON.stringify(blocks)).toContain("c0000000000000000000002");
    expect(blocks).toHaveLength(last + 2);
    expect(Y.encodeStateAsUpdate(page)).toEqual(pageBefore);
    // A fresh client id for the edits: none of the page's old ones.
    expect(Y.encodeStateVector(doc)).not.toContain(page.clientID);
  });
});
