import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { noteContentExtensions } from "./editor-extensions";
import { MAX_NOTE_UPDATE_BYTES, NOTE_MARKS, NOTE_NODE_ATTRIBUTES, NOTE_NODES } from "./schema";
import { findNoteSchemaProblem } from "./validate-attributes";
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
  it("has exactly the nodes, marks and attributes per node the server accepts", () => {
    const schema = getSchema(noteContentExtensions());
    const nodes = Object.keys(schema.nodes).filter((name) => !["doc", "text"].includes(name));
    expect(nodes.sort()).toEqual([...NOTE_NODES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...NOTE_MARKS].sort());
    for (const name of nodes) {
      const allowed = Object.keys(NOTE_NODE_ATTRIBUTES[name as keyof typeof NOTE_NODE_ATTRIBUTES] ?? {});
      expect(Object.keys(schema.nodes[name]!.spec.attrs ?? {}).sort(), name).toEqual(allowed.sort());
    }
  });

  it("writes documents with lesson references and citations that the server accepts", () => {
    const schema = getSchema(noteContentExtensions());
    const doc = prosemirrorJSONToYDoc(schema, editorJSON(), "default");
    expect(checkNoteUpdate(Y.encodeStateAsUpdate(doc))).toEqual({ ok: true });
    expect(findNoteSchemaProblem(doc)).toBeNull();
  });
});

const LESSON_ID = "ck2lessonaaaaaaaaaaaaaaaa";
const PASSAGE_ID = "ck2passageaaaaaaaaaaaaaaa";

function editorJSON(note: string | null = "S/RES/2640 (2022)") {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Mandates" }] },
      {
        type: "paragraph",
        content: [
          { type: "lessonRef", attrs: { lessonId: LESSON_ID } },
          { type: "text", text: " mandates were too broad." },
          { type: "citation", attrs: { passageId: PASSAGE_ID, note: null, quote: true } },
          { type: "citation", attrs: { passageId: null, note, quote: false } },
        ],
      },
      { type: "orderedList", attrs: { start: 3, type: null }, content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
    ],
  };
}

/** A note as a room holds it (`room`), a change made on top of it by an editor, and the result. */
function changeOn(setUp: (fragment: Y.XmlFragment) => void, change: (fragment: Y.XmlFragment) => void) {
  const doc = new Y.Doc();
  setUp(doc.getXmlFragment("default"));
  const room = new Y.Doc();
  Y.applyUpdate(room, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment("default"));
  const update = Y.encodeStateAsUpdate(doc, before);
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
  return { update, room, after };
}

describe("per-node attributes", () => {
  const heading = (fragment: Y.XmlFragment) => {
    const element = new Y.XmlElement("heading");
    fragment.insert(0, [element]);
    element.setAttribute("level", 2 as unknown as string);
  };

  it("refuses a free-text footnote longer than 1,000 characters, and accepts 1,000", () => {
    const schema = getSchema(noteContentExtensions());
    const ok = prosemirrorJSONToYDoc(schema, editorJSON("n".repeat(1000)), "default");
    expect(checkNoteUpdate(Y.encodeStateAsUpdate(ok))).toEqual({ ok: true });
    const tooLong = updateOf((doc) => {
      const citation = new Y.XmlElement("citation");
      doc.getXmlFragment("default").insert(0, [citation]);
      citation.setAttribute("note", "n".repeat(1001));
    });
    expect(checkNoteUpdate(tooLong)).toMatchObject({ ok: false, message: expect.stringContaining('"note"') });
  });

  it("refuses a lessonId on a heading when the heading is in the update or in the room's document", () => {
    const sameUpdate = updateOf((doc) => {
      heading(doc.getXmlFragment("default"));
      (doc.getXmlFragment("default").get(0) as Y.XmlElement).setAttribute("lessonId", LESSON_ID);
    });
    expect(checkNoteUpdate(sameUpdate)).toMatchObject({ ok: false, message: expect.stringContaining('"heading" cannot hold a "lessonId"') });

    const { update, room, after } = changeOn(heading, (fragment) => (fragment.get(0) as Y.XmlElement).setAttribute("lessonId", LESSON_ID));
    expect(checkNoteUpdate(update, room)).toMatchObject({ ok: false, message: expect.stringContaining('"lessonId"') });
    // Without the document the heading cannot be known: the key is one the note uses, so the
    // update passes the decode-time check, and the whole-document check finds it.
    expect(checkNoteUpdate(update)).toEqual({ ok: true });
    expect(findNoteSchemaProblem(after)).toContain('"lessonId"');
  });

  it("checks a later value of an attribute against its node, through the earlier value it replaces", () => {
    const { update, room } = changeOn(heading, (fragment) => (fragment.get(0) as Y.XmlElement).setAttribute("level", 7 as unknown as string));
    expect(checkNoteUpdate(update, room)).toMatchObject({ ok: false, message: expect.stringContaining('"level"') });
    const fine = changeOn(heading, (fragment) => (fragment.get(0) as Y.XmlElement).setAttribute("level", 3 as unknown as string));
    expect(checkNoteUpdate(fine.update, fine.room)).toEqual({ ok: true });
    expect(checkNoteUpdate(fine.update)).toEqual({ ok: true });
  });

  it("refuses attributes whose value is a shared type, and ids that are not ids", () => {
    const typed = updateOf((doc) => {
      const citation = new Y.XmlElement("citation");
      doc.getXmlFragment("default").insert(0, [citation]);
      citation.setAttribute("note", new Y.XmlElement("paragraph") as unknown as string);
    });
    expect(checkNoteUpdate(typed).ok).toBe(false);
    const badId = updateOf((doc) => {
      const ref = new Y.XmlElement("lessonRef");
      doc.getXmlFragment("default").insert(0, [ref]);
      ref.setAttribute("lessonId", "x".repeat(41));
    });
    expect(checkNoteUpdate(badId)).toMatchObject({ ok: false, message: expect.stringContaining('"lessonId"') });
  });
});
