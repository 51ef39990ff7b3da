/**
 * A second editor of the live note, outside the browser: a socket.io client speaking the note
 * protocol (note:join, then note:update with Yjs updates) with a signed-in person's cookies, and
 * the remote changes the note-browser bench makes: a character typed mid-paragraph, a paragraph
 * holding footnotes moved, a footnote inserted.
 */
import { io as connectClient, type Socket } from "socket.io-client";
import * as Y from "yjs";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type { JSONContent } from "@tiptap/core";
import { resolveNote } from "../../lib/notes/resolve-note";
import { NOTE_FRAGMENT } from "../../lib/notes/schema";
import { createPrng, randomInt } from "../../lib/anchoring/testing";

/** What the measured browser must come to show after a change. */
export type Expected =
  | { kind: "text"; block: number; length: number }
  | { kind: "numbers"; citations: string; footnotes: number };

export class RemoteEditor {
  readonly doc = new Y.Doc();
  private readonly random = createPrng(11);
  private constructor(
    private readonly socket: Socket,
    private readonly workshopId: string,
  ) {}

  static async connect(appUrl: string, cookie: string, workshopId: string): Promise<RemoteEditor> {
    const socket = connectClient(appUrl, { transports: ["websocket"], extraHeaders: { cookie, origin: appUrl }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
    const editor = new RemoteEditor(socket, workshopId);
    const joined = await socket.timeout(20_000).emitWithAck("note:join", { workshopId, stateVector: Y.encodeStateVector(editor.doc) });
    if (!joined.ok) throw new Error(`note:join refused: ${joined.message}`);
    if (!joined.canEdit) throw new Error("the remote editor may not edit the note");
    Y.applyUpdate(editor.doc, new Uint8Array(joined.update), "server");
    socket.on("note:update", ({ update }: { update: Uint8Array }) => Y.applyUpdate(editor.doc, new Uint8Array(update), "server"));
    return editor;
  }

  private get fragment(): Y.XmlFragment {
    return this.doc.getXmlFragment(NOTE_FRAGMENT);
  }

  /** Top-level indices of the paragraphs that hold footnotes. */
  private paragraphsWithCitations(): number[] {
    return this.fragment
      .toArray()
      .flatMap((block, index) => (block instanceof Y.XmlElement && block.nodeName === "paragraph" && block.toArray().some((child) => child instanceof Y.XmlElement && child.nodeName === "citation") ? [index] : []));
  }

  /** Citation numbers in document order and the footnote count, as the resolver gives them. */
  private expectedNumbers(): Expected {
    const json = yXmlFragmentToProsemirrorJSON(this.fragment) as JSONContent;
    const resolved = resolveNote(json, { lessons: {}, passages: {} }, { locale: "en" });
    const numbers: number[] = [];
    const walk = (node: JSONContent) => {
      if (node.type === "citation") numbers.push(Number(node.attrs?.number));
      node.content?.forEach(walk);
    };
    walk(resolved.doc);
    return { kind: "numbers", citations: numbers.join(","), footnotes: resolved.footnotes.length };
  }

  /** One character typed in the middle of a paragraph in the middle of the note. */
  typeCharacter(character: string): Expected {
    const blocks = this.fragment.toArray();
    const middle = blocks.length / 2;
    for (let index = Math.floor(middle + randomInt(this.random, -10, 10)); ; index += 1) {
      const block = blocks[index]!;
      const run = block instanceof Y.XmlElement && block.nodeName === "paragraph" ? block.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText && child.length > 40) : undefined;
      if (!run) continue;
      this.doc.transact(() => run.insert(Math.floor(run.length / 2), character));
      return { kind: "text", block: index, length: -1 };
    }
  }

  /** A paragraph holding footnotes moved from the second half of the note into the first. */
  moveParagraph(): Expected {
    const holding = this.paragraphsWithCitations();
    const from = holding[randomInt(this.random, Math.floor(holding.length / 2), holding.length - 1)]!;
    const to = randomInt(this.random, 1, Math.floor(from / 2));
    this.doc.transact(() => {
      const moved = (this.fragment.get(from) as Y.XmlElement).clone();
      this.fragment.delete(from, 1);
      this.fragment.insert(to, [moved]);
    });
    return this.expectedNumbers();
  }

  /** A footnote inserted before an existing one in the first third of the note (a passage or free text). */
  insertCitation(attrs: { passageId: string } | { note: string }): Expected {
    const holding = this.paragraphsWithCitations();
    const paragraph = this.fragment.get(holding[randomInt(this.random, 0, Math.floor(holding.length / 3))]!) as Y.XmlElement;
    const at = paragraph.toArray().findIndex((child) => child instanceof Y.XmlElement && child.nodeName === "citation");
    this.doc.transact(() => {
      const citation = new Y.XmlElement("citation");
      if ("passageId" in attrs) citation.setAttribute("passageId", attrs.passageId);
      else citation.setAttribute("note", attrs.note);
      citation.setAttribute("quote", false as unknown as string);
      paragraph.insert(at, [citation]);
    });
    return this.expectedNumbers();
  }

  /** Sends what changed since `before` (a state vector); resolves on the server's acknowledgement. */
  async send(before: Uint8Array): Promise<void> {
    const update = Y.encodeStateAsUpdate(this.doc, before);
    const answer = await this.socket.timeout(20_000).emitWithAck("note:update", { workshopId: this.workshopId, update });
    if (!answer.ok) throw new Error(`note:update refused: ${answer.message}`);
  }

  close(): void {
    this.socket.disconnect();
    this.doc.destroy();
  }
}
