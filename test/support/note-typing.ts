import * as Y from "yjs";
import { NOTE_FRAGMENT } from "@/lib/notes/schema";

/** Typing into the meeting note as an editor does, for tests driving app nodes. */

/** socket.io hands binary payloads over as ArrayBuffer or Uint8Array depending on the side. */
export const bytes = (value: unknown) => (value instanceof ArrayBuffer ? new Uint8Array(value) : (value as Uint8Array));

/** Changes the document and returns that change, as the editor sends it. */
export function edit(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment(NOTE_FRAGMENT));
  return Y.encodeStateAsUpdate(doc, before);
}

const paragraphText = (paragraph: Y.XmlElement) => paragraph.get(0) as Y.XmlText;
const ownParagraph = (fragment: Y.XmlFragment, label: string) =>
  fragment.toArray().find((node) => node instanceof Y.XmlElement && paragraphText(node).toString().startsWith(`${label}:`)) as Y.XmlElement | undefined;

/** Appends ` piece` to the person's own paragraph (`label: …`, made on first use); returns the update. */
export function typePiece(doc: Y.Doc, label: string, piece: string): Uint8Array {
  return edit(doc, (fragment) => {
    let paragraph = ownParagraph(fragment, label);
    if (!paragraph) {
      paragraph = new Y.XmlElement("paragraph");
      fragment.push([paragraph]);
      paragraph.insert(0, [new Y.XmlText(`${label}:`)]);
    }
    const text = paragraphText(paragraph);
    text.insert(text.length, ` ${piece}`);
  });
}

export const noteText = (doc: Y.Doc) => doc.getXmlFragment(NOTE_FRAGMENT).toString();
