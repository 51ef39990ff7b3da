import { Zip, ZipDeflate } from "fflate";
import { describe, expect, it } from "vitest";
import { createArchiveProgress } from "./archive-progress";

/** A streamed ZIP of these entries, as the chunks its writer emitted. */
function zipChunks(entries: Record<string, string>): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, text] of Object.entries(entries)) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(new TextEncoder().encode(text), true);
  }
  zip.end();
  return chunks;
}

describe("following an archive as it streams in", () => {
  it("counts each expected entry once, when its header arrives, even when a name is cut across chunks", () => {
    const chunks = zipChunks({ "a/README.md": "read me ".repeat(50), "a/note/meeting-note.md": "# Note", "a/lessons/lessons.csv": "x,y" });
    const bytes = Buffer.concat(chunks);
    const progress = createArchiveProgress(["a/README.md", "a/note/meeting-note.md", "a/lessons/lessons.csv", "a/codebook/codebook.qdc"]);
    const counts: number[] = [];
    // Seven-byte pieces: every name is split somewhere.
    for (let start = 0; start < bytes.length; start += 7) counts.push(progress.receive(bytes.subarray(start, start + 7)));
    expect(counts.at(-1)).toBe(3);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.indexOf(1)).toBeLessThan(counts.indexOf(2));
  });
});
