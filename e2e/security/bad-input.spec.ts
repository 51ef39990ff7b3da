import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";

/** The demo workshop's id and its first source's, as the signed-in person sees them. */
async function demoSource(request: APIRequestContext): Promise<{ workshopId: string; sourceId: string }> {
  const { workshops } = await (await request.get("/api/workshops")).json();
  const workshopId = workshops.find((workshop: { isDemo?: boolean; title: string }) => /MINUSMA/.test(workshop.title)).id as string;
  const { sources } = await (await request.get(`/api/workshops/${workshopId}`)).json();
  return { workshopId, sourceId: sources[0].id };
}

test("a server action from another site is a 403 with a message, in the person's language", async ({ request, baseURL }) => {
  const headers = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
  const foreign = await request.post("/workshops/new", { headers: { ...headers, origin: "https://evil.example" }, data: "[]" });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toBe("This request did not come from a Rapporteur page. Reload the page and try again.");
  const french = await request.post("/workshops/new", { headers: { ...headers, origin: "https://evil.example", "accept-language": "fr-FR,fr;q=0.9" }, data: "[]" });
  expect(french.status()).toBe(403);
  expect(await french.text()).toContain("Cette requête ne vient pas d’une page de Rapporteur");

  const tooLarge = await request.post("/workshops/new", { headers: { ...headers, origin: new URL(baseURL!).origin }, data: "x".repeat(2 * 1024 * 1024) });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.text()).toContain("too large (over 1 MB)");
});

test("NUL characters and malformed ids get a 4xx, never a 500", async ({ page, baseURL }) => {
  await signInAsDemo(page, "Amina Participant");
  const request = page.request;
  const origin = new URL(baseURL!).origin;
  for (const path of ["/api/workshops/%00", "/api/workshops/a%00b/themes", "/api/workshops/%27%20OR%201%3D1"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const { workshopId, sourceId } = await demoSource(request);
  const annotations = `/api/workshops/${workshopId}/sources/${sourceId}/annotations`;
  const nulComment = await request.post(annotations, { headers: { origin }, data: { start: 0, end: 8, comment: "before\u0000after" } });
  expect(nulComment.status()).toBe(400);
  expect((await nulComment.json()).error).toMatchObject({ code: "BAD_REQUEST", field: "comment" });
  const nulSource = await request.get(`/api/workshops/${workshopId}/sources/s%00x/annotations`);
  expect(nulSource.status()).toBe(400);
  const nulPassage = await request.get(`/api/workshops/${workshopId}/passages/p%00`);
  expect(nulPassage.status()).toBeLessThan(500);
  expect(nulPassage.status()).toBeGreaterThanOrEqual(400);
  const page404 = await page.goto(`/workshops/${workshopId}%00`);
  expect(page404?.status()).toBe(404);
});
