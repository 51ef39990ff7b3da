/**
 * Follows a ZIP as it streams in: which of the expected entries have begun (their name is in a
 * local file header the moment the server starts writing them). Entry names are searched across
 * chunk boundaries by keeping the tail of the previous chunk.
 */
export function createArchiveProgress(paths: readonly string[]) {
  const encoder = new TextEncoder();
  const names = paths.map((path) => ({ path, bytes: encoder.encode(path) }));
  const longest = Math.max(0, ...names.map((name) => name.bytes.length));
  const seen = new Set<string>();
  let tail = new Uint8Array(0);
  return {
    /** Takes the next chunk; returns how many expected entries have begun so far. */
    receive(chunk: Uint8Array): number {
      const window = new Uint8Array(tail.length + chunk.length);
      window.set(tail);
      window.set(chunk, tail.length);
      for (const name of names) {
        if (!seen.has(name.path) && indexOf(window, name.bytes) >= 0) seen.add(name.path);
      }
      tail = window.slice(Math.max(0, window.length - longest + 1));
      return seen.size;
    },
  };
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let index = 0; index < needle.length; index++) {
      if (haystack[start + index] !== needle[index]) continue outer;
    }
    return start;
  }
  return -1;
}
