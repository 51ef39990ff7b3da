import { describe, expect, it } from "vitest";
import { ID_PATTERN } from "@/lib/validation";
import { newId } from "./ids";

describe("newId", () => {
  it("makes unique ids of the app's id shape, in no order", () => {
    const ids = Array.from({ length: 2_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{25}$/);
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
    expect([...ids].sort()).not.toEqual(ids);
  });
});
