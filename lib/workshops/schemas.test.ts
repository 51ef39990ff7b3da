import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import { TITLE_MAX, ZCreateWorkshopInput, ZUpdateWorkshopInput, ZWorkshopStatusChange } from "./schemas";

function parseFailure(input: unknown, schema: Parameters<typeof parseInput>[0] = ZCreateWorkshopInput) {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { code, messageKey, details } = error as AppError;
    return { code, messageKey, field: details?.field };
  }
  throw new Error("expected the input to be refused");
}

describe("workshop input", () => {
  it("fills defaults and trims", () => {
    expect(parseInput(ZCreateWorkshopInput, { title: "  Review  ", place: " Bamako ", date: " 2024-06-13 " })).toEqual({
      title: "Review",
      description: "",
      date: "2024-06-13",
      place: "Bamako",
      attribution: "CHATHAM_HOUSE",
      codebookFrom: null,
    });
  });

  it("treats an empty date as no date", () => {
    expect(parseInput(ZCreateWorkshopInput, { title: "Review", date: "" }).date).toBeNull();
  });

  it("accepts a title of exactly the maximum length", () => {
    expect(parseInput(ZCreateWorkshopInput, { title: "t".repeat(TITLE_MAX) }).title).toHaveLength(TITLE_MAX);
  });

  it.each([
    { case: "empty title", input: { title: "" }, field: "title", key: "fields.titleRequired" },
    { case: "blank title", input: { title: "   \t " }, field: "title", key: "fields.titleRequired" },
    { case: "missing title", input: {}, field: "title", key: "fields.invalid" },
    { case: "201-character title", input: { title: "t".repeat(TITLE_MAX + 1) }, field: "title", key: "fields.titleTooLong" },
    { case: "date in another format", input: { title: "T", date: "13/06/2024" }, field: "date", key: "fields.dateInvalid" },
    { case: "impossible date", input: { title: "T", date: "2024-02-30" }, field: "date", key: "fields.dateInvalid" },
    { case: "date with a time", input: { title: "T", date: "2024-06-13T10:00:00Z" }, field: "date", key: "fields.dateInvalid" },
    { case: "5001-character description", input: { title: "T", description: "d".repeat(5001) }, field: "description", key: "fields.descriptionTooLong" },
    { case: "201-character place", input: { title: "T", place: "p".repeat(201) }, field: "place", key: "fields.placeTooLong" },
    { case: "unknown attribution", input: { title: "T", attribution: "NAMED" }, field: "attribution", key: "fields.invalid" },
  ])("refuses $case with BAD_REQUEST naming the field", ({ input, field, key }) => {
    expect(parseFailure(input)).toEqual({ code: "BAD_REQUEST", messageKey: key, field });
  });

  it("applies the same rules to updates", () => {
    expect(parseFailure({ title: "" }, ZUpdateWorkshopInput)).toMatchObject({ field: "title", messageKey: "fields.titleRequired" });
  });

  it("knows the three statuses only", () => {
    expect(["OPEN", "CLOSED", "ARCHIVED"].map((status) => parseInput(ZWorkshopStatusChange, status))).toEqual(["OPEN", "CLOSED", "ARCHIVED"]);
    for (const status of ["open", "DELETED", "", null, 1]) {
      expect(parseFailure(status, ZWorkshopStatusChange).code).toBe("BAD_REQUEST");
    }
  });
});
