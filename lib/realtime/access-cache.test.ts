import { describe, expect, it } from "vitest";
import { ACCESS_MAX_AGE_MS, SocketAccessCache } from "./access-cache";
import { accessChanged } from "./hub";

// The per-socket access cache: kept while the workshop's access version stays and the entry is
// young; refusals are never kept; an answer loaded across a change is stale at once.

function counting<T>(answers: T[]) {
  let calls = 0;
  return { load: async () => answers[Math.min(calls++, answers.length - 1)]!, calls: () => calls };
}

describe("SocketAccessCache", () => {
  it("answers from memory until the workshop's access changes, then looks up again", async () => {
    const cache = new SocketAccessCache<string>();
    const { load, calls } = counting(["editor", "reader"]);
    for (let i = 0; i < 3; i += 1) expect(await cache.get("s1", "w-cache-1", load, () => true)).toBe("editor");
    expect(calls()).toBe(1);
    accessChanged("w-cache-1");
    expect(await cache.get("s1", "w-cache-1", load, () => true)).toBe("reader");
    expect(calls()).toBe(2);
    // Another workshop's change leaves this one alone.
    accessChanged("w-cache-other");
    expect(await cache.get("s1", "w-cache-1", load, () => true)).toBe("reader");
    expect(calls()).toBe(2);
  });

  it("expires entries after ACCESS_MAX_AGE_MS, keeps no refusal, and forgets a socket", async () => {
    let now = 1_000;
    const cache = new SocketAccessCache<string | null>(() => now);
    const { load, calls } = counting<string | null>(["editor", "editor", null, "editor"]);
    const keep = (value: string | null) => value !== null;
    await cache.get("s1", "w-cache-2", load, keep);
    now += ACCESS_MAX_AGE_MS - 1;
    await cache.get("s1", "w-cache-2", load, keep);
    expect(calls()).toBe(1);
    now += 1;
    await cache.get("s1", "w-cache-2", load, keep);
    expect(calls()).toBe(2);
    now += ACCESS_MAX_AGE_MS;
    expect(await cache.get("s1", "w-cache-2", load, keep)).toBeNull();
    expect(await cache.get("s1", "w-cache-2", load, keep)).toBe("editor");
    expect(calls()).toBe(4);
    cache.forget("s1");
    await cache.get("s1", "w-cache-2", load, keep);
    expect(calls()).toBe(5);
  });

  it("does not keep an answer whose lookup overlapped a change", async () => {
    const cache = new SocketAccessCache<string>();
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (calls === 1) accessChanged("w-cache-3"); // the change commits while the lookup runs
      return calls === 1 ? "editor (stale)" : "reader";
    };
    expect(await cache.get("s1", "w-cache-3", load, () => true)).toBe("editor (stale)");
    expect(await cache.get("s1", "w-cache-3", load, () => true)).toBe("reader");
  });
});
