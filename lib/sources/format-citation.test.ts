import { describe, expect, it } from "vitest";
import { formatSourceCitation } from "./format-citation";

const source = { title: " Emerging Lessons ", authors: [] as string[], publisher: "", publishedOn: "", url: "" };

describe("formatSourceCitation", () => {
  it("gives what the source's record has, in order, and nothing for what it lacks", () => {
    expect(formatSourceCitation(source, "en")).toBe("“Emerging Lessons”.");
    expect(formatSourceCitation({ ...source, publisher: "IPI" }, "en")).toBe("“Emerging Lessons” (IPI).");
    expect(formatSourceCitation({ ...source, authors: ["A", " ", "B", "C"], publishedOn: "2024", url: "https://ipi.example" }, "en")).toBe(
      "A, B and C, “Emerging Lessons” (2024), https://ipi.example.",
    );
    expect(formatSourceCitation({ ...source, authors: ["A", "B"] }, "fr")).toBe("A et B, « Emerging Lessons ».");
  });
});
