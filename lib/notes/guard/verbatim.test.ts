import { describe, expect, it } from "vitest";
import { foldText, wordsOf } from "./normalize";
import { buildShingleIndex, findVerbatimRuns, sharedShingles } from "./verbatim";

const ANNOTATION = "The mission relied on contractors for logistics and this left the force unable to move when the roads flooded.";

function runs(text: string, contributions: string[], allowedTexts: string[] = []) {
  const index = buildShingleIndex(contributions);
  const folded = foldText(text);
  let built = 0;
  const allowed = () => {
    built += 1;
    return sharedShingles(index, allowedTexts);
  };
  const found = findVerbatimRuns(index, wordsOf(folded.lower), allowed).map((run) => text.slice(folded.origin[run.from], folded.origin[run.to - 1]! + 1));
  return { found, built };
}

describe("the verbatim detector", () => {
  it("flags 12 or more consecutive words copied from a contribution, whatever the case, accents and punctuation", () => {
    const note = "In short: THE MISSION relied on contractors, for logistics; and this left the force unable to move. Other words follow.";
    expect(runs(note, [ANNOTATION]).found).toEqual(["THE MISSION relied on contractors, for logistics; and this left the force unable to move"]);
    expect(runs("La mission dépendait des prestataires pour la logistique et cela laissait la force immobile", ["la mission dependait des prestataires pour la logistique et cela laissait la force immobile quand"]).found).toHaveLength(1);
  });

  it("does not flag 11 words", () => {
    expect(runs("relied on contractors for logistics and this left the force unable", [ANNOTATION]).found).toEqual([]);
    expect(runs("The mission relied on contractors for logistics and this left the force", [ANNOTATION]).found).toEqual(["The mission relied on contractors for logistics and this left the force"]);
  });

  it("leaves words that also stand in allowed texts (a lesson statement, a quoted source passage), and builds those only when needed", () => {
    const source = "and this left the force unable to move when the roads flooded during the rainy season";
    const copied = "And this left the force unable to move when the roads flooded, as the report says.";
    expect(runs(copied, [ANNOTATION], [source])).toEqual({ found: [], built: 1 });
    expect(runs(copied, [ANNOTATION], []).found).toEqual(["And this left the force unable to move when the roads flooded"]);
    expect(runs("Nothing copied here at all, these are the note's own words, long enough.", [ANNOTATION], [source]).built).toBe(0);
  });

  it("does not join words across a word no contribution has", () => {
    expect(runs("The mission relied on contractors for logistics and XYZZY this left the force unable to move", [ANNOTATION]).found).toEqual([]);
  });
});
