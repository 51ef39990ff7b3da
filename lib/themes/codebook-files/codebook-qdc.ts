import crypto from "node:crypto";
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { hexOfThemeColor, nearestThemeColor } from "./nearest-color";
import type { CodebookEntry, ImportedEntry } from "./types";

/**
 * REFI-QDA codebooks (.qdc), the exchange format of QDA software (ATLAS.ti, MAXQDA, NVivo,
 * QualCoder...): `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="…"><Codes><Code guid
 * name isCodable color="#RRGGBB"><Description/>…</Code></Codes></CodeBook>`, codes nested
 * in codes. Parsing and writing go through fast-xml-parser (no DTDs, no external entities).
 */
export const QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0";
const ORIGIN = "Rapporteur";
/** Nested codes deeper than this are not a codebook a workshop uses; also bounds recursion. */
const MAX_DEPTH = 20;

/** XML 1.0 cannot carry most control characters; names and descriptions never need them. */
const stripControls = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

/**
 * A stable UUID per theme (UUID v5 layout over its id): exporting twice gives the same guids,
 * so QDA tools recognize codes they already have. Theme ids are random, so guids say nothing.
 */
function guidOf(themeId: string): string {
  const bytes = crypto.createHash("sha1").update(`rapporteur-theme:${themeId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex").toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function writeCodebookQdc(entries: readonly (CodebookEntry & { id: string })[]): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressBooleanAttributes: false, processEntities: true });
  const document = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    CodeBook: {
      "@_xmlns": QDC_NAMESPACE,
      "@_origin": ORIGIN,
      Codes: {
        Code: entries.map((entry) => ({
          "@_guid": guidOf(entry.id),
          "@_name": stripControls(entry.name),
          "@_isCodable": "true",
          "@_color": hexOfThemeColor(entry.color),
          ...(entry.description ? { Description: stripControls(entry.description) } : {}),
        })),
      },
    },
  };
  return `${builder.build(document)}`;
}

type XmlNode = { [key: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Character references (&#233;) are decoded; DOCTYPEs are refused before parsing.
  htmlEntities: true,
  isArray: (name) => name === "Code",
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 64,
});

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as XmlNode)["#text"] === "string") return (value as XmlNode)["#text"] as string;
  return "";
}

/** Codes in document order, nested codes right after their parent (the hierarchy is flattened). */
function flatten(codes: unknown, depth: number, into: ImportedEntry[]): boolean {
  if (!Array.isArray(codes)) return true;
  if (depth > MAX_DEPTH) return false;
  for (const code of codes as XmlNode[]) {
    if (!code || typeof code !== "object") continue;
    into.push({ name: code["@_name"] ?? "", description: textOf(code.Description).trim(), color: nearestThemeColor(code["@_color"]) });
    if (!flatten(code.Code, depth + 1, into)) return false;
  }
  return true;
}

/**
 * The codes of a REFI-QDA codebook (or of the codebook inside a REFI-QDA project file), or
 * null when the text is not well-formed XML of that shape.
 */
export function readCodebookQdc(text: string): ImportedEntry[] | null {
  // Entity declarations are how XML bombs work; codebooks never need a DTD.
  if (/<!DOCTYPE/i.test(text)) return null;
  let document: XmlNode;
  try {
    document = parser.parse(text, true) as XmlNode;
  } catch {
    return null;
  }
  const roots = Object.keys(document);
  if (roots.length !== 1) return null;
  // An element with neither attributes nor children parses as "": read it as an empty one.
  const root = (document[roots[0]!] || {}) as XmlNode;
  const codebook = roots[0] === "CodeBook" ? root : roots[0] === "Project" && typeof root === "object" ? ((root.CodeBook || {}) as XmlNode) : null;
  if (!codebook || typeof codebook !== "object") return null;
  const codes = codebook.Codes;
  const entries: ImportedEntry[] = [];
  if (codes && typeof codes === "object" && !flatten((codes as XmlNode).Code, 0, entries)) return null;
  return entries;
}
