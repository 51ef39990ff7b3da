import * as Y from "yjs";
import { MAX_NOTE_UPDATE_BYTES, NOTE_ATTRIBUTES, NOTE_FRAGMENT, NOTE_MARKS, NOTE_NODES } from "./schema";

export type UpdateCheck = { ok: true } | { ok: false; code: "PAYLOAD_TOO_LARGE" | "BAD_REQUEST"; message: string };

const NODES: ReadonlySet<string> = new Set(NOTE_NODES);
const MARKS: ReadonlySet<string> = new Set(NOTE_MARKS);
const ATTRIBUTES: ReadonlySet<string> = new Set(NOTE_ATTRIBUTES);
const MAX_ATTRIBUTE_LENGTH = 32;

function refuse(message: string): UpdateCheck {
  return { ok: false, code: "BAD_REQUEST", message };
}

function isPlainAttributeValue(value: unknown): boolean {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" && value.length <= MAX_ATTRIBUTE_LENGTH;
}

/** A mark's value: set (an empty attribute object, as the editor writes it) or removed (null). */
function isPlainMarkValue(value: unknown): boolean {
  if (value === null || value === true) return true;
  return typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0;
}

function checkContent(content: unknown): string | null {
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
  if (content instanceof Y.ContentAny) {
    return content.arr.every(isPlainAttributeValue) ? null : "attribute values must be short plain values";
  }
  // Embeds, binary, JSON and sub-documents have no place in a meeting note.
  return "the note holds rich text only";
}

/**
 * Checks a Yjs update before it is stored or shared: its size, and that everything it adds is
 * text, formatting and structure the note allows, inside the note's one fragment. Decoding needs
 * no document, so nothing is applied until the update passes.
 */
export function checkNoteUpdate(update: Uint8Array): UpdateCheck {
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
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // GC and Skip ranges carry no content
    if (typeof struct.parent === "string" && struct.parent !== NOTE_FRAGMENT) {
      return refuse("The note has a single body; this update writes elsewhere.");
    }
    if (struct.parentSub !== null && !ATTRIBUTES.has(struct.parentSub)) {
      return refuse(`The note cannot hold a "${struct.parentSub.slice(0, 40)}" attribute.`);
    }
    const problem = checkContent(struct.content);
    if (problem) return refuse(`This update was refused: ${problem}.`);
  }
  return { ok: true };
}
