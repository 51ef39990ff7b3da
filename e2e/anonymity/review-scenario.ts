import { expect } from "@playwright/test";
import { recordPage, requestAndRecord } from "./capture";
import type { ScanMember } from "./annotations-scenario";

/**
 * The review: the page (charts, their tables, lessons by theme, most-cited passages, the heatmap
 * with its text opened), the same page narrowed to a theme, and its JSON, with and without the
 * theme. Everything the member receives is recorded for the scanner.
 */
export async function readReview(member: ScanMember, workshopId: string): Promise<void> {
  const base = `/api/workshops/${workshopId}`;
  const review = await requestAndRecord(member.page, `${base}/review`, member.received);
  expect(review.status()).toBe(200);
  const themes = ((await (await requestAndRecord(member.page, `${base}/themes`, member.received)).json()) as { themes: { id: string }[] }).themes;
  expect((await requestAndRecord(member.page, `${base}/review?themeId=${themes[0]!.id}`, member.received)).status()).toBe(200);

  for (const address of [`/workshops/${workshopId}/review`, `/workshops/${workshopId}/review?theme=${themes[0]!.id}`]) {
    await member.page.goto(address);
    await expect(member.page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const toggle of await member.page.getByRole("button", { name: /Show as table|Afficher en tableau/ }).all()) await toggle.click();
    for (const details of await member.page.locator(".review-heatmap-details > summary").all()) await details.click();
    await recordPage(member.page, member.received);
  }
}
