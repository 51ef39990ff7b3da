import { describe, expect, it } from "vitest";
import { newWorkshopKey, openStoredKey, sealKeyForStorage } from "./key-crypto";
import { ownerTag, sameTag } from "./owner-tag";

const SECRET = "s".repeat(40);

describe("workshop ownership keys", () => {
  it("open only with the same secret and for the same workshop", () => {
    const key = newWorkshopKey();
    const stored = sealKeyForStorage(key, SECRET, "workshop-a");
    expect(stored.includes(key)).toBe(false);
    expect(openStoredKey(stored, SECRET, "workshop-a")).toEqual(key);
    expect(openStoredKey(stored, "t".repeat(40), "workshop-a")).toBeNull();
    expect(openStoredKey(stored, SECRET, "workshop-b")).toBeNull();
    const damaged = Buffer.from(stored);
    damaged[20] = damaged[20]! ^ 1;
    expect(openStoredKey(damaged, SECRET, "workshop-a")).toBeNull();
    expect(openStoredKey(stored.subarray(1), SECRET, "workshop-a")).toBeNull();
  });

  it("encrypt the same key differently each time (a fresh IV)", () => {
    const key = newWorkshopKey();
    expect(sealKeyForStorage(key, SECRET, "w")).not.toEqual(sealKeyForStorage(key, SECRET, "w"));
  });
});

describe("owner tags", () => {
  it("depend on the key, the scope and the person, and compare in constant time", () => {
    const key = newWorkshopKey();
    const tag = ownerTag(key, "annotation:1", "user-1");
    expect(tag).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ownerTag(key, "annotation:1", "user-1")).toBe(tag);
    expect(ownerTag(key, "annotation:2", "user-1")).not.toBe(tag);
    expect(ownerTag(key, "annotation:1", "user-2")).not.toBe(tag);
    expect(ownerTag(newWorkshopKey(), "annotation:1", "user-1")).not.toBe(tag);
    // The separator keeps ("a:1", "2…") and ("a:12", "…") apart.
    expect(ownerTag(key, "a:1", "2x")).not.toBe(ownerTag(key, "a:12", "x"));
    expect(sameTag(tag, ownerTag(key, "annotation:1", "user-1"))).toBe(true);
    expect(sameTag(null, tag)).toBe(false);
    expect(sameTag(tag.slice(1), tag)).toBe(false);
  });
});
