import { describe, expect, it } from "vitest";
import { refuseServerAction, SERVER_ACTION_MAX_BYTES } from "./server-action-guard";

const base = { actionId: "abc123", origin: "http://localhost:3000", host: "localhost:3000", appUrl: "https://rapporteur.example.org", contentLength: "200", locale: "en" as const };

describe("refuseServerAction", () => {
  it("lets through what is not a server action, and a same-site call of a normal size", () => {
    expect(refuseServerAction({ ...base, actionId: null, origin: "https://evil.example" })).toBeNull();
    expect(refuseServerAction(base)).toBeNull();
    expect(refuseServerAction({ ...base, origin: "https://rapporteur.example.org", host: "10.0.0.5:3000" })).toBeNull();
  });

  it("refuses a call from another site, or with no Origin, with a 403 in the person's language", () => {
    expect(refuseServerAction({ ...base, origin: "https://evil.example" })).toMatchObject({ status: 403, message: expect.stringContaining("did not come from a Rapporteur page") });
    expect(refuseServerAction({ ...base, origin: null })).toMatchObject({ status: 403 });
    expect(refuseServerAction({ ...base, origin: "not a url" })).toMatchObject({ status: 403 });
    expect(refuseServerAction({ ...base, origin: "https://evil.example", locale: "fr" })).toMatchObject({ status: 403, message: expect.stringContaining("Rapporteur") });
    expect(refuseServerAction({ ...base, origin: "https://evil.example", locale: "fr" })!.message).not.toBe(refuseServerAction({ ...base, origin: "https://evil.example" })!.message);
  });

  it("refuses a body over the limit with a 413, and never logs the body", () => {
    const refusal = refuseServerAction({ ...base, contentLength: String(2 * SERVER_ACTION_MAX_BYTES) });
    expect(refusal).toMatchObject({ status: 413, message: expect.stringContaining("1 MB"), reason: `server action body of ${2 * SERVER_ACTION_MAX_BYTES} bytes` });
    expect(refuseServerAction({ ...base, contentLength: String(SERVER_ACTION_MAX_BYTES) })).toBeNull();
  });
});
