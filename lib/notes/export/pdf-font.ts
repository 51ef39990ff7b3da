import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

/**
 * The font the PDF embeds: DejaVu Sans from the `dejavu-fonts-ttf` package (pinned in
 * package.json), whose regular and bold faces cover Latin, Greek, Cyrillic and Arabic. pdfkit
 * (through fontkit) embeds the subset of glyphs a file uses, with a Unicode map, so the text can
 * be searched and copied. The files are read once per process.
 */
export type FontFace = "regular" | "bold" | "italic" | "boldItalic";

const FILES: Record<FontFace, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
};

/** The names the faces are registered under in each PDF document. */
export const FACE_NAMES: Record<FontFace, string> = {
  regular: "NoteSans",
  bold: "NoteSans-Bold",
  italic: "NoteSans-Oblique",
  boldItalic: "NoteSans-BoldOblique",
};

let faces: Record<FontFace, Buffer> | undefined;

/**
 * Resolved from the project's root at run time (a server, tests and benches all run there): a
 * bundler rewrites `createRequire(import.meta.url)` into its own module ids, and the package
 * holds no code to bundle, only font files.
 */
function fontDirectory(): string {
  const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
  return path.join(path.dirname(fromRoot.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

/** The four faces' font files. */
export function fontFaces(): Record<FontFace, Buffer> {
  if (!faces) {
    const directory = fontDirectory();
    const read = (face: FontFace) => fs.readFileSync(path.join(directory, FILES[face]));
    faces = { regular: read("regular"), bold: read("bold"), italic: read("italic"), boldItalic: read("boldItalic") };
  }
  return faces;
}

/** Registers the faces in a PDF document under {@link FACE_NAMES}. */
export function registerFonts(pdf: PDFKit.PDFDocument): void {
  const files = fontFaces();
  for (const face of Object.keys(FILES) as FontFace[]) pdf.registerFont(FACE_NAMES[face], files[face]);
}

export function faceOf(style: { bold: boolean; italic: boolean }): FontFace {
  if (style.bold && style.italic) return "boldItalic";
  if (style.bold) return "bold";
  if (style.italic) return "italic";
  return "regular";
}

/** Arabic letters, with the spaces, digits and punctuation between them. */
const ARABIC_RUN = /\p{Script=Arabic}(?:[\p{Script=Arabic}\p{Script=Common}\p{Script=Inherited}]*\p{Script=Arabic})?/gu;

export interface Segment {
  text: string;
  face: FontFace;
  /** OpenType features to ask for: given, pdfkit shapes the whole piece at once (see below). */
  features?: PDFKit.Mixins.OpenTypeFeatures[];
}

/**
 * pdfkit lays text out word by word (for its cache) unless features are asked for, which would
 * put each word of right-to-left text in its own right-to-left box, words left to right. Asking
 * for kerning (on by default anyway) makes it lay the piece out whole, so fontkit orders the
 * words right to left too.
 */
const RTL_FEATURES: PDFKit.Mixins.OpenTypeFeatures[] = ["kern"];

/**
 * A run's text cut where the script changes between Arabic and the rest, each piece with the face
 * it is drawn in. fontkit shapes and orders each piece for its own script (Arabic joins its
 * letters and runs right to left), and DejaVu's oblique faces have no Arabic glyphs: Arabic in an
 * italic run is drawn in the upright face of the same weight.
 */
export function scriptSegments(text: string, face: FontFace): Segment[] {
  const segments: Segment[] = [];
  const upright: FontFace = face === "boldItalic" ? "bold" : face === "italic" ? "regular" : face;
  let last = 0;
  for (const match of text.matchAll(ARABIC_RUN)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), face });
    segments.push({ text: match[0], face: upright, features: RTL_FEATURES });
    last = match.index + match[0].length;
  }
  if (last < text.length || segments.length === 0) segments.push({ text: text.slice(last), face });
  return segments;
}
