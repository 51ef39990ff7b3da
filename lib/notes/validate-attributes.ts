import * as Y from "yjs";
import { NOTE_FRAGMENT, NOTE_NODE_ATTRIBUTES, NOTE_NODES, type AttributeRule } from "./schema";

/**
 * Per-node attribute checks shared by the update check (./validate-update.ts) and the whole-
 * document check below: one table (./schema.ts NOTE_NODE_ATTRIBUTES) decides both.
 */

export const NODE_NAMES: ReadonlySet<string> = new Set(NOTE_NODES);

/** Where an attribute is being set, as far as it can be known. */
export type Parent =
  | { kind: "element"; name: string }
  | { kind: "fragment" }
  | { kind: "text" }
  | { kind: "other" }
  | { kind: "unknown" };

/** Every attribute any node may carry, by key, with the rules of the nodes that carry it. */
const RULES_BY_KEY = new Map<string, AttributeRule[]>();
for (const rules of Object.values(NOTE_NODE_ATTRIBUTES)) {
  for (const [key, rule] of Object.entries(rules ?? {})) RULES_BY_KEY.set(key, [...(RULES_BY_KEY.get(key) ?? []), rule]);
}
const ALL_RULES = [...RULES_BY_KEY.values()].flat();

const quoted = (name: string) => `"${name.slice(0, 40)}"`;

/** The rules a value must meet (any one of them), or a reason the attribute is not allowed. */
function rulesFor(parent: Parent, key: string | null): AttributeRule[] | string {
  if (parent.kind === "element") {
    if (key === null) return ALL_RULES;
    const rule = NOTE_NODE_ATTRIBUTES[parent.name as keyof typeof NOTE_NODE_ATTRIBUTES]?.[key];
    return rule ? [rule] : `a ${quoted(parent.name)} cannot hold a ${quoted(key)} attribute`;
  }
  if (parent.kind === "unknown") {
    if (key === null) return ALL_RULES;
    return RULES_BY_KEY.get(key) ?? `the note cannot hold a ${quoted(key)} attribute`;
  }
  return key === null ? "only elements carry attributes" : `the note cannot hold a ${quoted(key)} attribute here`;
}

/** Why setting this attribute content is refused, or null when it is allowed. */
export function attributeProblem(parent: Parent, key: string | null, content: unknown): string | null {
  const rules = rulesFor(parent, key);
  if (typeof rules === "string") return rules;
  if (content instanceof Y.ContentDeleted) return null;
  if (!(content instanceof Y.ContentAny)) return "attribute values must be short plain values";
  const fits = (value: unknown) => value === null || rules.some((rule) => rule(value));
  return content.arr.every(fits) ? null : `the value of ${key === null ? "an attribute" : quoted(key)} is not allowed`;
}

function elementProblem(element: Y.XmlElement): string | null {
  if (!NODE_NAMES.has(element.nodeName)) return `the note cannot hold ${quoted(element.nodeName)} elements`;
  const parent: Parent = { kind: "element", name: element.nodeName };
  for (const [key, value] of Object.entries(element.getAttributes())) {
    const problem = attributeProblem(parent, key, new Y.ContentAny([value]));
    if (problem) return problem;
  }
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      const problem = elementProblem(child);
      if (problem) return problem;
    } else if (!(child instanceof Y.XmlText)) {
      return "the note holds rich text only";
    } else if (Object.keys(child.getAttributes()).length > 0) {
      return "text carries no attributes";
    }
  }
  return null;
}

/**
 * Checks a whole note document against the schema, every attribute against its own node: what
 * the update check cannot see without a document. Linear in the number of elements (a long
 * note has a few thousand): cheap enough for a room to run after loading or on a suspicion.
 */
export function findNoteSchemaProblem(doc: Y.Doc): string | null {
  for (const child of doc.getXmlFragment(NOTE_FRAGMENT).toArray()) {
    if (child instanceof Y.XmlElement) {
      const problem = elementProblem(child);
      if (problem) return problem;
    } else if (!(child instanceof Y.XmlText)) {
      return "the note holds rich text only";
    }
  }
  return null;
}
