import { expect, test } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";

test("pages carry a strict nonce-based CSP and the security headers", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const policy = first.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(second.headers()["content-security-policy"]).not.toEqual(policy);
  expect(first.headers()).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
  });
  expect(first.headers()["x-powered-by"]).toBeUndefined();
});

test("a cross-site POST to a route handler is refused and signs nobody in", async ({ request }) => {
  const response = await request.post("/api/demo/sign-in", {
    headers: { origin: "https://evil.example" },
    form: { person: "organizer", callbackUrl: "/workshops" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const body = await response.json();
  expect(body.error.message).toContain("did not come from a Rapporteur page");
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session).toEqual({});
});

test("API errors are plain messages: 401 signed out, 404 for another workshop's id", async ({ page, request }) => {
  const signedOut = await request.get("/api/workshops");
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in first.", messageKey: "signInRequired" } });

  await signInAsDemo(page, "Bruno Participant");
  const missing = await page.request.get("/api/workshops/someone-elses-workshop");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toBe("Workshop not found, or you are not a member of its workshop.");
});
