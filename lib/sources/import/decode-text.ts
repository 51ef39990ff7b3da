import { malformedError } from "./import-errors";

// C0 control characters other than tab, line feed, form feed and carriage return.
const CONTROL = /[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g;

/**
 * Decodes an uploaded text file: UTF-8 (the BOM is dropped), or UTF-16 when it starts with a
 * UTF-16 BOM, or `charset` when the caller found one declared (an HTML `<meta charset>`).
 * Invalid UTF-8 and binary content are rejected with an error the person can act on.
 */
export function decodeText(bytes: Uint8Array, charset?: string): string {
  const text = decodeWith(bytes, charset);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(2, text.length / 100)) {
    throw malformedError(
      "The file looks like binary data, not text. Upload PDF and Word files as .pdf or .docx, or paste the text instead.",
    );
  }
  return text;
}

function decodeWith(bytes: Uint8Array, charset?: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const label = charset?.toLowerCase();
  if (label && WINDOWS_1252.has(label)) return decodeWindows1252(bytes);
  if (label && label !== "utf-8" && label !== "utf8") {
    const legacy = tryDecoder(label);
    if (legacy) return legacy.decode(bytes);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw malformedError(
      "The file is not valid UTF-8 text (it may be binary, or saved in another encoding). Save it as UTF-8 and upload it again, or paste the text.",
    );
  }
}

// Node 20's TextDecoder reads windows-1252 as ISO-8859-1, losing curly quotes and dashes
// (0x80–0x9F); pages saved by Word declare windows-1252, so decode it here.
const WINDOWS_1252 = new Set(["windows-1252", "cp1252", "x-cp1252", "latin1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii"]);
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes).replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function tryDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** The charset an HTML document declares in its first kilobyte (`<meta charset>` or `http-equiv`). */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
}
