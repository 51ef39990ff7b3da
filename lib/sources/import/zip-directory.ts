import { inflateRawSync } from "node:zlib";

/** One file in a ZIP archive's central directory, with the sizes it declares. */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

/**
 * Reads the central directory of a ZIP archive without inflating anything. Returns `null`
 * when the bytes are not a readable ZIP archive. ZIP64 sizes are reported as `Infinity`.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) return null;
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    if (offset + 46 + nameLength > view.byteLength) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: compressed === ZIP64_MARKER ? Infinity : compressed,
      uncompressedSize: uncompressed === ZIP64_MARKER ? Infinity : uncompressed,
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/**
 * Whether an entry inflates to no more than the size it declares. A decompression bomb can
 * declare a small size and expand to gigabytes; inflating here with a cap stops it before a
 * library that trusts the declaration runs out of memory.
 */
export function isDeclaredSizeHonest(bytes: Uint8Array, entry: ZipEntry): boolean {
  const data = readZipEntry(bytes, entry);
  return data !== null && data.byteLength <= entry.uncompressedSize;
}

/**
 * An entry's contents, inflated no further than the size it declares; `null` when the entry
 * cannot be read (bad header, unknown method, corrupt data, or more bytes than declared).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  if (!Number.isFinite(entry.uncompressedSize)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > view.byteLength || view.getUint32(header, true) !== LOCAL_HEADER) return null;
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return data.byteLength <= entry.uncompressedSize ? data : null;
  if (entry.method !== DEFLATED) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch {
    return null;
  }
}

// The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  return -1;
}
