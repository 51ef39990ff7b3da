import { getSchema } from "@tiptap/core";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { noteContentExtensions } from "./editor-extensions";
import { MAX_NOTE_UPDATE_BYTES, NOTE_MARKS, NOTE_NODES } from "./schema";
import { checkNoteUpdate } from "./validate-update";

/** An update as the editor would send it: a heading and a paragraph with bold text. */
function editorLikeUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const heading = new Y.XmlElement("heading");
  const paragraph = new Y.XmlElement("paragraph");
  fragment.insert(0, [heading, paragraph]);
  heading.setAttribute("level", 2 as unknown as string);
  heading.insert(0, [new Y.XmlText("Protection of civilians")]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, "Participants generally agreed ", {});
  text.insert(text.length, "mandates were too broad", { bold: {} });
  return Y.encodeStateAsUpdate(doc);
}

function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe("checkNoteUpdate", () => {
  it("accepts what the editor writes, including edits, formatting changes and deletions", () => {
    expect(checkNoteUpdate(editorLikeUpdate())).toEqual({ ok: true });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, editorLikeUpdate());
    const before = Y.encodeStateVector(doc);
    const paragraph = doc.getXmlFragment("default").get(1) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.format(0, 12, { italic: {} });
    text.delete(0, 5);
    (doc.getXmlFragment("default").get(0) as Y.XmlElement).setAttribute("level", 3 as unknown as string);
    expect(checkNoteUpdate(Y.encodeStateAsUpdate(doc, before))).toEqual({ ok: true });
  });

  it("refuses elements the note does not allow, such as script or img", () => {
    for (const name of ["script", "img", "iframe", "codeBlock"]) {
      const update = updateOf((doc) => doc.getXmlFragment("default").insert(0, [new Y.XmlElement(name)]));
      const result = checkNoteUpdate(update);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message).toContain(`"${name}"`);
    }
  });

  it("refuses event-handler and style attributes, and marks such as links", () => {
    const attribute = updateOf((doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.setAttribute("onclick", "alert(1)");
      doc.getXmlFragment("default").insert(0, [paragraph]);
    });
    expect(checkNoteUpdate(attribute)).toMatchObject({ ok: false, code: "BAD_REQUEST", message: expect.stringContaining('"onclick"') });
    const link = updateOf((doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      doc.getXmlFragment("default").insert(0, [paragraph]);
      (paragraph.get(0) as Y.XmlText).insert(0, "click", { link: { href: "javascript:alert(1)" } });
    });
    expect(checkNoteUpdate(link)).toMatchObject({ ok: false, message: expect.stringContaining('"link"') });
    const boldWithValue = updateOf((doc) => {
      const text = new Y.XmlText();
      doc.getXmlFragment("default").insert(0, [text]);
      text.insert(0, "x", { bold: { style: "color:red" } });
    });
    expect(checkNoteUpdate(boldWithValue).ok).toBe(false);
  });

  it("refuses any shared type beside the note's body, such as a map tying clients to people", () => {
    const users = updateOf((doc) => doc.getMap("users").set("123", { name: "Someone" }));
    expect(checkNoteUpdate(users)).toMatchObject({ ok: false, message: expect.stringContaining("single body") });
    const embed = updateOf((doc) => {
      const text = new Y.XmlText();
      doc.getXmlFragment("default").insert(0, [text]);
      text.insertEmbed(0, { image: "https://example.org/pixel.gif" });
    });
    expect(checkNoteUpdate(embed)).toMatchObject({ ok: false, message: expect.stringContaining("rich text only") });
    const nestedMap = updateOf((doc) => doc.getXmlFragment("default").insert(0, [new Y.XmlText(), new Y.XmlElement("paragraph")]));
    expect(checkNoteUpdate(nestedMap).ok).toBe(true);
  });

  it("refuses garbage and oversized updates with a message a person can act on", () => {
    expect(checkNoteUpdate(new Uint8Array([255, 255, 255, 255, 1, 2, 3]))).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    const big = updateOf((doc) => {
      const text = new Y.XmlText();
      doc.getXmlFragment("default").insert(0, [text]);
      text.insert(0, "a".repeat(MAX_NOTE_UPDATE_BYTES + 10));
    });
    expect(checkNoteUpdate(big)).toMatchObject({ ok: false, code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("Paste less at a time") });
  });
});

describe("the editor's schema", () => {
  it("has exactly the nodes and marks the server accepts", () => {
    const schema = getSchema(noteContentExtensions());
    const nodes = Object.keys(schema.nodes).filter((name) => !["doc", "text"].includes(name));
    expect(nodes.sort()).toEqual([...NOTE_NODES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...NOTE_MARKS].sort());
  });
});
