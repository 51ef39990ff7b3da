import { describe, expect, it } from "vitest";
import { annotationHref, parseReaderTarget } from "./fragment";

describe("reader fragments", () => {
  it("reads passage and annotation targets, nothing else", () => {
    expect(parseReaderTarget("#passage-abc123")).toEqual({ kind: "passage", id: "abc123" });
    expect(parseReaderTarget("#annotation-x9")).toEqual({ kind: "annotation", id: "x9" });
    for (const other of ["", "#", "#p3", "#passage-", "#passage-ABC", "#annotation-a\"b", "#passage-a b"]) {
      expect(parseReaderTarget(other)).toBeNull();
    }
  });

  it("links to an annotation as the export names it", () => {
    expect(annotationHref("https://r.test", "w1", "s1", "a1")).toBe("https://r.test/workshops/w1/sources/s1#annotation-a1");
  });
});
