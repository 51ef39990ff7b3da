import * as Y from "yjs";
import { MAX_NOTE_UPDATE_BYTES, NOTE_FRAGMENT, NOTE_MARKS } from "./schema";
import { attributeProblem, NODE_NAMES, type Parent } from "./validate-attributes";

export type UpdateCheck = { ok: true } | { ok: false; code: "PAYLOAD_TOO_LARGE" | "BAD_REQUEST"; message: string };

const NODES: ReadonlySet<string> = NODE_NAMES;
const MARKS: ReadonlySet<string> = new Set(NOTE_MARKS);

function refuse(message: string): UpdateCheck {
  return { ok: false, code: "BAD_REQUEST", message };
}

/** A mark's value: set (an empty attribute object, as the editor writes it) or removed (null). */
function isPlainMarkValue(value: unknown): boolean {
  if (value === null || value === true) return true;
  return typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0;
}

/** What a child (not an attribute) may be: an allowed element, text, formatting, or a deletion. */
function checkChildContent(content: unknown): string | null {
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlElement) {
      return NODES.has(type.nodeName) ? null : `the note cannot hold "${type.nodeName.slice(0, 40)}" elements`;
    }
    if (type instanceof Y.XmlText) return null;
    return "the note holds rich text only";
  }
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentFormat) {
    if (!MARKS.has(content.key)) return `the note cannot hold "${content.key.slice(0, 40)}" formatting`;
    return isPlainMarkValue(content.value) ? null : "formatting carries no values";
  }
  // Embeds, binary, JSON, sub-documents and bare values have no place in a meeting note's body.
  return "the note holds rich text only";
}

/** What an item names as its parent type, from the update or from the document. */
function typeName(type: unknown): Parent {
  if (type instanceof Y.XmlElement) return { kind: "element", name: type.nodeName };
  if (type instanceof Y.XmlText) return { kind: "text" };
  return { kind: "other" };
}

/**
 * Finds, for each item of an update, the element it belongs to and the attribute it sets (if
 * any). Yjs writes an item's parent and attribute key only when the item has no neighbour; an
 * item with a neighbour (a later value of an attribute, text typed after other text) inherits
 * them from it, so the neighbour is looked up: in the update itself, else in the document when
 * one is given (the room's). Without a document a neighbour outside the update stays unknown.
 */
class ParentFinder {
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  private readonly cache = new Map<Y.Item, { parent: Parent; key: string | null } | null>();

  constructor(
    structs: Array<Y.Item | Y.GC | Y.Skip>,
    private readonly doc: Y.Doc | undefined,
  ) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  /** The item with this id in the update, else in the document, else null. */
  private itemAt(id: Y.ID): { item: Y.Item; integrated: boolean } | null {
    const structs = this.byClient.get(id.client);
    // Typing refers to items the document already holds: checking the update's clock range
    // first spares findIndexSS's throw (an Error with its stack) on nearly every keystroke.
    const first = structs?.[0];
    const last = structs?.at(-1);
    if (structs && first && last && id.clock >= first.id.clock && id.clock < last.id.clock + last.length) {
      try {
        const struct = structs[Y.findIndexSS(structs as Y.Item[], id.clock)];
        if (struct instanceof Y.Item) return { item: struct, integrated: false };
      } catch {
        // not in this update: look in the document
      }
    }
    if (this.doc && Y.getState(this.doc.store, id.client) > id.clock) {
      const struct = Y.getItem(this.doc.store, id);
      if (struct instanceof Y.Item) return { item: struct, integrated: true };
    }
    return null;
  }

  /** The element (or other type) whose item has this id. */
  private elementAt(id: Y.ID): Parent {
    const found = this.itemAt(id);
    if (!found) return { kind: "unknown" };
    return found.item.content instanceof Y.ContentType ? typeName(found.item.content.type) : { kind: "other" };
  }

  /** The item's parent and attribute key; null when they cannot be known from here. */
  placeOf(item: Y.Item, depth = 0): { parent: Parent; key: string | null } | null {
    const cached = this.cache.get(item);
    if (cached !== undefined) return cached;
    let place: { parent: Parent; key: string | null } | null;
    const parent = item.parent as unknown;
    if (typeof parent === "string") {
      place = { parent: parent === NOTE_FRAGMENT ? { kind: "fragment" } : { kind: "other" }, key: item.parentSub };
    } else if (parent instanceof Y.ID) {
      place = { parent: this.elementAt(parent), key: item.parentSub };
    } else if (parent instanceof Y.AbstractType) {
      place = { parent: parent instanceof Y.XmlFragment && !(parent instanceof Y.XmlElement) ? { kind: "fragment" } : typeName(parent), key: item.parentSub };
    } else {
      place = this.placeFromNeighbour(item, depth);
    }
    this.cache.set(item, place);
    return place;
  }

  private placeFromNeighbour(item: Y.Item, depth: number): { parent: Parent; key: string | null } | null {
    // A long run of typed text chains neighbours within one update; past this depth we stop.
    if (depth > 64) return null;
    for (const id of [item.origin, item.rightOrigin]) {
      if (!id) continue;
      const found = this.itemAt(id);
      if (!found) continue;
      if (found.integrated) {
        const parent = found.item.parent;
        const parentPlace: Parent =
          parent instanceof Y.XmlElement || parent instanceof Y.XmlText
            ? typeName(parent)
            : parent instanceof Y.XmlFragment && (parent as unknown) === this.doc?.share.get(NOTE_FRAGMENT)
              ? { kind: "fragment" }
              : { kind: "other" };
        return { parent: parentPlace, key: found.item.parentSub };
      }
      return this.placeOf(found.item, depth + 1);
    }
    return null;
  }
}

/**
 * Checks a Yjs update before it is stored or shared: its size, and that everything it adds is
 * text, formatting, structure and attributes the note allows, inside the note's one fragment.
 * Decoding needs no document, so nothing is applied until the update passes.
 *
 * Attributes are checked per node (a `lessonId` belongs on a `lessonRef`, not on a heading)
 * wherever the element is known: when it is in the same update, or in `doc` when given. The
 * note room should pass its document (`checkNoteUpdate(update, room.doc)`): then every attribute
 * is checked against its own node. Without a document, an attribute of an element the update
 * does not carry is checked against every node's attributes (its key must be one of them and its
 * value fit that key's limit); `findNoteSchemaProblem(doc)` checks a whole document exactly.
 */
export function checkNoteUpdate(update: Uint8Array, doc?: Y.Doc): UpdateCheck {
  if (update.byteLength > MAX_NOTE_UPDATE_BYTES) {
    const kb = Math.ceil(update.byteLength / 1024);
    return {
      ok: false,
      code: "PAYLOAD_TOO_LARGE",
      message: `This change is ${kb} KB; one change can be at most ${MAX_NOTE_UPDATE_BYTES / 1024} KB. Paste less at a time.`,
    };
  }
  let structs: ReturnType<typeof Y.decodeUpdate>["structs"];
  try {
    ({ structs } = Y.decodeUpdate(update));
  } catch {
    return refuse("This is not a valid note update.");
  }
  const finder = new ParentFinder(structs, doc);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip ranges carry no content
    if (typeof struct.parent === "string" && struct.parent !== NOTE_FRAGMENT) {
      return refuse("The note has a single body; this update writes elsewhere.");
    }
    if (struct.content instanceof Y.ContentDeleted) continue;
    const place = finder.placeOf(struct);
    const key = place ? place.key : struct.parentSub;
    const isAttribute = key !== null || (place === null && struct.content instanceof Y.ContentAny);
    const problem = isAttribute
      ? attributeProblem(place?.parent ?? { kind: "unknown" }, key, struct.content)
      : checkChildContent(struct.content);
    if (problem) return refuse(`This update was refused: ${problem}.`);
  }
  return { ok: true };
}
