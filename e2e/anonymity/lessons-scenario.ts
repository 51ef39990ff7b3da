import { randomUUID } from "node:crypto";
import { expect, type APIResponse } from "@playwright/test";
import { recordApiResponse, recordPage, requestAndRecord } from "./capture";
import { rangeOf, type ScanMember } from "./annotations-scenario";

/** The words of the scan source that lessons cite (see SOURCE_TEXT in ./annotations-scenario.ts). */
const EVIDENCE = ["mandate was debated at length", "host-state consent faded"];

async function send(member: ScanMember, method: "POST" | "PUT" | "DELETE", url: string, baseURL: string, data?: unknown): Promise<APIResponse> {
  const response = await member.page.request.fetch(url, { method, data, headers: { origin: baseURL } });
  await recordApiResponse(method, response, member.received);
  return response;
}

/**
 * Lessons, evidence, stances and a merge, with everyone on the board: the first three members
 * write a lesson each (evidence from the scan source), every member takes a stance on every
 * lesson (so each lesson's counts come from several people), the rapporteur merges the third
 * lesson into the first (stances that conflict are withdrawn and their owners told), and the
 * organizer hides the second and shows it again. `lesson:upserted` frames, batched as stance
 * changes are, reach everyone. Returns the statements that remain on the board.
 */
export async function writeLessonsAndTakeStances(
  members: readonly ScanMember[],
  workshopId: string,
  sourceId: string,
  baseURL: string,
): Promise<string[]> {
  const [organizer, rapporteur] = members;
  const base = `/api/workshops/${workshopId}/lessons`;
  await Promise.all(members.map((member) => member.page.goto(`/workshops/${workshopId}/lessons`)));

  const themes = (await (await requestAndRecord(organizer!.page, `/api/workshops/${workshopId}/themes`, organizer!.received)).json()) as {
    themes: Array<{ id: string }>;
  };
  expect(themes.themes.length).toBeGreaterThan(0);

  const tag = randomUUID().slice(0, 6);
  const statements = members.slice(0, 3).map((_, index) => `Lesson ${index + 1} of the scan, « leçon » ${tag}.`);
  const lessonIds: string[] = [];
  for (const [index, author] of members.slice(0, 3).entries()) {
    const response = await send(author, "POST", base, baseURL, {
      statement: statements[index],
      elaboration: `Why lesson ${index + 1} matters.`,
      themeIds: [themes.themes[index % themes.themes.length]!.id],
      evidence: [{ sourceId, ...rangeOf(EVIDENCE[index % EVIDENCE.length]!), note: `Evidence note ${index + 1}` }],
    });
    expect(response.status(), await response.text()).toBe(201);
    lessonIds.push(((await response.json()) as { lesson: { id: string } }).lesson.id);
  }

  // Every member takes a stance on every lesson: endorsements and disputes, from everyone.
  for (const [memberIndex, member] of members.entries()) {
    for (const [lessonIndex, lessonId] of lessonIds.entries()) {
      const stance = (memberIndex + lessonIndex) % 3 === 0 ? "DISPUTE" : "ENDORSE";
      const response = await send(member, "PUT", `${base}/${lessonId}/stance`, baseURL, { stance });
      expect(response.status(), await response.text()).toBe(200);
    }
  }
  for (const member of members) {
    await expect
      .poll(() => member.received.some((item) => item.kind === "socket" && item.text.includes("lesson:upserted")), {
        message: `${member.label} received lesson changes live`,
        timeout: 30_000,
      })
      .toBe(true);
  }

  // The rapporteur merges the third lesson into the first.
  const merged = await send(rapporteur!, "POST", `${base}/${lessonIds[0]}/merge`, baseURL, { fromLessonId: lessonIds[2] });
  expect(merged.status(), await merged.text()).toBe(200);
  // The organizer hides the second lesson, then shows it again.
  expect((await send(organizer!, "PUT", `${base}/${lessonIds[1]}/hidden`, baseURL)).status()).toBe(200);
  expect((await send(organizer!, "DELETE", `${base}/${lessonIds[1]}/hidden`, baseURL)).status()).toBe(200);

  const shown = statements.slice(0, 2);
  for (const member of members) {
    const board = await requestAndRecord(member.page, base, member.received);
    expect(board.status()).toBe(200);
    const text = await board.text();
    for (const statement of shown) expect(text).toContain(JSON.stringify(statement).slice(1, -1));
    for (const lessonId of lessonIds) await requestAndRecord(member.page, `${base}/${lessonId}`, member.received);
    await requestAndRecord(member.page, `${base}/similar?q=${encodeURIComponent(`Lesson 1 of the scan ${tag}`)}`, member.received);
    await member.page.goto(`/workshops/${workshopId}/lessons`);
    for (const statement of shown) await expect(member.page.getByText(statement)).toBeVisible();
    await recordPage(member.page, member.received);
    // The edit page of the first lesson: its author's form, "not found" for everyone else.
    await member.page.goto(`/workshops/${workshopId}/lessons/${lessonIds[0]}/edit`);
    await recordPage(member.page, member.received);
  }
  return shown;
}
