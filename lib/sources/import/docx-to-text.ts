import mammoth from "mammoth";
import { isAppError } from "@/lib/errors";
import { htmlToSourceText } from "./html-to-text";
import { malformedError, passwordProtectedError, unsupportedFormatError } from "./import-errors";
import { isDeclaredSizeHonest, readZipDirectory } from "./zip-directory";

/** The XML a document may expand to: far above any 2,000,000-character text, far below memory trouble. */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

const NOT_A_DOCX =
  "The file is not a readable .docx document (it may be damaged, or another kind of file renamed). Open it in Word, save it as .docx and upload it again.";

// Word's built-in quote styles keep their English names in the file, whatever the interface language.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/**
 * Extracts a .docx document's headings, paragraphs, bulleted and numbered lists, quotes (the
 * Quote styles), links, bold, superscripts and footnotes with mammoth, through the HTML path.
 * Images are skipped unread; linked external files are never fetched (mammoth's default).
 */
export async function docxToSourceText(bytes: Uint8Array): Promise<string> {
  checkContainer(bytes);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    return htmlToSourceText(result.value);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw malformedError(NOT_A_DOCX);
  }
}

/** Refuses, before mammoth reads anything, what it would fail on or choke on. */
function checkContainer(bytes: Uint8Array): void {
  if (isCompoundFile(bytes)) {
    // Word encrypts a password-protected .docx into an OLE compound file; a legacy .doc is one too.
    if (containsUtf16(bytes, "EncryptedPackage")) throw passwordProtectedError("DOCX");
    throw unsupportedFormatError("This is an older Word .doc file. Open it in Word, save it as .docx and upload it again.");
  }
  const entries = readZipDirectory(bytes);
  if (!entries || !entries.some((entry) => entry.name === "word/document.xml")) throw malformedError(NOT_A_DOCX);
  const xmlParts = entries.filter((entry) => /\.(xml|rels)$/i.test(entry.name));
  const declared = xmlParts.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > MAX_DOCX_XML_BYTES || !xmlParts.every((entry) => isDeclaredSizeHonest(bytes, entry))) {
    throw malformedError(
      "The document is too large or its contents are damaged: it expands beyond what can be imported. Save it again as .docx, or split it.",
    );
  }
}

function isCompoundFile(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return signature.every((byte, index) => bytes[index] === byte);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
