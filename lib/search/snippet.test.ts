import { describe, expect, it } from "vitest";
import { freshMarkers, segmentsOf } from "./snippet";

describe("search snippets", () => {
  const markers = freshMarkers();
  const mark = (text: string) => `${markers.start}${text}${markers.stop}`;

  it("splits a headline into plain and marked segments", () => {
    expect(segmentsOf(`The ${mark("accords")} held, the ${mark("accord")} too`, markers)).toEqual([
      { text: "The ", marked: false },
      { text: "accords", marked: true },
      { text: " held, the ", marked: false },
      { text: "accord", marked: true },
      { text: " too", marked: false },
    ]);
  });

  it("keeps markup in the text as text", () => {
    expect(segmentsOf(`<script>x</script> ${mark("<b>")}`, markers)).toEqual([
      { text: "<script>x</script> ", marked: false },
      { text: "<b>", marked: true },
    ]);
  });

  it("does not trust markers of another search or unpaired ones", () => {
    const other = freshMarkers();
    expect(markers.start).not.toBe(other.start);
    expect(segmentsOf(`a ${other.start}b${other.stop} ${markers.start}c`, markers)).toEqual([{ text: `a ${other.start}b${other.stop} c`, marked: false }]);
  });
});
