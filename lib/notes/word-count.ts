/**
 * How many words a text holds, in any language the note may be written in: Intl.Segmenter's word
 * boundaries (so "peace-keeping", "l'accord" and Arabic or Cyrillic words count as people expect),
 * counting only segments that are words, not spaces or punctuation.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
