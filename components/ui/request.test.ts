import { afterEach, describe, expect, it, vi } from "vitest";
import { RequestError, sendJson } from "./request";

const t = Object.assign((key: string) => `t:${key}`, { has: () => false }) as unknown as Parameters<typeof sendJson>[0];

function answer(status: number, json: () => Promise<unknown>) {
  vi.stubGlobal("fetch", async () => ({ status, ok: status < 400, json }));
}

describe("sendJson", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("passes a cancellation that lands while the body is read on as a cancellation, not as an empty answer", async () => {
    answer(200, () => Promise.reject(Object.assign(new Error("The operation was aborted."), { name: "AbortError" })));
    await expect(sendJson(t, "offline", "/api/x", "GET")).rejects.toMatchObject({ name: "AbortError" });
  });

  it("turns a refusal without a JSON body into a RequestError with the generic message", async () => {
    answer(500, () => Promise.reject(new SyntaxError("Unexpected token <")));
    const failure = await sendJson(t, "offline", "/api/x", "GET").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestError);
    expect((failure as RequestError).message).toBe("t:generic");
  });
});
