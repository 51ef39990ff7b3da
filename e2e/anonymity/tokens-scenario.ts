import { expect, request, type Page } from "@playwright/test";
import { recordApiResponse, recordPage, type Received } from "./capture";
import { createWorkshop, uniqueTitle } from "../fixtures/workshops";

interface TokenUser {
  label: string;
  page: Page;
  received: Received[];
}

/** Creates a read token on the account page; its secret, as shown once. */
async function createReadToken(member: TokenUser): Promise<string> {
  await member.page.goto("/account");
  const section = member.page.getByRole("region", { name: "Access tokens" });
  await section.getByLabel("Name").fill(`Scan script ${member.label}`);
  await section.getByRole("radio", { name: "Read only" }).check();
  await section.getByRole("button", { name: "Create token" }).click();
  const secret = await section.getByLabel("Your new token").inputValue();
  expect(secret).toMatch(/^rpt_/);
  await recordPage(member.page, member.received);
  return secret;
}

/**
 * A member's script reads every JSON GET the API describes, with a read token and no cookie, and
 * everything it gets back is recorded as received by that member. Tokens are for organizers, so
 * a member who is not one first organizes a workshop of their own: in the scanned workshop the
 * token still acts with their role there. Returns the token, which must never reach anyone else
 * nor the server log.
 */
/** What reads that need a query are asked (the rest of each path is filled with real ids). */
const EXAMPLE_QUERIES: [string, string][] = [
  ["/similar", "?q=lesson"],
  ["/search", "?q=lesson"],
  ["/themes/export", "?format=json"],
  ["/export/lessons", "?format=json"],
  ["/export/codebook", "?format=json"],
];

export async function readEverythingWithAToken(member: TokenUser, workshopId: string, baseURL: string, { organizeOwnWorkshop }: { organizeOwnWorkshop: boolean }): Promise<string> {
  if (organizeOwnWorkshop) await createWorkshop(member.page, { title: uniqueTitle("Token holder's own") });
  const secret = await createReadToken(member);
  const script = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  try {
    const get = async (url: string) => {
      const response = await script.get(url);
      await recordApiResponse("GET", response, member.received);
      return response;
    };
    const overview = (await (await get(`/api/workshops/${workshopId}`)).json()) as { sources: { id: string }[]; themes: { id: string }[] };
    const board = (await (await get(`/api/workshops/${workshopId}/lessons`)).json()) as { lessons: { id: string; evidence: { passage: { id: string } }[] }[] };
    const ids: Record<string, string | undefined> = {
      workshopId,
      sourceId: overview.sources[0]?.id,
      themeId: overview.themes[0]?.id,
      lessonId: board.lessons[0]?.id,
      passageId: board.lessons.flatMap((lesson) => lesson.evidence)[0]?.passage.id,
    };
    const document = (await (await get("/api/openapi.json")).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    const reads = Object.entries(document.paths).filter(([, methods]) => methods.get?.responses["200"]?.content?.["application/json"]);
    let answered = 0;
    for (const [path] of reads) {
      const url = path.replace(/\{([^}]+)\}/g, (_match, name: string) => ids[name] ?? "missing");
      if (url.includes("missing")) continue;
      const response = await get(`${url}${EXAMPLE_QUERIES.find(([ending]) => url.endsWith(ending))?.[1] ?? ""}`);
      expect(response.status(), url).toBeLessThan(500);
      expect([200, 403], url).toContain(response.status());
      answered += 1;
    }
    expect(answered).toBeGreaterThanOrEqual(reads.length - 1);
  } finally {
    await script.dispose();
  }
  return secret;
}
