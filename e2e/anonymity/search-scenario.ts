import { expect } from "@playwright/test";
import { recordPage, requestAndRecord } from "./capture";
import type { ScanMember } from "./annotations-scenario";

/**
 * Queries that reach every kind of result the scan's workshop holds: the scan source's
 * paragraphs ("mandate", "partners"), everyone's annotations and replies, the lessons ("scan")
 * and the meeting note ("note"). `or` joins them into one search.
 */
const QUERIES = ["mandate or partners or scan or note or lesson", "partners", "scan"];
const KINDS = ["", "source", "annotation", "reply", "lesson", "note"];

/**
 * A member searches the workshop on the search page and through the JSON route, with every
 * kind filter, and opens the comparison of their workshops. Everything received is recorded
 * for the scan. Returns nothing: the scanner asserts what arrived.
 */
export async function searchEverything(member: ScanMember, workshopId: string): Promise<void> {
  for (const q of QUERIES) {
    for (const kind of KINDS) {
      const query = new URLSearchParams({ q, ...(kind ? { kind } : {}) }).toString();
      const response = await requestAndRecord(member.page, `/api/workshops/${workshopId}/search?${query}`, member.received);
      expect(response.status()).toBe(200);
    }
    await member.page.goto(`/workshops/${workshopId}/search?${new URLSearchParams({ q })}`);
    await expect(member.page.getByRole("heading", { level: 1 })).toBeVisible();
    await recordPage(member.page, member.received);
  }
  // A refused query is answered without anything of anyone.
  expect((await requestAndRecord(member.page, `/api/workshops/${workshopId}/search?q=`, member.received)).status()).toBe(400);
  await member.page.goto("/workshops/compare");
  await expect(member.page.getByRole("heading", { level: 1 })).toBeVisible();
  await recordPage(member.page, member.received);
}
