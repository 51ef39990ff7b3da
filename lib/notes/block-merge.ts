/**
 * A three-way merge of sequences of blocks (a note's top-level paragraphs, headings, lists…),
 * for rebasing a page's offline edits onto a new generation of the note (./rebase-note.ts).
 *
 * A small LCS-based diff3 rather than a library: node-diff3 is not among the project's
 * dependencies (and could not be checked here), blocks are compared whole (as JSON), and a note
 * has hundreds of blocks at most, so the O(n·m) longest common subsequence is cheap.
 *
 * Never drops anything either side wrote: where both changed the same stretch of blocks
 * differently, both versions are kept (theirs, then mine), and a block one side deleted while the
 * other changed it is kept as changed.
 */

/** Index pairs [i, j] of a longest common subsequence of `a` and `b`, in increasing order. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the LCS length of a[i..] and b[j..], one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[at(i, j)] = a[i] === b[j] ? lengths[at(i + 1, j + 1)]! + 1 : Math.max(lengths[at(i + 1, j)]!, lengths[at(i, j + 1)]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (lengths[at(i + 1, j)]! >= lengths[at(i, j + 1)]!) i += 1;
    else j += 1;
  }
  return pairs;
}

/** Mine's changes to base: each replaces base blocks [from, to) with `blocks` (empty: a deletion; from = to: an insertion). */
interface Hunk<T> {
  from: number;
  to: number;
  blocks: T[];
}

function hunks<T>(baseKeys: readonly string[], mine: readonly T[], mineKeys: readonly string[]): Hunk<T>[] {
  const found: Hunk<T>[] = [];
  let b = 0;
  let m = 0;
  for (const [nextB, nextM] of [...longestCommonSubsequence(baseKeys, mineKeys), [baseKeys.length, mineKeys.length] as [number, number]]) {
    if (nextB > b || nextM > m) found.push({ from: b, to: nextB, blocks: mine.slice(m, nextM) });
    b = nextB + 1;
    m = nextM + 1;
  }
  return found;
}

/**
 * Merges `mine` and `theirs`, two edits of `base`: mine's changes are applied to theirs. `key`
 * tells blocks apart (equal keys: the same block, unchanged); JSON by default.
 *
 * A change of mine to blocks theirs left as they were replaces them. Where theirs changed,
 * deleted or split them too, theirs stays and mine's new blocks follow it (both survive; mine's
 * deletions there are not applied). An insertion of mine lands after the block it followed in
 * base, wherever theirs has it (before what theirs inserted at the same place), or after that
 * block's new version when theirs changed it.
 */
export function mergeBlocks<T>(base: readonly T[], mine: readonly T[], theirs: readonly T[], key: (block: T) => string = (block) => JSON.stringify(block)): T[] {
  const baseKeys = base.map(key);
  const inTheirs = new Map(longestCommonSubsequence(baseKeys, theirs.map(key)));
  /** Blocks to insert before theirs[position] (position theirs.length: at the end). */
  const inserts = new Map<number, T[]>();
  const replaced = new Map<number, T[]>();
  const insert = (position: number, blocks: T[]) => inserts.set(position, [...(inserts.get(position) ?? []), ...blocks]);
  /** Where theirs has the last block before `index` that it kept, plus one (0 when none). */
  const after = (index: number) => {
    for (let b = index - 1; b >= 0; b -= 1) if (inTheirs.has(b)) return inTheirs.get(b)! + 1;
    return 0;
  };
  /** Where theirs has the first block from `index` on that it kept (the end when none). */
  const before = (index: number) => {
    for (let b = index; b < base.length; b += 1) if (inTheirs.has(b)) return inTheirs.get(b)!;
    return theirs.length;
  };
  for (const hunk of hunks(baseKeys, mine, mine.map(key))) {
    if (hunk.from === hunk.to) {
      // After the block it followed, if theirs kept that one; else before the next block theirs
      // kept (the block it followed was changed there, and stays ahead of the insertion).
      insert(hunk.from === 0 || inTheirs.has(hunk.from - 1) ? after(hunk.from) : before(hunk.from), hunk.blocks);
      continue;
    }
    const start = inTheirs.get(hunk.from);
    const keptAsBase = start !== undefined && Array.from({ length: hunk.to - hunk.from }, (_, x) => inTheirs.get(hunk.from + x) === start + x).every(Boolean);
    if (keptAsBase) {
      replaced.set(start, hunk.blocks);
      for (let t = start + 1; t < start + hunk.to - hunk.from; t += 1) replaced.set(t, []);
    } else insert(before(hunk.to), hunk.blocks);
  }
  const merged: T[] = [];
  for (let position = 0; position <= theirs.length; position += 1) {
    merged.push(...(inserts.get(position) ?? []));
    if (position < theirs.length) merged.push(...(replaced.get(position) ?? [theirs[position]!]));
  }
  return merged;
}
