import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeSchema } from "./describe-schema";

describe("describeSchema", () => {
  it("reads an object's fields, optional ones marked, with their limits", () => {
    const schema = z.toJSONSchema(
      z.object({ name: z.string().min(1).max(80), scope: z.enum(["read", "read_write"]), tags: z.array(z.string()).max(3).optional(), note: z.string().nullable() }),
    );
    expect(describeSchema(schema)).toBe(
      ['{', '  name: string (1–80 chars)', '  scope: "read" | "read_write"', "  tags?: string[] (≤ 3 items)", "  note: string | null", "}"].join("\n"),
    );
  });

  it("names shared schemas instead of repeating them", () => {
    expect(describeSchema({ type: "array", items: { $ref: "#/components/schemas/Lesson" } })).toBe("Lesson[]");
  });
});
