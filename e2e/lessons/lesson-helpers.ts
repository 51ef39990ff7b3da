import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { signInAsDemo } from "../fixtures/auth";
import { acceptInvitation, inviteMember } from "../fixtures/workshops";

export interface CreatedLesson {
  id: string;
  statement: string;
}

/** Writes a lesson through the API as the signed-in person. */
export async function createLesson(
  page: Page,
  workshopId: string,
  input: { statement: string; themeIds: string[]; elaboration?: string; evidence?: { passageId: string; note?: string }[] },
): Promise<CreatedLesson> {
  const response = await page.request.post(`/api/workshops/${workshopId}/lessons`, { data: input, headers: { origin: new URL(page.url()).origin } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { lesson: CreatedLesson }).lesson;
}

/** The board's card of the lesson with this statement. */
export function lessonCard(page: Page, statement: string): Locator {
  return page.getByRole("article", { name: statement });
}

/** Opens the board and waits until it is live (the live count connects once hydrated). */
export async function openBoard(page: Page, workshopId: string, fragment = ""): Promise<void> {
  await page.goto(`/workshops/${workshopId}/lessons${fragment}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("live-count")).toContainText(/here now|en ce moment/);
}

/** Demo people join the organizer's workshop: each is invited by email and accepts in a context of their own. */
export async function joinAsMembers(
  browser: Browser,
  organizer: Page,
  { workshopId, workshopTitle, people }: { workshopId: string; workshopTitle: string; people: { name: string; email: string; role?: string }[] },
): Promise<{ context: BrowserContext; page: Page }[]> {
  const joined: { context: BrowserContext; page: Page }[] = [];
  for (const person of people) {
    const link = await inviteMember(organizer, workshopId, { email: person.email, role: person.role, workshopTitle });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsDemo(page, person.name);
    await acceptInvitation(page, link);
    joined.push({ context, page });
  }
  return joined;
}
