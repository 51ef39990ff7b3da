import { describe, expect, it } from "vitest";
import { createRateLimit } from "./rate-limit";

describe("createRateLimit", () => {
  it("allows up to the limit within a window, then refuses until the window ends", () => {
    const limit = createRateLimit({ limit: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limit.take("a@example.test", t0))).toEqual([true, true, true]);
    expect(limit.take("a@example.test", t0 + 1_000)).toBe(false);
    expect(limit.retryAfterSeconds("a@example.test", t0 + 1_000)).toBe(59);
    expect(limit.take("a@example.test", t0 + 60_000)).toBe(true);
    expect(limit.retryAfterSeconds("a@example.test", t0 + 60_000)).toBe(0);
  });

  it("counts each key on its own", () => {
    const limit = createRateLimit({ limit: 1, windowMs: 60_000 });
    expect(limit.take("a", 0)).toBe(true);
    expect(limit.take("b", 0)).toBe(true);
    expect(limit.take("a", 1)).toBe(false);
  });
});
